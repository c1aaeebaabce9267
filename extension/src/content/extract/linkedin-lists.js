// LinkedIn list pages: search results, the invitation manager (received and sent), connections.
// Each card is found from its profile link, then narrowed with stable attributes, then text.
(function (ns) {
  'use strict';
  const x = (ns.extract ??= {});

  const CARD = [
    '[data-view-name="search-entity-result-universal-template"]',
    '[data-view-name="pending-invitation"]', '[data-view-name="sent-invitation"]',
    '[data-view-name="connections-list-item"]',
    'li.reusable-search__result-container', 'li.invitation-card', 'li.mn-connection-card',
    '[role="listitem"]', 'li',
  ].join(', ');

  const SUBTITLE = [
    '[data-view-name="entity-subtitle"]', '.entity-result__primary-subtitle', '.invitation-card__subtitle',
    '.mn-connection-card__occupation', '.entity-result__summary',
  ].join(', ');
  const LOCATION = '[data-view-name="entity-location"], .entity-result__secondary-subtitle';
  const NOTE = '[data-view-name="invitation-message"], .invitation-card__custom-message, blockquote';

  // The headline when no class or attribute marks it: the first text block in the card that is
  // neither the name, nor a button, nor a degree, time or count.
  function looseSubtitle(card, name) {
    for (const el of card.querySelectorAll('p, span, div')) {
      if (el.children.length || el.closest('a, button, time, blockquote')) continue;
      const t = x.norm(el.textContent);
      if (t && t !== name && t.length > 3 && !x.parseDegree(t) && !/^\d|mutual|commun|ago|il y a|·/i.test(t)) return t;
    }
    return null;
  }

  function person(entry) {
    const { card, profile_url, links } = entry;
    const name = x.nameFromLinks(links);
    return x.compact({
      network: 'linkedin',
      profile_url,
      name,
      headline: x.text(card.querySelector(SUBTITLE)) ?? looseSubtitle(card, name),
      location: x.text(card.querySelector(LOCATION)),
      degree: x.findDegree(card),
    });
  }

  function listRoot(doc, selectors) {
    return doc.querySelector(selectors) ?? doc.querySelector('main') ?? doc.body;
  }

  // An empty list is fine only when the page says so; otherwise the markup has moved (drift).
  function driftUnless(found, root, emptyKey, kind) {
    if (found) return null;
    return x.hasAnyWord(root, emptyKey) ? null : `${kind}: no cards and no empty-state text`;
  }

  x.extractSearchResults = (doc) => {
    const root = listRoot(doc, '[data-view-name="search-results-container"], .search-results-container, main');
    const results = x.cardsByProfileLink(root, 'linkedin', CARD).map((entry) => ({
      profile: person(entry),
      card: entry.card,
      connectButton: x.inviteButton(entry.card),
    }));
    return { results, drift: driftUnless(results.length, root, 'emptySearch', 'search') };
  };

  const INVITATION_LIST = '[componentkey="InvitationManagerPage_InvitationsList"], [componentkey*="InvitationsList"], ul.mn-invitation-list, main';

  function receivedAt(card) {
    const t = card.querySelector('time[datetime]');
    const ms = t ? Date.parse(t.getAttribute('datetime')) : NaN;
    return Number.isFinite(ms) ? ms : null;
  }

  x.extractReceivedInvitations = (doc) => {
    const root = listRoot(doc, INVITATION_LIST);
    const invitations = x.cardsByProfileLink(root, 'linkedin', CARD).map((entry) => {
      const note = x.text(entry.card.querySelector(NOTE));
      return {
        card: entry.card,
        invitation: x.compact({
          profile: x.compact({ ...person(entry), invitation_message: note }),
          note,
          received_at: receivedAt(entry.card),
        }),
      };
    });
    return { invitations, drift: driftUnless(invitations.length, root, 'emptyInvitations', 'invitations-received') };
  };

  // The list is complete only when the page states a total that matches what we saw: sending
  // complete=true on a partial page would make the host close invitations that are still pending.
  function statedTotal(doc) {
    for (const el of doc.querySelectorAll('[data-view-name="sent-invitations-count"], button[aria-pressed="true"], [aria-current="page"], h2, [role="tab"][aria-selected="true"]')) {
      const m = /(?:sent|envoyées|people|personnes)\s*\((\d[\d\s\u00a0\u202f.,]*)\)/i.exec(x.norm(el.textContent)) ?? /^\((\d+)\)$/.exec(x.norm(el.textContent));
      if (m) return x.parseCount(m[1])?.value ?? null;
    }
    return null;
  }

  x.extractSentInvitations = (doc) => {
    const root = listRoot(doc, INVITATION_LIST);
    const entries = x.cardsByProfileLink(root, 'linkedin', CARD);
    const items = entries.map((entry) => ({
      card: entry.card,
      profile: person(entry),
      withdrawButton: [...entry.card.querySelectorAll('button')].find((b) => x.WITHDRAW_LABEL.test(x.norm(b.getAttribute('aria-label') ?? x.text(b)))) ?? null,
    }));
    const total = statedTotal(doc);
    return {
      items,
      profiles: items.map((i) => i.profile),
      complete: total !== null && total === items.length,
      drift: driftUnless(items.length, root, 'emptyInvitations', 'invitations-sent'),
    };
  };

  x.extractConnections = (doc) => {
    const root = listRoot(doc, '[componentkey*="ConnectionsList"], [data-view-name="connections-list"], ul.mn-connection-list, main');
    const profiles = x.cardsByProfileLink(root, 'linkedin', CARD).map((entry) => ({ ...person(entry), degree: 1 }));
    return { profiles, drift: driftUnless(profiles.length, root, 'emptyConnections', 'connections') };
  };
})(globalThis.__vigie ??= {});
