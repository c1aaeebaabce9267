// Shared helpers for the extractors: pure functions over a Document/Element, no chrome.* here,
// so node tests (linkedom) and the Chromium bench load the very same file.
// Layers of every extractor, in this order: the URL and /in/ links, roles and componentkey
// prefixes, aria-label shapes, the order of blocks; words (words.js) only where structure cannot
// decide. Every value is validated; a doubtful one is left null and reported as drift.
(function (ns) {
  'use strict';
  const x = (ns.extract ??= {});

  // Most strings are already normal (single spaces inside, none at the ends): testing for that
  // costs a fraction of the replace, which copies the string at every space.
  const NOT_NORMAL = /[^\S ]|\u200b| {2}|^ | $/;
  x.norm = (s) => (s ? (NOT_NORMAL.test(s) ? s.replace(/[\s\u200b]+/g, ' ').trim() : s) : '');
  x.lower = (s) => x.norm(s).toLowerCase();
  x.isWord = (text, key, lang = null) => x.words(key, lang).includes(x.lower(text));

  // Compatibility with callers that match labels as regexes.
  x.INVITE_LABEL = x.LABELS.invite;
  x.WITHDRAW_LABEL = x.LABELS.withdraw;

  const HIDDEN = /(?:^|\s)(?:visually-hidden|a11y-text|sr-only)(?:\s|$)/;
  const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'BUTTON', 'svg', 'SVG', 'NOSCRIPT', 'CODE']);

  // What the eye reads in an element: text nodes, without screen-reader-only copies
  // (visually-hidden), buttons ("…more") and icons. LinkedIn's classic pages print every text
  // twice (aria-hidden for the eye, visually-hidden for screen readers); this keeps one.
  const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'BR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
  const hidden = (el) => {
    const cls = el.getAttribute('class');
    return cls !== null && HIDDEN.test(cls);
  };
  const shownWalk = (node, text) => {
    let out = text;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      const type = c.nodeType;
      if (type === 3) out += c.textContent;
      else if (type === 1 && !SKIP_TAGS.has(c.tagName) && !hidden(c)) {
        out = shownWalk(c, out);
        if (BLOCK_TAGS.has(c.tagName)) out += ' ';
      }
    }
    return out;
  };
  x.shownText = (el) => (el ? x.norm(shownWalk(el, '')) || null : null);

  // The element's own text nodes only (a name link that also holds a badge and a degree).
  // (Joined without a leading space: norm would trim it anyway, and most names then need no
  // normalising at all.)
  x.ownText = (el) => {
    let out = null;
    for (let c = el?.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) out = out === null ? c.textContent : `${out} ${c.textContent}`;
    return out === null ? null : x.norm(out) || null;
  };

  // Older API: the visible copy of an element's text.
  x.text = (el) => x.shownText(el);
  x.leafText = (el) => x.shownText(el);

  // "500+", "1,234", "1 234" (thin spaces), "1.234" (de/pl thousands), "1.2K", "12 k".
  x.parseCount = (raw) => {
    const m = /(\d[\d\s\u00a0\u202f.,]*)\s*([kK])?\s*(\+)?/.exec(raw ?? '');
    if (!m) return null;
    const digits = m[1].replace(/[\s\u00a0\u202f]/g, '').replace(/[.,]$/, '');
    let value;
    if (m[2]) value = Math.round(parseFloat(digits.replace(',', '.')) * 1000);
    else if (/^\d{1,3}(?:[.,]\d{3})+$/.test(digits) || /^\d+$/.test(digits)) value = parseInt(digits.replace(/[.,]/g, ''), 10);
    else return null;
    if (!Number.isFinite(value) || value > 100000000) return null;
    return { value, plus: Boolean(m[3]) };
  };

  const LI_PROFILE = /^(?:https?:\/\/(?:[a-z]{2,3}\.|www\.)?linkedin\.com)?\/in\/([^/?#]+)/i;
  const VIADEO_PROFILE = /^(?:https?:\/\/(?:www\.)?viadeo\.com)?\/(?:([a-z]{2})\/profile|p)\/([^/?#]+)/i;
  const VIADEO_JDN = /^https?:\/\/viadeo\.journaldunet\.com\/p\/([^/?#]+)/i;

  x.linkedinProfileUrl = (href) => {
    const m = LI_PROFILE.exec(href ?? '');
    return m ? `https://www.linkedin.com/in/${m[1]}/` : null;
  };

  // Viadeo's profiles now live at viadeo.journaldunet.com/p/<slug>-<id>; the old www.viadeo.com
  // forms are still understood.
  x.viadeoProfileUrl = (href) => {
    const j = VIADEO_JDN.exec(href ?? '');
    if (j) return `https://viadeo.journaldunet.com/p/${j[1]}`;
    const m = VIADEO_PROFILE.exec(href ?? '');
    if (!m) return null;
    return m[1] ? `https://www.viadeo.com/${m[1].toLowerCase()}/profile/${m[2]}` : `https://www.viadeo.com/p/${m[2]}`;
  };

  x.profileUrlFor = (network, href) => (network === 'viadeo' ? x.viadeoProfileUrl(href) : x.linkedinProfileUrl(href));

  // The <a href*="/in/"> of `root` in document order, as querySelectorAll('a[href*="/in/"]')
  // finds them: walking the element's own list of <a> costs about half of a selector query, and
  // every row of a list is asked for them.
  // (Indexed loops: iterating a live HTMLCollection with for…of costs an iterator step per item.)
  x.linkedinLinks = (root) => {
    const out = [];
    const all = root.getElementsByTagName('a');
    for (let i = 0; i < all.length; i++) {
      const href = all[i].getAttribute('href');
      if (href !== null && href.includes('/in/')) out.push(all[i]);
    }
    return out;
  };
  x.hasLinkedinLink = (root) => {
    const all = root.getElementsByTagName('a');
    for (let i = 0; i < all.length; i++) {
      const href = all[i].getAttribute('href');
      if (href !== null && href.includes('/in/')) return true;
    }
    return false;
  };

  x.PROFILE_LINK = {
    linkedin: 'a[href*="/in/"]',
    viadeo: 'a[href*="/profile/"], a[href*="/p/"]',
  };

  // Which front end served the page: the React one ("sdui": componentkey, data-sdui-screen,
  // hashed classes) or the Ember one ("classic": artdeco-*, data-view-name).
  x.layoutOf = (doc) => {
    if (doc.querySelector('[data-sdui-screen], [componentkey^="com.linkedin.sdui"], [data-testid="lazy-column"]')) return 'sdui';
    if (doc.querySelector('[data-view-name], .artdeco-card, [id^="ember"]')) return 'classic';
    return doc.querySelector('[componentkey]') ? 'sdui' : 'unknown';
  };

  // A drift report: which page, layout, language and fields could not be read (or were doubtful).
  x.drift = (doc, pageKind, fields, reason) => ({
    page_kind: pageKind,
    layout: x.layoutOf(doc),
    lang: x.pageLang(doc) ?? (doc.documentElement?.getAttribute('lang') || 'unknown'),
    fields,
    reason,
  });

  // Degree badge text in any language: "1st", "· 2nd", "• 2", "· 3.", "3rd+", "1er", "2e", "2º".
  // One digit 1-3 after an optional bullet, then at most a short ordinal suffix.
  x.parseDegree = (raw) => {
    const m = /^[·•\s]*([123])\s*(?:st|nd|rd|th|er|re|e|ème|º|°|\.º|\.|o|a)?\s*\+?$/i.exec(x.norm(raw));
    return m ? Number(m[1]) : null;
  };

  const NOT_NAME = /^[·•\-–|,.:;()\d\s]|[:|@]|https?:|\d{3,}/;
  // A person's name: not a badge, a presence text ("Status: offline"), a degree ("• 2nd"), a
  // screen-reader label ("View X's profile"), a count or a button word.
  const NOT_NAME_WORDS = new Set(['anonymous', 'connect', 'pending', 'withdraw', 'accept', 'ignore', 'send', 'connections', 'followers'].flatMap((k) => x.words(k)));
  x.isPlausibleName = (s) => {
    const t = x.norm(s);
    if (t.length < 2 || t.length > 100 || NOT_NAME.test(t) || NOT_NAME_WORDS.has(t.toLowerCase())) return false;
    if (x.parseDegree(t) || x.LABELS.viewProfile.test(t)) return false;
    return /\p{L}/u.test(t);
  };

  // A free-text field (headline, location): some letters, not a degree, not a count line.
  x.isPlausibleText = (s, max = 400) => {
    const t = x.norm(s);
    return t.length >= 2 && t.length <= max && /\p{L}/u.test(t) && !x.parseDegree(t) && !/^[·•]$/.test(t);
  };

  // Group profile links by the card that holds them. The card's person is its first profile
  // link; links to other people inside the card (mutual connections) are not its links.
  x.cardsByProfileLink = (root, network, cardSelector) => {
    const cards = new Map();
    for (const a of root.querySelectorAll(x.PROFILE_LINK[network])) {
      const url = x.profileUrlFor(network, a.getAttribute('href'));
      if (!url) continue;
      const card = a.closest(cardSelector);
      if (!card) continue;
      let entry = cards.get(card);
      if (!entry) cards.set(card, (entry = { card, profile_url: url, links: [] }));
      if (entry.profile_url === url) entry.links.push(a);
    }
    return [...cards.values()];
  };

  // Whether `el` sits in a button between itself and `top` (cheaper than closest() for each
  // element of a link: the link itself is checked once).
  const inButtonBelow = (el, top) => {
    for (let n = el; n && n !== top; n = n.parentElement) if (n.tagName === 'BUTTON') return true;
    return false;
  };

  // The person's name in a card: the link's visible text (own text first: a badge or a degree may
  // sit inside the link), else the first text block inside it, else a "View X's profile" label.
  x.nameIn = (links) => {
    // First the links that carry text themselves (cheap), then the first text block inside each.
    const owns = [];
    for (const a of links) {
      const own = x.ownText(a);
      if (own && x.isPlausibleName(own)) return { name: own, el: a };
      owns.push(own);
    }
    for (let i = 0; i < links.length; i++) {
      const a = links[i];
      // A link without any text (a photo) has no text block either.
      if (owns[i] || !x.norm(a.textContent) || a.closest('button')) continue;
      for (const el of a.querySelectorAll('h1, h2, h3, p, strong, span, div')) {
        if (inButtonBelow(el, a) || hidden(el)) continue;
        const t = x.ownText(el);
        if (t) {
          if (x.isPlausibleName(t)) return { name: t, el };
          // "LinkedIn Member": no name to read, but the blocks after it are still the person's.
          if (x.isWord(t, 'anonymous')) return { name: null, el };
          break;
        }
      }
    }
    for (const a of links) {
      const name = x.nameInLabel('viewProfile', a.getAttribute('aria-label'));
      if (name && x.isPlausibleName(name)) return { name, el: null };
    }
    // No photo alt: it is often "Profile photo of X" in the page's language, not the name.
    return null;
  };
  x.nameFromLinks = (links) => x.nameIn(links)?.name ?? null;

  // The text blocks that follow a card's name (headline, then location): climb from the name
  // until a level has following siblings with text, skipping degree badges, screen-reader copies,
  // actions and blocks that link to other people (mutual connections).
  x.blocksAfterName = (nameEl, card, max = 2) => {
    for (let node = nameEl; node && node !== card; node = node.parentElement) {
      const out = [];
      for (let s = node.nextElementSibling; s && out.length < max; s = s.nextElementSibling) {
        if (hidden(s) || s.matches('button, figure, img, svg, hr')) continue;
        if (s.querySelector('button, a[href*="/in/"], a[href*="/preload/"], [data-testid="expandable-text-box"], time')) break;
        const t = x.shownText(s);
        if (!t || x.parseDegree(t) || /^[·•]/.test(t)) continue;
        out.push({ el: s, t });
      }
      if (out.length) return out;
    }
    return [];
  };

  x.degreesIn = (root) => {
    const seen = new Set();
    for (const el of root.querySelectorAll('.dist-value, p, span')) {
      if (el.children.length || el.closest('button, a[href*="/search/"]')) continue;
      const t = x.norm(el.textContent);
      if (t.length <= 8) {
        const d = x.parseDegree(t);
        if (d) seen.add(d);
      }
    }
    return seen;
  };
  // The degree badge nearest to a name: the first level up (at most four) that holds one.
  x.degreeNear = (el, stop) => {
    for (let node = el?.parentElement, up = 0; node && up < 4; node = node.parentElement, up++) {
      const seen = x.degreesIn(node);
      if (seen.size) return seen.size === 1 ? [...seen][0] : null;
      if (node === stop) break;
    }
    return null;
  };

  x.findDegree = (root) => {
    const seen = x.degreesIn(root);
    return seen.size === 1 ? [...seen][0] : null;
  };

  x.findButton = (root, key) => {
    for (const b of root.querySelectorAll('button, a[role="button"], [role="button"], a[aria-label]')) {
      if (x.isWord(b.getAttribute('aria-label'), key) || x.isWord(x.shownText(b), key)) return b;
    }
    return null;
  };

  // Connect: a link to the invite page (SDUI), else a control whose label has the invite shape,
  // else the word.
  x.INVITE_CONTROLS = 'a[href*="custom-invite/"], button[aria-label], a[aria-label]';
  const CUSTOM_INVITE = /\/preload\/(?:search-)?custom-invite\//;
  const invitePage = (b) => {
    const href = b.getAttribute('href');
    return href !== null && href.includes('custom-invite/') && CUSTOM_INVITE.test(href);
  };
  // Whether `root` holds a Connect of either shape (inviteButton without words, as a yes/no):
  // the controls of INVITE_CONTROLS walked through the element's own lists of <button> and <a>.
  x.hasInviteControl = (root) => {
    const buttons = root.getElementsByTagName('button');
    for (let i = 0; i < buttons.length; i++) {
      const label = buttons[i].getAttribute('aria-label');
      if (label !== null && (invitePage(buttons[i]) || x.LABELS.invite.test(label))) return true;
    }
    const links = root.getElementsByTagName('a');
    for (let i = 0; i < links.length; i++) {
      const label = links[i].getAttribute('aria-label');
      if (invitePage(links[i]) || (label !== null && x.LABELS.invite.test(label))) return true;
    }
    return false;
  };
  x.inviteButton = (root, { words = true } = {}) => {
    let labelled = null;
    for (const b of root.querySelectorAll(x.INVITE_CONTROLS)) {
      if (invitePage(b)) return b;
      if (!labelled && x.LABELS.invite.test(b.getAttribute('aria-label'))) labelled = b;
    }
    return labelled ?? (words ? x.findButton(root, 'connect') : null);
  };

  x.hasAnyWord = (root, key, lang = null) => {
    const body = x.lower(root?.textContent);
    return x.words(key, lang).some((w) => body.includes(w));
  };

  x.compact = (obj) => {
    const out = {};
    for (const k of Object.keys(obj)) {
      const v = obj[k];
      if (v !== null && v !== undefined) out[k] = v;
    }
    return out;
  };
})(globalThis.__vigie ??= {});
