// Vigie's badge and warning follow LinkedIn's own light/dark setting (content/ui/shadow-ui.js),
// read from the saved real pages where they carry it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { real, fromHtml } from './load.js';
import '../../extension/src/content/ui/shadow-ui.js';

const ui = globalThis.__vigie.ui;

test('the 2026 front end (SDUI) says its theme on the outlet of its shadow-root dialogs: light on the saved pages', () => {
  for (const id of ['search-sdui-pl-0522', 'connections-sdui-pl']) assert.equal(ui.pageTheme(real(id)), 'light', id);
});

test('a page that says dark gets dark, whichever element says it; a page that says nothing leaves it to the computer', () => {
  // No saved real page in dark mode exists in the corpus: these documents are written for the class names only
  // (theme--dark on <html>, as a public LinkedIn extension reads LinkedIn's dark mode: diegofrr/likedin, theme.js).
  assert.equal(ui.pageTheme(fromHtml('<html class="theme theme--dark"><body></body></html>')), 'dark');
  assert.equal(ui.pageTheme(fromHtml('<html><body><div id="interop-outlet" class="theme--dark"></div></body></html>')), 'dark');
  // The classic real pages carry "theme theme--mercado" only: no statement, the computer's setting decides.
  assert.equal(ui.pageTheme(real('custom-invite-classic-en')), null);
  assert.equal(ui.pageTheme(fromHtml('<html><body><p>Viadeo</p></body></html>')), null);
});

test('one definition of the dark colours serves LinkedIn\'s dark setting and the computer\'s', () => {
  const css = ui.BASE_CSS;
  assert.match(css, /:host\(\[data-theme="dark"\]\)/);
  assert.match(css, /prefers-color-scheme: dark\) \{ :host\(:not\(\[data-theme="light"\]\)\)/);
  // The page's light setting wins over a dark computer: the media rule excludes it.
  assert.equal((css.match(/--bg: #161b22/g) ?? []).length, 2, 'the dark block is the same text in both places (one constant)');
});
