// Shared helpers for the extractors: pure functions over a Document/Element, no chrome.* here,
// so node tests (linkedom) and the Chromium bench load the very same file.
(function (ns) {
  'use strict';
  const x = (ns.extract ??= {});

  // UI words, English and French. Text is the last layer of every extractor: links, URLs and
  // stable attributes come first because they survive translations and redesigns better.
  x.WORDS = Object.freeze({
    connect: ['connect', 'se connecter'],
    send: ['send', 'send now', 'send invitation', 'envoyer', 'envoyer maintenant', 'envoyer l’invitation', "envoyer l'invitation"],
    sendWithoutNote: ['send without a note', 'envoyer sans note', 'envoyer sans message'],
    addNote: ['add a note', 'ajouter une note'],
    pending: ['pending', 'en attente'],
    withdraw: ['withdraw', 'retirer'],
    accept: ['accept', 'accepter'],
    ignore: ['ignore', 'ignorer'],
    about: ['about', 'infos', 'à propos', 'a propos'],
    experience: ['experience', 'expérience'],
    education: ['education', 'formation'],
    skills: ['skills', 'compétences'],
    emptyInvitations: ['no pending invitations', 'aucune invitation en attente', 'no invitations', 'aucune invitation', "you don't have any", 'vous n’avez aucune', "vous n'avez aucune", 'no sent invitations', 'aucune invitation envoyée'],
    emptySearch: ['no results found', 'aucun résultat'],
    emptyConnections: ['no connections', 'aucune relation'],
  });

  x.INVITE_LABEL = /^(?:invite\s+(.+?)\s+to connect|inviter\s+(.+?)\s+à\s+(?:rejoindre votre réseau|se connecter|vous connecter))$/i;
  x.WITHDRAW_LABEL = /^(?:withdraw(?: invitation (?:sent )?to)?|retirer(?: l[’']invitation (?:envoyée )?(?:à|a))?)\b/i;

  x.norm = (s) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  x.lower = (s) => x.norm(s).toLowerCase();
  x.isWord = (text, key) => x.WORDS[key].includes(x.lower(text));

  // LinkedIn renders each text twice: once for the eye (aria-hidden) and once for screen readers
  // (visually-hidden, often "View X’s profile"). The visible copy is the one we want.
  x.text = (el) => {
    if (!el) return null;
    const shown = el.querySelector('[aria-hidden="true"]');
    const t = x.norm(shown && x.norm(shown.textContent) ? shown.textContent : el.textContent);
    return t || null;
  };

  // A link often wraps the name and the headline: the first visible leaf is the name.
  x.leafText = (el) => {
    const shown = el.querySelector('[aria-hidden="true"]');
    if (shown && x.norm(shown.textContent)) return x.norm(shown.textContent);
    for (const leaf of el.querySelectorAll('*')) {
      if (leaf.children.length || leaf.matches('.visually-hidden, .sr-only')) continue;
      const t = x.norm(leaf.textContent);
      if (t) return t;
    }
    return x.norm(el.textContent) || null;
  };

  // "500+", "1,234", "1 234" (French thin spaces), "1.2K", "12 k".
  x.parseCount = (raw) => {
    const m = /(\d[\d\s\u00a0\u202f.,]*)\s*([kK])?\s*(\+)?/.exec(raw ?? '');
    if (!m) return null;
    let digits = m[1].replace(/[\s\u00a0\u202f]/g, '').replace(/[.,]$/, '');
    let value;
    if (m[2]) value = Math.round(parseFloat(digits.replace(',', '.')) * 1000);
    else value = parseInt(digits.replace(/[.,]/g, ''), 10);
    if (!Number.isFinite(value)) return null;
    return { value, plus: Boolean(m[3]) };
  };

  const LI_PROFILE = /^(?:https?:\/\/(?:[a-z]{2,3}\.|www\.)?linkedin\.com)?\/in\/([^/?#]+)/i;
  const VIADEO_PROFILE = /^(?:https?:\/\/(?:www\.)?viadeo\.com)?\/(?:([a-z]{2})\/profile|p)\/([^/?#]+)/i;

  x.linkedinProfileUrl = (href) => {
    const m = LI_PROFILE.exec(href ?? '');
    return m ? `https://www.linkedin.com/in/${m[1]}/` : null;
  };

  x.viadeoProfileUrl = (href) => {
    const m = VIADEO_PROFILE.exec(href ?? '');
    if (!m) return null;
    return m[1] ? `https://www.viadeo.com/${m[1].toLowerCase()}/profile/${m[2]}` : `https://www.viadeo.com/p/${m[2]}`;
  };

  x.profileUrlFor = (network, href) => (network === 'viadeo' ? x.viadeoProfileUrl(href) : x.linkedinProfileUrl(href));

  x.PROFILE_LINK = {
    linkedin: 'a[href*="/in/"]',
    viadeo: 'a[href*="/profile/"], a[href*="/p/"]',
  };

  // Group profile links by the card that holds them: one querySelectorAll and one closest() per
  // link keeps a 1,000-card page well inside the time budget.
  // The long selector list is narrowed to the one alternative the first card matches, since a
  // page renders all its cards alike and closest() with one selector is several times cheaper.
  x.cardsByProfileLink = (root, network, cardSelector) => {
    const cards = new Map();
    let selector = null;
    for (const a of root.querySelectorAll(x.PROFILE_LINK[network])) {
      const url = x.profileUrlFor(network, a.getAttribute('href'));
      if (!url) continue;
      if (!selector) {
        const first = a.closest(cardSelector);
        if (!first) continue;
        selector = cardSelector.split(/,\s*/).find((s) => first.matches(s));
      }
      const card = a.closest(selector) ?? a.closest(cardSelector);
      if (!card) continue;
      let entry = cards.get(card);
      if (!entry) cards.set(card, (entry = { card, profile_url: url, links: [] }));
      if (entry.profile_url === url) entry.links.push(a);
    }
    return [...cards.values()];
  };

  const VIEW_PROFILE = /^(?:view\s+(.+?)[’']s?\s+profile|voir le profil de\s+(.+))$/i;

  // The person's name in a card: the link's visible text, else its accessible name, else the photo's alt.
  x.nameFromLinks = (links) => {
    for (const a of links) {
      const t = x.leafText(a);
      if (t && !VIEW_PROFILE.test(t) && t.length < 120) return t;
    }
    for (const a of links) {
      const m = VIEW_PROFILE.exec(x.norm(a.getAttribute('aria-label')));
      if (m) return m[1] || m[2];
    }
    for (const a of links) {
      const alt = x.norm(a.querySelector('img[alt]')?.getAttribute('alt'));
      if (alt && !/photo|picture/i.test(alt)) return alt;
    }
    return null;
  };

  // Degree badge text: "1st", "2nd", "3rd+", "1er", "2e", "3e et +".
  x.parseDegree = (raw) => {
    const m = /^[·•\s]*(1|2|3)\s*(?:st|nd|rd|er|e|ème)\b/i.exec(x.norm(raw));
    return m ? Number(m[1]) : null;
  };

  x.findDegree = (root) => {
    for (const el of root.querySelectorAll('.dist-value, [data-view-name="degree"], span[aria-hidden="true"], span')) {
      if (el.children.length) continue;
      const t = x.norm(el.textContent);
      if (t.length <= 12) {
        const d = x.parseDegree(t);
        if (d) return d;
      }
    }
    return null;
  };

  x.findButton = (root, key) => {
    for (const b of root.querySelectorAll('button, a[role="button"], [role="button"]')) {
      if (x.isWord(b.getAttribute('aria-label'), key) || x.isWord(x.text(b), key)) return b;
    }
    return null;
  };

  x.inviteButton = (root) => {
    for (const b of root.querySelectorAll('button[aria-label], a[aria-label]')) {
      if (x.INVITE_LABEL.test(x.norm(b.getAttribute('aria-label')))) return b;
    }
    return x.findButton(root, 'connect');
  };

  x.hasAnyWord = (root, key) => {
    const body = x.lower(root?.textContent);
    return x.WORDS[key].some((w) => body.includes(w));
  };

  x.compact = (obj) => {
    const out = {};
    for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined && v !== '') out[k] = v;
    return out;
  };
})(globalThis.__vigie ??= {});
