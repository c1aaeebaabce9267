// Loads the extractors exactly as the browser does (classic scripts attaching to
// globalThis.__vigie) and parses fixtures with linkedom.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import '../../extension/src/content/extract/common.js';
import '../../extension/src/content/extract/page-kind.js';
import '../../extension/src/content/extract/linkedin-profile.js';
import '../../extension/src/content/extract/linkedin-lists.js';
import '../../extension/src/content/extract/viadeo.js';

export const X = globalThis.__vigie.extract;

export function fixture(name) {
  const html = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
  return parseHTML(html).document;
}
