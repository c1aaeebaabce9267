// List extraction on real pages: which rows are people of the list (and which are not), names
// that are never badges or presence texts, and drift when the list's structure is cut away.
// Field-by-field fidelity against the corpus sidecars is in real-extract.test.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X, fromHtml, real } from './load.js';

const SEARCHES = ['search-sdui-pl', 'search-sdui-pl-0522', 'search-sdui-pl-all', 'search-classic-pl'];

test('search, both layouts: every name is a plausible name, never a degree, presence text or label', () => {
  for (const id of SEARCHES) {
    const { results } = X.extractSearchResults(real(id));
    assert.ok(results.length >= 8, `${id}: ${results.length} results`);
    for (const { profile } of results) {
      if (profile.name === undefined) continue;
      assert.ok(X.isPlausibleName(profile.name), `${id}: ${profile.name}`);
      assert.doesNotMatch(profile.name, /status|•|·/i, id);
      assert.notEqual(profile.headline, profile.name, id);
      assert.notEqual(profile.location, profile.headline, id);
    }
  }
});

test('search: the card person is the first profile link, not a mutual connection linked inside the card', () => {
  for (const id of SEARCHES) {
    const { results } = X.extractSearchResults(real(id));
    for (const { card, profile } of results) {
      assert.equal(profile.profile_url, X.linkedinProfileUrl(card.querySelector('a[href*="/in/"]').getAttribute('href')), id);
      const mutual = [...card.querySelectorAll('a[href*="/in/"] strong')].map((s) => X.norm(s.textContent));
      assert.ok(!mutual.includes(profile.name) || !profile.name, `${id}: ${profile.name} is a mutual connection`);
    }
  }
});

test('search "all": posts that link their author are not people results', () => {
  const doc = real('search-sdui-pl-all');
  const posts = [...doc.querySelectorAll('[role="listitem"]')].filter((r) => r.querySelector('[componentkey*="FeedType"]'));
  assert.ok(posts.length > 0, 'the page has posts');
  const urls = new Set(X.extractSearchResults(doc).results.map((r) => r.profile.profile_url));
  for (const post of posts) assert.ok(!urls.has(X.linkedinProfileUrl(post.querySelector('a[href*="/in/"]').getAttribute('href'))));
});

test('classic search: without the visible name the presence text ("Status: …") does not become the name', () => {
  const doc = real('search-classic-pl');
  for (const card of doc.querySelectorAll('[data-view-name="search-entity-result-universal-template"]')) {
    for (const s of card.querySelectorAll('.t-16 a[href*="/in/"] span[aria-hidden="true"]')) s.remove();
  }
  const { results, drift } = X.extractSearchResults(doc);
  assert.ok(results.length > 0);
  for (const { profile } of results) assert.equal(profile.name, undefined, JSON.stringify(profile));
  assert.ok(drift.fields.includes('name'));
  assert.equal(drift.layout, 'classic');
});

test('search: a page whose rows lost their structure reports drift and no row', () => {
  const doc = real('search-sdui-pl');
  for (const r of doc.querySelectorAll('[role="listitem"]')) r.replaceWith(...[...r.childNodes].filter((n) => n.nodeType !== 1 || !n.querySelector('a[href*="/in/"]')));
  const { results, drift } = X.extractSearchResults(doc);
  assert.equal(results.length, 0);
  assert.equal(drift.page_kind, 'linkedin-search');
});

test('connections: rows under ConnectionsPage_ConnectionsList, all 1st degree; without that list, drift and nothing', () => {
  const doc = real('connections-sdui-pl');
  const { profiles, drift } = X.extractConnections(doc);
  assert.equal(drift, null);
  assert.ok(profiles.length >= 10);
  assert.ok(profiles.every((p) => p.degree === 1 && p.name && p.headline !== p.name));
  for (const el of doc.querySelectorAll('[componentkey="ConnectionsPage_ConnectionsList"]')) el.removeAttribute('componentkey');
  const cut = X.extractConnections(doc);
  assert.equal(cut.profiles.length, 0, 'no fallback to <main>');
  assert.deepEqual(cut.drift.fields, ['connections']);
});

test('/mynetwork/grow/: "People you may know" cards are never received invitations', () => {
  const doc = real('mynetwork-sdui-pl');
  const people = doc.querySelectorAll('main a[href*="/in/"]').length;
  assert.ok(people > 10, 'the page is full of suggestion cards');
  const r = X.extractReceivedInvitations(doc);
  assert.equal(r.invitations.length, 0);
  assert.equal(r.drift, null, 'the page states it has no pending invitations');
  for (const h of doc.querySelectorAll('[componentkey="MyNetwork_InvitationsPreview"] h2')) h.textContent = '';
  assert.equal(X.extractReceivedInvitations(doc).drift.page_kind, 'linkedin-invitations-received', 'no rows and no empty state: drift');
});

