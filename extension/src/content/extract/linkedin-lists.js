// LinkedIn list pages: people search, the invitation manager (received and sent), connections.
// A list is found by its own root (componentkey, data-view-name, classic list class), never by
// falling back to <main>: the same <main> holds "People you may know" cards that are not
// invitations. A row's person is its first /in/ link; its name comes from a link's visible text
// (or, on Sent rows, a plain <p> that the row's own labels confirm); headline and location are
// the blocks that follow the name.
(function (ns) {
  'use strict';
  const x = (ns.extract ??= {});

  // The first element matching each selector, in the order given (not document order).
  const firstOf = (doc, selectors) => {
    for (const s of selectors) {
      const el = doc.querySelector(s);
      if (el) return el;
    }
    return null;
  };

  // Rows of a list root: SDUI role=listitem / auto-component rows, classic list items.
  // Without a known row marker, the rows are the children of the list (below any single-child
  // wrappers) that hold a profile link.
  // A marked row nested in another marked row of the same root is part of that row. (Only the
  // ancestors up to the root are looked at: the matches below the root are those of the query,
  // and the root itself is matched once, not climbed from every row up to <html>.)
  function rows(root, rowSelector) {
    const marked = [];
    const found = root.querySelectorAll(rowSelector);
    const inRoot = new Set(found);
    const rootIsRow = root.matches(rowSelector);
    for (const r of found) {
      let nested = rootIsRow;
      for (let n = r.parentElement; !nested && n && n !== root; n = n.parentElement) nested = inRoot.has(n);
      if (!nested && x.hasLinkedinLink(r)) marked.push(r);
    }
    if (marked.length) return marked;
    let list = root;
    while (list.children.length === 1) list = list.children[0];
    return [...list.children].filter((c) => c.querySelector('a[href*="/in/"]'));
  }

  // A post in the "all" search also links its author: people only.
  const isPost = (row) => row.querySelector('[componentkey*="FeedType"]') !== null;

  // `location`: search cards show one after the headline; invitation and connection rows do not
  // (the block after the headline there is a date or a note).
  function person(row, doc, { degree = true, location: withLocation = true } = {}) {
    const all = x.linkedinLinks(row);
    const first = all[0].getAttribute('href');
    const profile_url = x.linkedinProfileUrl(first);
    // The same href is the same profile: the URL is parsed only for links that differ.
    const links = [];
    for (const a of all) {
      const href = a.getAttribute('href');
      if (href === first || x.linkedinProfileUrl(href) === profile_url) links.push(a);
    }
    let named = x.nameIn(links);
    if (!named?.el) named = confirmedName(row);
    const after = named?.el ? x.blocksAfterName(named.el, row, withLocation ? 2 : 1) : [];
    const headline = after[0] && x.isPlausibleText(after[0].t) && after[0].t !== named.name ? after[0].t : null;
    const location = withLocation && after[1] && x.isPlausibleText(after[1].t, 120) && !after[1].el.querySelector('a') ? after[1].t : null;
    return {
      profile_url,
      name: named?.name ?? null,
      nameEl: named?.el ?? null,
      headline,
      location,
      degree: degree && named?.el ? x.degreeNear(named.el, row) : null,
    };
  }

  // Sent rows print the name in a plain <p>: take the first short text block only when a label
  // of the row's own controls ("Withdraw invitation sent to <Name>") or its photo confirms it.
  function confirmedName(row) {
    const labels = [...row.querySelectorAll('[aria-label], img[alt]')].map((e) => x.norm(e.getAttribute('aria-label') ?? e.getAttribute('alt')));
    for (const p of row.querySelectorAll('p, span, h3, strong')) {
      if (p.querySelector('p, span, a') || p.closest('a[href*="/in/"], button')) continue;
      const t = x.ownText(p);
      if (!t) continue;
      if (x.isPlausibleName(t) && labels.some((l) => l.includes(t) && l !== t)) return { name: t, el: p };
      return null;
    }
    return null;
  }

  const profileOf = (p) => x.compact({ network: 'linkedin', profile_url: p.profile_url, name: p.name, headline: p.headline, location: p.location, degree: p.degree });

  // An empty list is fine only when the page says so; otherwise the markup has moved (drift).
  function driftUnless(doc, found, root, emptyKey, kind, field) {
    if (found) return null;
    if (x.hasAnyWord(doc.querySelector('main') ?? doc.body, emptyKey, x.pageLang(doc))) return null;
    return x.drift(doc, kind, [field], root ? 'list found without rows' : 'list not found');
  }

  // Rows found but a name or headline missing: report which fields, keep the rest.
  function fieldDrift(doc, kind, people) {
    const fields = [];
    if (people.some((p) => !p.name)) fields.push('name');
    if (people.some((p) => !p.headline)) fields.push('headline');
    return fields.length ? x.drift(doc, kind, fields, 'some rows without these fields') : null;
  }

  // ---- search --------------------------------------------------------------------------------
  const SEARCH_ROOTS = ['[data-sdui-screen*="SearchResults"]', '[data-view-name="search-results-container"]', '.search-results-container', 'main'];
  const SEARCH_ROWS = '[data-view-name="search-entity-result-universal-template"], li.reusable-search__result-container, [role="listitem"]';

  // `cache` (a WeakMap the caller keeps between scans of one page) skips the rows already read:
  // an infinite list then costs only its new rows. A row is read again when its person changed
  // (React may reuse the element) or it was re-rendered (a new element).
  const cached = (cache, row, read) => {
    const href = row.querySelector('a[href*="/in/"]')?.getAttribute('href');
    const hit = cache?.get(row);
    if (hit && hit.href === href) return hit.value;
    const value = read();
    cache?.set(row, { href, value });
    return value;
  };

  x.extractSearchResults = (doc, { cache = null } = {}) => {
    const root = firstOf(doc, SEARCH_ROOTS) ?? doc.body;
    const people = [];
    const results = [];
    for (const row of rows(root, SEARCH_ROWS)) {
      const r = cached(cache, row, () => {
        if (isPost(row)) return null;
        const p = person(row, doc);
        return { p, result: { profile: profileOf(p), card: row, nameEl: p.nameEl, connectButton: x.inviteButton(row) } };
      });
      if (!r) continue;
      people.push(r.p);
      results.push(r.result);
    }
    const drift = driftUnless(doc, results.length, root === doc.querySelector('main') ? null : root, 'emptySearch', 'linkedin-search', 'results')
      ?? fieldDrift(doc, 'linkedin-search', people);
    return { results, drift };
  };

  // ---- invitation manager ----------------------------------------------------------------------
  const INVITATION_ROOTS = [
    '[componentkey="InvitationManagerPage_InvitationsList"]',
    '[data-sdui-screen*="InvitationManager"] [data-testid="lazy-column"]',
    '[componentkey="MyNetwork_InvitationsPreview"] [role="list"]',
    'ul.mn-invitation-list', '.invitation-manager__list',
  ];
  const INVITATION_ROWS = '[role="listitem"], li.invitation-card, [data-view-name="pending-invitation"], li';

  // A "People you may know" card offers Connect; an invitation row never does.
  // (Structure only: a link to the invite page or a label of the invite shape; the word
  // "Connect" alone does not make a row a suggestion.)
  const isSuggestion = (row) => x.hasInviteControl(row);

  // The invitation rows of the page (received or sent) and their people.
  function invitationRows(doc) {
    const root = firstOf(doc, INVITATION_ROOTS);
    const people = (root ? rows(root, INVITATION_ROWS) : []).filter((row) => !isSuggestion(row))
      .map((row) => ({ ...person(row, doc, { degree: false, location: false }), row }));
    return { root, people };
  }

  // The date as printed: classic time badge; SDUI the short block that follows the headline
  // ("2 days ago", "Sent 3 months ago"; one without a digit, "Yesterday", is left out), never a
  // count of mutual connections.
  function whenText(row, nameEl) {
    const badge = row.querySelector('time, .time-badge, .invitation-card__time-badge');
    if (badge) return x.shownText(badge);
    const next = nameEl ? x.blocksAfterName(nameEl, row, 2)[1] : null;
    const t = next?.t;
    if (!t || t.length > 40 || !/\d/.test(t) || !/\p{L}/u.test(t) || /[()]/.test(t)) return null;
    const lower = t.toLowerCase();
    return x.words('connections').some((w) => lower.includes(w)) ? null : t;
  }

  function noteText(row) {
    return x.shownText(row.querySelector('[data-testid="expandable-text-box"], .invitation-card__custom-message, blockquote'));
  }

  // One received row read in full, or null for a suggestion card.
  function receivedRow(row, doc) {
    if (isSuggestion(row)) return null;
    const p = person(row, doc, { degree: false, location: false });
    const note = noteText(row);
    const time = row.querySelector('time[datetime]');
    const ms = time ? Date.parse(time.getAttribute('datetime')) : NaN;
    return {
      p,
      item: {
        card: row,
        nameEl: p.nameEl,
        when: whenText(row, p.nameEl),
        invitation: x.compact({
          profile: x.compact({ ...profileOf(p), location: undefined, invitation_message: note }),
          note,
          received_at: Number.isFinite(ms) ? ms : null,
        }),
      },
    };
  }

  // Rows already read, by element: a row whose markup has not changed since it was read is not
  // read again (the observer re-scans after every change of the list, most rows unchanged); any
  // change of its text, attributes or structure (React re-rendering it in place) makes it read
  // again, and so does a new element. What a row yields depends on its own subtree only, which
  // its markup covers. `cache: null` reads every row; another WeakMap keeps a separate memo.
  const readRows = new WeakMap();

  x.extractReceivedInvitations = (doc, { cache = readRows } = {}) => {
    const KIND = 'linkedin-invitations-received';
    const root = firstOf(doc, INVITATION_ROOTS);
    const people = [];
    const invitations = [];
    for (const row of root ? rows(root, INVITATION_ROWS) : []) {
      let r;
      if (cache) {
        const markup = row.innerHTML;
        const hit = cache.get(row);
        if (hit && hit.markup === markup && (!hit.r?.p.nameEl || row.contains(hit.r.p.nameEl))) r = hit.r;
        else cache.set(row, { markup, r: (r = receivedRow(row, doc)) });
      } else {
        r = receivedRow(row, doc);
      }
      if (!r) continue;
      people.push(r.p);
      invitations.push(r.item);
    }
    const drift = driftUnless(doc, invitations.length, root, 'emptyInvitations', KIND, 'invitations') ?? fieldDrift(doc, KIND, people);
    return { invitations, drift };
  };

  // Accept / Ignore of a received row: a control whose label carries the row's name, told apart
  // by the word that starts (or ends) its label or text.
  x.answerOf = (control) => {
    const label = x.lower(control.getAttribute('aria-label') ?? '');
    const text = x.lower(x.shownText(control));
    const starts = (key) => x.words(key).some((w) => text === w || label.startsWith(`${w} `) || label === w);
    if (starts('accept')) return 'accepted';
    if (starts('ignore')) return 'ignored';
    return null;
  };

  // The list is complete only when the page states a total that matches what we saw: sending
  // complete=true on a partial page would make the host close invitations that are still pending.
  function statedTotal(doc) {
    const candidates = [
      ...doc.querySelectorAll('a[href*="/invitation-manager/sent"][aria-current], a[href*="/sent/CONNECTION"], a[href*="/sent/connection"]'),
      ...doc.querySelectorAll('button[aria-pressed="true"], [role="tab"][aria-selected="true"], [aria-current="page"]'),
    ];
    for (const el of candidates) {
      const m = /\((\d[\d\s\u00a0\u202f.,]*)\)/.exec(x.norm(el.textContent));
      if (m) return x.parseCount(m[1])?.value ?? null;
    }
    return null;
  }

  // Withdraw of a sent row: an <a> or <button> whose label has the withdraw shape or carries the
  // row's name and is not a profile or messaging link; the word as last resort.
  x.withdrawControl = (row, name) => {
    for (const c of row.querySelectorAll('a[aria-label], button[aria-label]')) {
      const label = x.norm(c.getAttribute('aria-label'));
      const href = c.getAttribute('href') ?? '';
      if (/\/in\/|\/messaging\//.test(href)) continue;
      if (x.LABELS.withdraw.test(label) || (name && label.endsWith(name) && !/^\/?$/.test(label))) return c;
    }
    for (const c of row.querySelectorAll('a, button')) if (x.isWord(x.shownText(c), 'withdraw')) return c;
    return null;
  };

  // The confirming control of the withdraw dialog (a native <dialog open> without role on SDUI):
  // it carries the same label as the row's Withdraw ("Withdraw invitation sent to <Name>"), or
  // at least the person's name; Cancel and Dismiss carry neither. The word is the last resort.
  x.confirmsWithdraw = (control, { label, profile }) => {
    const own = x.norm(control.getAttribute('aria-label'));
    if (own && label && own === label) return true;
    if (own && profile?.name && own.includes(profile.name)) return true;
    if (x.LABELS.withdraw.test(own)) return true;
    return x.isWord(x.shownText(control), 'withdraw');
  };

  x.extractSentInvitations = (doc) => {
    const KIND = 'linkedin-invitations-sent';
    const { root, people } = invitationRows(doc);
    const items = [];
    for (const p of people) {
      const { row } = p;
      items.push({ card: row, when: whenText(row, p.nameEl), profile: x.compact({ ...profileOf(p), location: undefined }), withdrawButton: x.withdrawControl(row, p.name) });
    }
    const total = statedTotal(doc);
    return {
      items,
      total,
      profiles: items.map((i) => i.profile),
      complete: total !== null && total === items.length,
      drift: driftUnless(doc, items.length, root, 'emptyInvitations', KIND, 'invitations') ?? fieldDrift(doc, KIND, people),
    };
  };

  // ---- connections -----------------------------------------------------------------------------
  const CONNECTION_ROOTS = ['[componentkey="ConnectionsPage_ConnectionsList"]', '[data-view-name="connections-list"]', 'ul.mn-connection-list', '.mn-connections'];
  const CONNECTION_ROWS = '[componentkey^="auto-component-"], li.mn-connection-card, [role="listitem"], li';

  x.extractConnections = (doc, { cache = null } = {}) => {
    const KIND = 'linkedin-connections';
    const root = firstOf(doc, CONNECTION_ROOTS);
    const people = root ? rows(root, CONNECTION_ROWS).map((row) => cached(cache, row, () => person(row, doc, { degree: false, location: false }))) : [];
    const profiles = people.map((p) => x.compact({ ...profileOf(p), location: undefined, degree: 1 }));
    return { profiles, drift: driftUnless(doc, profiles.length, root, 'emptyConnections', KIND, 'connections') ?? fieldDrift(doc, KIND, people) };
  };
})(globalThis.__vigie ??= {});
