// LinkedIn profile page → the profile record of docs/PROTOCOL.md.
(function (ns) {
  'use strict';
  const x = (ns.extract ??= {});

  const TOP_CARD = [
    '[data-view-name="profile-top-card"]',
    '[componentkey*="Topcard"]', '[componentkey*="TopCard"]',
    '.pv-top-card', 'section.artdeco-card',
  ].join(', ');

  const MONTHS = {
    jan: 0, january: 0, janvier: 0, janv: 0, feb: 1, february: 1, février: 1, fevrier: 1, févr: 1, mar: 2, march: 2, mars: 2,
    apr: 3, april: 3, avril: 3, avr: 3, may: 4, mai: 4, jun: 5, june: 5, juin: 5, jul: 6, july: 6, juillet: 6, juil: 6,
    aug: 7, august: 7, août: 7, aout: 7, sep: 8, sept: 8, september: 8, septembre: 8, oct: 9, october: 9, octobre: 9,
    nov: 10, november: 10, novembre: 10, dec: 11, december: 11, décembre: 11, decembre: 11, déc: 11,
  };

  // "Joined May 2024" / "Membre depuis mai 2024" from the "About this profile" panel.
  x.parseJoined = (raw, now) => {
    const m = /(?:joined|membre depuis|inscrit(?:e)? (?:en|depuis))\s+([a-zéûè.]+)\s+(\d{4})/i.exec(x.norm(raw));
    if (!m) return null;
    const month = MONTHS[m[1].toLowerCase().replace(/\.$/, '')];
    if (month === undefined) return null;
    const days = Math.floor((now - Date.UTC(Number(m[2]), month, 1)) / 86400000);
    return days >= 0 ? days : null;
  };

  function sectionFor(doc, key, anchorId) {
    const legacy = doc.getElementById(anchorId);
    if (legacy) return legacy.closest('section') ?? legacy.parentElement;
    const byKey = doc.querySelector(`section[componentkey*="${anchorId}" i], section[data-view-name="profile-card-${anchorId}"]`);
    if (byKey) return byKey;
    for (const h of doc.querySelectorAll('section h2')) {
      if (x.isWord(x.text(h), key)) return h.closest('section');
    }
    return null;
  }

  // Entries are the steady thing to count: attribute-based markup marks them, older markup lists them.
  function entries(section) {
    if (!section) return null;
    const marked = section.querySelectorAll('[data-view-name="profile-component-entity"]');
    if (marked.length) return [...marked];
    const list = section.querySelector('ul');
    return list ? [...list.children].filter((li) => li.tagName === 'LI') : [];
  }

  function spans(entry) {
    const out = [];
    for (const s of entry.querySelectorAll('span[aria-hidden="true"]')) {
      const t = x.norm(s.textContent);
      if (t) out.push(t);
    }
    return out;
  }

  function aboutText(section) {
    if (!section) return null;
    const body = section.querySelector('.inline-show-more-text, [data-view-name="profile-about-text"], p');
    return x.text(body);
  }

  function photoState(card, name) {
    if (card.querySelector('.ghost-person, [class*="ghost-person"], [data-ghost-person], img[src*="ghost"]')) return false;
    for (const img of card.querySelectorAll('img')) {
      const alt = x.norm(img.getAttribute('alt'));
      if (img.matches('.pv-top-card-profile-picture__image, [data-view-name="profile-photo"] img') || (name && alt.includes(name))) {
        return !/ghost|default|placeholder/i.test(img.getAttribute('src') ?? '');
      }
    }
    return null;
  }

  // Leaf-ish text blocks under the name, in document order: headline first, then location.
  function blocksAfterName(card, h1) {
    const out = [];
    let seen = false;
    for (const el of card.querySelectorAll('h1, p, div, span')) {
      if (el === h1) { seen = true; continue; }
      if (!seen || h1.contains(el) || el.querySelector('p, div, a, button, h1')) continue;
      if (el.closest('a, button')) continue;
      const t = x.text(el);
      if (t && !out.includes(t)) out.push(t);
    }
    return out;
  }

  const CONNECTIONS = /(\d[\d\s\u00a0\u202f.,]*\s*[kK]?\s*\+?)\s*(?:connections|relations)\b/i;
  const FOLLOWERS = /(\d[\d\s\u00a0\u202f.,]*\s*[kK]?\s*\+?)\s*(?:followers|abonnés|abonné\(e\)s)/i;
  const NOISE = /^(?:contact info|coordonnées|·)$|^(?:·\s*)?(?:1st|2nd|3rd|1er|2e|3e)\b|connections|relations|followers|abonnés/i;

  // Matched on short blocks, not on the whole page text: French writes thousands with spaces,
  // so "mars 2026 87 abonnés" glued together would read as 202,687 followers.
  function countNear(root, re) {
    for (const el of root.querySelectorAll('p, li, span, div, a')) {
      const t = x.norm(el.textContent);
      if (t.length > 60) continue;
      const m = re.exec(t);
      if (m) return x.parseCount(m[1]);
    }
    return null;
  }

  x.extractLinkedInProfile = (doc, url, { now = Date.now() } = {}) => {
    const profile_url = x.linkedinProfileUrl(url);
    if (!profile_url) return { profile: null, drift: 'not a profile URL' };
    const main = doc.querySelector('main') ?? doc.body;
    const card = main.querySelector(TOP_CARD) ?? main;
    const h1 = card.querySelector('h1') ?? main.querySelector('h1');
    const name = x.text(h1);
    if (!name) return { profile: null, drift: 'no name: top card (h1) not found' };

    const blocks = blocksAfterName(card, h1).filter((t) => !NOISE.test(t) && t !== name);
    const legacyHeadline = x.text(card.querySelector('.text-body-medium.break-words'));
    const legacyLocation = x.text(card.querySelector('.text-body-small.inline.t-black--light.break-words'));
    const conn = countNear(card, CONNECTIONS);
    const foll = countNear(main, FOLLOWERS);

    const expSection = sectionFor(doc, 'experience', 'experience');
    const exp = entries(expSection);
    const first = exp?.[0] ? spans(exp[0]) : [];
    const eduList = entries(sectionFor(doc, 'education', 'education'));
    const skillList = entries(sectionFor(doc, 'skills', 'skills'));
    const verified = card.querySelector('[data-test-icon*="verified"], svg[aria-label*="erif" i], [aria-label*="vérifi" i], [aria-label*="verified" i]');
    const joined = doc.querySelector('[data-view-name="about-this-profile"], [aria-label*="About this profile" i], [aria-label*="propos de ce profil" i]');

    const profile = x.compact({
      network: 'linkedin',
      profile_url,
      name,
      headline: legacyHeadline ?? blocks[0] ?? null,
      location: legacyLocation ?? blocks[1] ?? null,
      about: aboutText(sectionFor(doc, 'about', 'about')),
      has_photo: photoState(card, name),
      connections: conn?.value,
      connections_plus: conn ? conn.plus : null,
      followers: foll?.value,
      experience_count: exp?.length,
      education_count: eduList?.length,
      skills_count: skillList?.length,
      current_title: first[0],
      current_company: first[1] ? first[1].split(' · ')[0] : null,
      degree: x.findDegree(card),
      account_age_days: joined ? x.parseJoined(joined.textContent, now) : null,
      verified: verified ? true : null,
    });
    return { profile, drift: null };
  };
})(globalThis.__vigie ??= {});