test('Accept / Ignore told apart by label shape and word, in several languages', () => {
  const doc = fromHtml('<!doctype html><html lang="en"><body></body></html>');
  const button = (label, text) => Object.assign(doc.createElement('button'), { textContent: text ?? '' }, label ? { ariaLabel: label } : {});
  const cases = [
    ['Accept Ana Silva’s invitation', 'Accept', 'accepted'],
    ['Ignore an invitation to connect from Ana Silva', 'Ignore', 'ignored'],
    ['Accepter l’invitation de Ana Silva', 'Accepter', 'accepted'],
    ['Zignoruj zaproszenie od użytkownika Ana Silva', 'Zignoruj', 'ignored'],
    [null, 'Akceptuj', 'accepted'],
    ['Message Ana Silva', 'Message', null],
  ];
  for (const [label, text, want] of cases) {
    const b = button(null, text);
    if (label) b.setAttribute('aria-label', label);
    assert.equal(X.answerOf(b), want, label ?? text);
  }
});

test('withdraw confirmation: the control with the same label (or the person\'s name) confirms, Cancel does not', () => {
  const doc = fromHtml('<!doctype html><html lang="en"><body></body></html>');
  const control = (tag, label, text) => {
    const el = doc.createElement(tag);
    if (label) el.setAttribute('aria-label', label);
    el.textContent = text;
    return el;
  };
  const pending = { label: 'Withdraw invitation sent to Ana Silva', profile: { name: 'Ana Silva' } };
  const cases = [
    [control('button', 'Withdraw invitation sent to Ana Silva', 'Withdraw'), true],
    [control('button', 'Wycofaj zaproszenie wysłane do użytkownika Ana Silva', 'Wycofaj'), true],
    [control('button', null, 'Cancel'), false],
    [control('button', 'Dismiss', ''), false],
    [control('button', null, 'Withdraw'), true],
  ];
  for (const [el, want] of cases) assert.equal(X.confirmsWithdraw(el, pending), want, el.outerHTML);
});

test('sent rows without a profile-link name: the name is taken from a <p> only when the row\'s labels confirm it', () => {
  // Built from the Sent page's outline (cc-linkedin survey, 2026-09-10): photo link without text,
  // the name in a plain <p>, the headline in p>span, Withdraw an <a> whose label names the person.
  const doc = fromHtml(`<!doctype html><html lang="en"><body><main><div componentkey="InvitationManagerPage_InvitationsList"><div role="listitem"><a href="/in/ana-silva-1/"><img alt="" src="x"></a><div><p>Ana Silva</p><p><span>Buyer at X</span></p><p>Sent 2 weeks ago</p></div>
    <a href="https://www.linkedin.com/" aria-label="Withdraw invitation sent to Ana Silva">Withdraw</a></div>
    <div role="listitem"><a href="/in/bo-li-2/"><img alt="" src="x"></a><div><p>Bo Li</p><p><span>Engineer</span></p></div></div></div></main></body></html>`);
  const r = X.extractSentInvitations(doc);
  assert.deepEqual(r.items.map((i) => [i.profile.profile_url, i.profile.name ?? null, i.profile.headline ?? null, i.when, i.withdrawButton?.tagName ?? null]), [
    ['https://www.linkedin.com/in/ana-silva-1/', 'Ana Silva', 'Buyer at X', 'Sent 2 weeks ago', 'A'],
    ['https://www.linkedin.com/in/bo-li-2/', null, null, null, null],
  ]);
  assert.deepEqual(r.drift.fields, ['name', 'headline']);
});

test('received (SDUI, English): suggestion cards in the same list are not invitations; without the list root, drift and nothing', () => {
  const doc = real('invitations-received-sdui-en');
  const r = X.extractReceivedInvitations(doc);
  const urls = r.invitations.map((i) => i.invitation.profile.profile_url);
  assert.equal(urls.length, 3);
  for (const card of doc.querySelectorAll('[role="listitem"]')) {
    const url = X.linkedinProfileUrl(card.querySelector('a[href*="/in/"]').getAttribute('href'));
    assert.equal(urls.includes(url), X.inviteButton(card) === null, `${url}: recorded only without a Connect`);
  }
  assert.deepEqual(r.invitations.map((i) => i.invitation.note === undefined), [false, true, false], 'notes from expandable-text-box');
  for (const el of doc.querySelectorAll('[componentkey="InvitationManagerPage_InvitationsList"], [data-sdui-screen]')) {
    el.removeAttribute('componentkey');
    el.removeAttribute('data-sdui-screen');
  }
  const cut = X.extractReceivedInvitations(doc);
  assert.equal(cut.invitations.length, 0, 'no fallback to <main> and its suggestion cards');
  assert.deepEqual([cut.drift.page_kind, cut.drift.layout, cut.drift.lang, cut.drift.fields], ['linkedin-invitations-received', 'sdui', 'en', ['invitations']]);
});

