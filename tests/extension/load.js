// Loads the extractors exactly as the browser does (classic scripts attaching to
// globalThis.__vigie) and parses fixtures with linkedom.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import '../../extension/src/content/extract/words.js';
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

// A page of the real-markup corpus (tests/fixtures/real/), parsed afresh (tests may cut it).
export function real(id) {
  const html = readFileSync(new URL(`../fixtures/real/${id}.html`, import.meta.url), 'utf8');
  return parseHTML(html).document;
}

// The profile URL of a real profile page: the top card's own /in/ link.
export function topCardUrl(doc) {
  const card = doc.querySelector('[componentkey$="Topcard"]') ?? doc.querySelector('main h1')?.closest('section');
  for (const a of card.querySelectorAll('a[href*="/in/"]')) {
    if (a.querySelector('h1, h2')) return X.linkedinProfileUrl(a.getAttribute('href'));
  }
  return null;
}

// A document from literal markup (for what no saved page exists of, said so at the call site).
export function fromHtml(html) {
  return parseHTML(html).document;
}
