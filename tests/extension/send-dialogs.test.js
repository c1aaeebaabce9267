// The send guard's pure parts: where the invitation dialog is, which button sends, who is invited,
// and what the policy decides when the host cannot answer. The guard's behaviour in a browser
// (held clicks, replays, timing) is proved end to end in tests/e2e/real-guard.test.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import '../../extension/src/content/extract/words.js';
import '../../extension/src/content/extract/common.js';
import '../../extension/src/content/extract/page-kind.js';
import '../../extension/src/content/extract/dialogs.js';
import '../../extension/src/content/policy/send-policy.js';

const X = globalThis.__vigie.extract;
const P = globalThis.__vigie.policy;

// The artdeco invitation dialog's structure (as in the saved pages); words in the language given.
const inviteDialog = ({ name = 'Ewa Nowak', send = 'Wyślij bez notatki', note = false, tag = 'div', attrs = 'role="dialog"' } = {}) => `
  <${tag} ${attrs} data-test-modal="" tabindex="-1" class="artdeco-modal artdeco-modal--layer-default send-invite" aria-labelledby="send-invite-modal">
    <button aria-label="Odrzuć" class="artdeco-button artdeco-button--circle artdeco-button--tertiary artdeco-modal__dismiss" data-test-modal-close-btn=""><span class="artdeco-button__text"></span></button>
    <div class="artdeco-modal__header"><h2 id="send-invite-modal">Możesz dodać notatkę do zaproszenia</h2></div>
    <div class="artdeco-modal__content">${note ? '<textarea id="custom-message" name="message"></textarea>' : `<p class="display-flex"><span class="flex-1">Spersonalizuj zaproszenie dla użytkownika <strong>${name}</strong>, dodając notatkę.</span></p>`}</div>
    <div class="artdeco-modal__actionbar text-align-right">
      <button aria-label="${note ? 'Anuluj' : 'Dodaj notatkę'}" class="artdeco-button artdeco-button--2 artdeco-button--secondary mr1"><span class="artdeco-button__text">${note ? 'Anuluj' : 'Dodaj notatkę'}</span></button>
      <button aria-label="${send}" class="artdeco-button artdeco-button--2 artdeco-button--primary ml1"><span class="artdeco-button__text">${send}</span></button>
    </div>
  </${tag}>`;

const page = (body) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document;

// The composed path of a click on `el`: ancestors, crossing shadow roots to their hosts.
function pathOf(el) {
  const out = [];
  for (let n = el; n; n = n.parentNode ?? n.host) out.push(n);
  return out;
}

test('the custom-invite vanity name is read from Connect links and the custom-invite URL', () => {
  const cases = [
    ['/preload/search-custom-invite/?vanityName=ewa-nowak-3b2a1', 'ewa-nowak-3b2a1'],
    ['https://www.linkedin.com/preload/custom-invite/?vanityName=jan-kowalski', 'jan-kowalski'],
    ['/preload/custom-invite/?origin=X&vanityName=zo%C3%AB-l', 'zoë-l'],
    ['/preload/custom-invite/?vanityName=', null],
    ['/preload/custom-invite/?vanityName=a%2Fb', null],
    ['/in/jan-kowalski/', null],
    ['/preload/custom-invite/?vanityName=%E0%A4', null],
  ];
  for (const [href, want] of cases) assert.equal(X.customInviteVanity(href), want, href);
});

test('the send button is the dialog\'s primary action in any language, with or without a note', () => {
  const cases = [
    { what: 'Polish, first view', html: inviteDialog(), want: 'without-note' },
    { what: 'English, first view', html: inviteDialog({ send: 'Send without a note' }), want: 'without-note' },
    { what: 'after "Add a note"', html: inviteDialog({ send: 'Send', note: true }), want: 'with-note' },
    { what: 'German, after "Add a note"', html: inviteDialog({ send: 'Senden', note: true }), want: 'with-note' },
  ];
  for (const c of cases) {
    const doc = page(c.html);
    const dialog = doc.querySelector('[role="dialog"]');
    const [dismiss, secondary, primary] = dialog.querySelectorAll('button');
    assert.equal(X.sendKind(primary, dialog), c.want, c.what);
    assert.equal(X.sendKind(secondary, dialog), null, `${c.what}: the secondary button does not send`);
    assert.equal(X.sendKind(dismiss, dialog), null, `${c.what}: the dismiss button does not send`);
  }
});