test('sent (SDUI, English): the name in a plain <p> needs the row\'s Withdraw label to confirm it; the headline is never taken for it', () => {
  const doc = real('invitations-sent-sdui-en');
  const r = X.extractSentInvitations(doc);
  assert.equal(r.total, 40);
  assert.equal(r.complete, false);
  assert.ok(r.items.every((i) => i.profile.name && i.withdrawButton?.tagName === 'A'));
  // Without any label of the row (Withdraw, photo) that carries the name, the <p> is not trusted.
  for (const el of doc.querySelectorAll('[role="listitem"] [aria-label]')) el.removeAttribute('aria-label');
  const cut = X.extractSentInvitations(doc);
  assert.equal(cut.items.length, r.items.length, 'the rows are still found by their profile links');
  assert.ok(cut.items.every((i) => i.profile.name === undefined && i.profile.headline === undefined));
  assert.deepEqual(cut.drift.fields, ['name', 'headline']);
});

test('search with a cache: rows already read are not read again, a row reused for another person is', () => {
  const doc = real('search-sdui-pl');
  const cache = new WeakMap();
  const first = X.extractSearchResults(doc, { cache }).results.map((r) => r.profile);
  const again = X.extractSearchResults(doc, { cache }).results.map((r) => r.profile);
  assert.deepEqual(again, first);
  assert.ok(again.every((p, i) => p === first[i]), 'the same objects: nothing was read again');
  // React reuses the first row's element for the second row's person.
  const [row1, row2] = X.extractSearchResults(doc, { cache }).results.map((r) => r.card);
  row1.innerHTML = row2.innerHTML;
  const reused = X.extractSearchResults(doc, { cache }).results.map((r) => r.profile);
  assert.deepEqual([reused[0].profile_url, reused[0].name], [first[1].profile_url, first[1].name]);
});

test('received, rows remembered: unchanged rows are not read again; a row changed in place, a new row element or a replaced name element is', () => {
  const doc = real('invitations-received-sdui-en');
  const cache = new WeakMap();
  const plain = X.extractReceivedInvitations(doc, { cache: null });
  const first = X.extractReceivedInvitations(doc, { cache });
  assert.deepEqual(first.invitations.map((i) => i.invitation), plain.invitations.map((i) => i.invitation), 'the cache changes no value');
  assert.deepEqual(first.drift, plain.drift);
  const again = X.extractReceivedInvitations(doc, { cache });
  assert.ok(again.invitations.every((i, k) => i.invitation === first.invitations[k].invitation), 'the same objects: nothing was read again');
  const [row1, row2, row3] = again.invitations.map((i) => i.card);
  // React re-renders the first row in place with the second row's person (text, attributes).
  row1.innerHTML = row2.innerHTML;
  // The headline of the third row changes its text only.
  const headline3 = again.invitations[2].invitation.profile.headline;
  const block = [...row3.querySelectorAll('p, span, div')].find((e) => X.norm(e.textContent) === headline3 && e.children.length === 0);
  block.textContent = 'Chief Tester at Vigie';
  const changed = X.extractReceivedInvitations(doc, { cache });
  assert.deepEqual(changed.invitations[0].invitation, first.invitations[1].invitation, 'row 1 read again: the second person');
  assert.equal(changed.invitations[1].invitation, first.invitations[1].invitation, 'row 2 untouched: kept');
  assert.equal(changed.invitations[2].invitation.profile.headline, 'Chief Tester at Vigie', 'row 3 read again: its new headline');
  assert.deepEqual(changed.invitations.map((i) => i.invitation), X.extractReceivedInvitations(doc, { cache: null }).invitations.map((i) => i.invitation), 'same values as without a cache');
  // A name element replaced by an identical copy: the markup is the same, the element is new.
  const oldName = changed.invitations[1].nameEl;
  oldName.replaceWith(oldName.cloneNode(true));
  const renamed = X.extractReceivedInvitations(doc, { cache });
  assert.notEqual(renamed.invitations[1].nameEl, oldName);
  assert.ok(row2.contains(renamed.invitations[1].nameEl), 'the badge goes after the element on the page');
  // A new row element (a re-rendered row) is read as new.
  const clone = row2.cloneNode(true);
  row2.replaceWith(clone);
  const fresh = X.extractReceivedInvitations(doc, { cache });
  assert.equal(fresh.invitations[1].card, clone);
  assert.notEqual(fresh.invitations[1].invitation, renamed.invitations[1].invitation);
  assert.deepEqual(fresh.invitations[1].invitation, renamed.invitations[1].invitation);
});

test('received: the rows remembered by default give the values of a fresh read, scan after scan', () => {
  const doc = real('invitations-received-sdui-en');
  const values = (r) => r.invitations.map((i) => [i.invitation, i.when, i.card, i.nameEl]);
  const first = X.extractReceivedInvitations(doc);
  const second = X.extractReceivedInvitations(doc);
  assert.ok(second.invitations.every((i, k) => i.invitation === first.invitations[k].invitation), 'the default memo answered');
  assert.deepEqual(values(second), values(X.extractReceivedInvitations(doc, { cache: null })));
  // A note added to a row: read again.
  const row = second.invitations[1].card;
  const note = doc.createElement('p');
  note.innerHTML = '<span data-testid="expandable-text-box">Hello from the test</span>';
  row.append(note);
  const third = X.extractReceivedInvitations(doc);
  assert.equal(third.invitations[1].invitation.note, 'Hello from the test');
  assert.deepEqual(values(third), values(X.extractReceivedInvitations(doc, { cache: null })));
});