test('a Send in a dialog that is not an invitation (messaging, ad menu) is not the guard\'s', () => {
  const doc = page(`
    <div role="dialog" aria-label="Messaging"><div class="msg-form__footer"><button class="artdeco-button--primary">Send</button></div></div>
    <dialog role="dialog"><footer><button class="artdeco-button--primary">Send</button></footer></dialog>`);
  for (const b of doc.querySelectorAll('button')) assert.equal(X.sendInPath(pathOf(b), 'https://www.linkedin.com/feed/'), null);
  assert.deepEqual(X.openInviteDialogs(doc, [], 'https://www.linkedin.com/feed/'), []);
});

test('the dialog is found in the document, in the interop shadow root and as a native <dialog open> without role', () => {
  const cases = [
    { where: 'document (classic)', build: (doc) => { doc.body.innerHTML = inviteDialog(); return []; } },
    {
      where: 'shadow root of #interop-outlet (SDUI)',
      build: (doc) => {
        doc.body.innerHTML = '<div id="interop-outlet" data-testid="interop-shadowdom"></div><main><a href="/in/x/">x</a></main>';
        const root = doc.getElementById('interop-outlet').attachShadow({ mode: 'open' });
        root.innerHTML = inviteDialog();
        return [root];
      },
    },
    { where: 'native dialog[open], no role', build: (doc) => { doc.body.innerHTML = inviteDialog({ tag: 'dialog', attrs: 'open' }); return []; } },
  ];
  for (const c of cases) {
    const doc = page('');
    const expectedRoots = c.build(doc);
    const roots = X.openShadowRoots(doc);
    assert.deepEqual(roots, expectedRoots, `${c.where}: shadow roots`);
    const dialogs = X.openInviteDialogs(doc, roots, 'https://www.linkedin.com/search/results/people/');
    assert.equal(dialogs.length, 1, c.where);
    assert.equal(X.inviteDialogName(dialogs[0]), 'Ewa Nowak', c.where);
    const send = dialogs[0].querySelector('.artdeco-button--primary');
    const found = X.sendInPath(pathOf(send.querySelector('span')), 'https://www.linkedin.com/search/results/people/');
    assert.equal(found?.button, send, `${c.where}: the click on the button's text is a click on Send`);
    assert.equal(found.dialog, dialogs[0], c.where);
  }
});

test('a closed native <dialog> is not an open invitation', () => {
  const doc = page(inviteDialog({ tag: 'dialog', attrs: '' }));
  assert.deepEqual(X.openInviteDialogs(doc, [], 'https://www.linkedin.com/feed/'), []);
  assert.equal(X.sendInPath(pathOf(doc.querySelector('.artdeco-button--primary')), 'https://www.linkedin.com/feed/'), null);
});

test('on a /preload/custom-invite/ page the page itself holds the dialog', () => {
  const url = 'https://www.linkedin.com/preload/custom-invite/?vanityName=ewa-nowak';
  assert.equal(X.isCustomInvitePage(url), true);
  assert.equal(X.isCustomInvitePage('https://www.linkedin.com/in/ewa-nowak/'), false);
  const doc = page(`<div class="application-outlet"><div class="artdeco-modal__actionbar"><button class="artdeco-button--primary">Wyślij</button></div><textarea id="custom-message"></textarea></div>`);
  const [body] = X.openInviteDialogs(doc, [], url);
  assert.equal(body, doc.body);
  assert.equal(X.sendInPath(pathOf(doc.querySelector('button')), url)?.kind, 'with-note');
});

test('a Connect click says whom it invites when the control does', () => {
  const doc = page(`
    <main>
      <div role="listitem"><a href="/in/ewa-nowak-1/"><p>Ewa Nowak</p>
        <a id="sdui" aria-label="Zaproś użytkownika Ewa Nowak do nawiązania kontaktu" href="/preload/search-custom-invite/?vanityName=ewa-nowak-1"><span>Połącz</span></a></a></div>
      <li class="card"><a href="/in/jan-k/"><span aria-hidden="true">Jan K</span></a><button id="classic" aria-label="Invite Jan K to connect"><span>Connect</span></button></li>
      <section><a href="/in/a/">A</a><a href="/in/b/">B</a><div><button id="ambiguous"><span>Connect</span></button></div></section>
      <button id="other"><span>Follow</span></button>
    </main>`);
  const cases = [
    { id: 'sdui', want: { profile_url: 'https://www.linkedin.com/in/ewa-nowak-1/', name: 'Ewa Nowak', label: 'Zaproś użytkownika Ewa Nowak do nawiązania kontaktu' } },
    { id: 'classic', want: { profile_url: 'https://www.linkedin.com/in/jan-k/', name: 'Jan K', label: 'Invite Jan K to connect' } },
    { id: 'ambiguous', want: { profile_url: null, name: null, label: null } },
    { id: 'other', want: null },
  ];
  for (const c of cases) {
    const el = doc.getElementById(c.id);
    assert.deepEqual(X.connectInPath(pathOf(el.firstElementChild ?? el)), c.want, c.id);
  }
});

test('the invited person is the candidate the dialog names; someone else is never checked on a guess', () => {
  const ewa = { profile_url: 'https://www.linkedin.com/in/ewa/', name: null, label: 'Zaproś użytkownika Ewa Nowak do nawiązania kontaktu' };
  const jan = { profile_url: 'https://www.linkedin.com/in/jan/', name: 'Jan Kowalski', label: null };
  const url = { profile_url: 'https://www.linkedin.com/in/from-url/', name: null, label: null };
  const nameless = { profile_url: null, name: 'Ewa Nowak', label: null };
  const cases = [
    { what: 'the Connect just clicked, named by its label', name: 'Ewa Nowak', cands: [ewa, jan], want: ewa.profile_url },
    { what: 'a stale Connect for someone else loses to the page that names the person', name: 'Jan Kowalski', cands: [ewa, jan], want: jan.profile_url },
    { what: 'names compare without case and spacing', name: 'jan  KOWALSKI', cands: [jan], want: jan.profile_url },
    { what: 'only candidates naming someone else: nobody', name: 'Anna Zielińska', cands: [ewa, jan], want: null },
    { what: 'a candidate that names nobody (the custom-invite URL) is taken', name: 'Anna Zielińska', cands: [ewa, url], want: url.profile_url },
    { what: 'the dialog names nobody: the first candidate', name: null, cands: [jan, ewa], want: jan.profile_url },
    { what: 'a candidate without a profile is not one', name: 'Ewa Nowak', cands: [nameless], want: null },
    { what: 'no candidate at all', name: 'Ewa Nowak', cands: [], want: null },
  ];
  for (const c of cases) assert.equal(X.chooseInviteTarget(c.name, c.cands)?.profile_url ?? null, c.want, c.what);
  assert.deepEqual(X.chooseInviteTarget('Ewa Nowak', [ewa]), { profile_url: ewa.profile_url, name: 'Ewa Nowak' }, 'the name recorded is the one the dialog shows');
});

test('a send that could not be checked is held and says why; a host refusal is not an ok', () => {
  const cases = [
    { code: 'host_unavailable', reply: { ok: false, error: { code: 'host_unavailable', message: 'not_installed' } } },
    { code: 'host_unavailable', reply: null },
    { code: 'host_unavailable', reply: { ok: false, error: { code: 'bad_request' } } },
  ];
  for (const c of cases) {
    const d = P.decideReply(c.reply);
    assert.deepEqual([d.hold, d.unchecked, d.reasons[0].code], [true, true, c.code], JSON.stringify(c.reply));
  }
  for (const code of ['check_timeout', 'unknown_target']) assert.equal(P.unchecked(code).reasons[0].code, code);
  assert.equal(P.unchecked('made-up').reasons[0].code, 'host_unavailable');
  const ok = P.decideReply({ ok: true, result: { verdict: 'ok', reasons: [], counts: { today: 1 } } });
  assert.deepEqual([ok.hold, ok.unchecked], [false, undefined]);
  const stop = P.decideReply({ ok: true, result: { verdict: 'stop', reasons: [{ code: 'daily_limit', value: 21, limit: 20 }] } });
  assert.deepEqual([stop.hold, stop.verdict], [true, 'stop']);
});

// Every invitation dialog of the real corpus (tests/fixtures/real/), field by field against what
// its sidecar says a person reads: whom it names, which buttons send and how, the note field,
// where it lives. And dialogs that are not invitations (the native withdraw confirmation) are
// never taken for one.
const REAL = new URL('../fixtures/real/', import.meta.url);
const sidecars = readdirSync(REAL).filter((f) => f.endsWith('.json')).map((f) => ({ id: f.slice(0, -5), ...JSON.parse(readFileSync(new URL(f, REAL), 'utf8')) }))
  .filter((c) => c.page_kind && existsSync(new URL(`${c.id}.html`, REAL)));
const realDialogs = sidecars.filter((c) => c.page_kind === 'linkedin-invite-dialog' || c.page_kind === 'linkedin-custom-invite-page');

// A fixture as the browser has it: a page, or a fragment mounted in the interop outlet's shadow root.
function loadReal(c) {
  const html = readFileSync(new URL(`${c.id}.html`, REAL), 'utf8');
  if (!c.expected.in_shadow_root) return parseHTML(html).document;
  const doc = page('<div id="interop-outlet" data-testid="interop-shadowdom"></div><main></main>');
  doc.getElementById('interop-outlet').attachShadow({ mode: 'open' }).innerHTML = html;
  return doc;
}

test('real invitation dialogs: found where they live, named, and their send buttons told apart', () => {
  assert.ok(realDialogs.length >= 2, 'the corpus has a shadow-root dialog and a custom-invite page');
  for (const c of realDialogs) {
    const doc = loadReal(c);
    const e = c.expected;
    const roots = X.openShadowRoots(doc);
    const [dialog, ...others] = X.openInviteDialogs(doc, roots, c.url);
    assert.ok(dialog, `${c.id}: dialog found`);
    assert.equal(others.length, 0, `${c.id}: one dialog`);
    assert.equal(dialog.getRootNode() !== doc, e.in_shadow_root, `${c.id}: in_shadow_root`);
    assert.equal(X.inviteDialogName(dialog), e.target_name, `${c.id}: target_name`);
    assert.equal(Boolean(X.noteField(dialog)), e.has_note_field, `${c.id}: has_note_field`);
    const sends = [...dialog.querySelectorAll('button')].map((b) => ({ b, kind: X.sendKind(b, dialog) })).filter((x) => x.kind);
    assert.deepEqual(sends.map(({ b, kind }) => ({ text: X.norm(b.textContent), aria_label: b.getAttribute('aria-label'), kind })), e.send_buttons, `${c.id}: send_buttons`);
    const vanity = c.page_kind === 'linkedin-custom-invite-page' ? X.customInviteVanity(c.url) : null;
    assert.equal(vanity, e.target_vanity ?? null, `${c.id}: target_vanity`);
    for (const { b, kind } of sends) {
      const inner = b.querySelector('span') ?? b;
      assert.equal(X.sendInPath(pathOf(inner), c.url)?.kind, kind, `${c.id}: a click on ${b.getAttribute('aria-label')} is a send`);
    }
  }
});

test('real dialogs that are not invitations are never held: the native withdraw confirmation', () => {
  const others = sidecars.filter((c) => c.page_kind === 'linkedin-withdraw-dialog');
  assert.ok(others.length >= 1);
  for (const c of others) {
    const doc = parseHTML(readFileSync(new URL(`${c.id}.html`, REAL), 'utf8')).document;
    assert.deepEqual(X.openInviteDialogs(doc, X.openShadowRoots(doc), c.url), [], c.id);
    for (const b of doc.querySelectorAll('dialog button, dialog a')) assert.equal(X.sendInPath(pathOf(b), c.url), null, `${c.id}: ${b.textContent.trim()}`);
  }
});

test('real pages: every Connect control names the person it invites', () => {
  for (const c of sidecars.filter((s) => /^linkedin-(profile|search)$/.test(s.page_kind))) {
    const doc = parseHTML(readFileSync(new URL(`${c.id}.html`, REAL), 'utf8')).document;
    const controls = [...doc.querySelectorAll('a[href*="custom-invite/?vanityName="], button[aria-label]')].filter((el) => X.INVITE_LABEL.test(X.norm(el.getAttribute('aria-label'))));
    for (const el of controls) {
      const who = X.connectInPath(pathOf(el.firstElementChild ?? el));
      assert.ok(who, `${c.id}: ${el.getAttribute('aria-label')}`);
      assert.ok(who.name && X.norm(el.getAttribute('aria-label')).includes(who.name), `${c.id}: name from ${el.getAttribute('aria-label')}`);
      if (el.tagName === 'A') assert.equal(who.profile_url, `https://www.linkedin.com/in/${X.customInviteVanity(el.getAttribute('href'))}/`, `${c.id}: vanity`);
    }
  }
});
