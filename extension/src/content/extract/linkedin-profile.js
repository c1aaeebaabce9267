// LinkedIn profile page → the profile record of docs/PROTOCOL.md, on both front ends:
// SDUI (no h1; the name is an h2 inside the profile link of [componentkey$="Topcard"]; headline,
// companies line and location are successive <p>) and classic (h1, artdeco cards, #experience
// anchors). Each field is read from structure, checked, and left null when in doubt.
(function (ns) {
  'use strict';
  const x = (ns.extract ??= {});

  const MONTHS = {
    jan: 0, january: 0, janvier: 0, janv: 0, feb: 1, february: 1, février: 1, fevrier: 1, févr: 1, mar: 2, march: 2, mars: 2,
    apr: 3, april: 3, avril: 3, avr: 3, may: 4, mai: 4, jun: 5, june: 5, juin: 5, jul: 6, july: 6, juillet: 6, juil: 6,
    aug: 7, august: 7, août: 7, aout: 7, sep: 8, sept: 8, september: 8, septembre: 8, oct: 9, october: 9, octobre: 9,
    nov: 10, november: 10, novembre: 10, dec: 11, december: 11, décembre: 11, decembre: 11, déc: 11,
  };

  // "Joined May 2024" / "Membre depuis mai 2024" from the "About this profile" panel.
  x.parseJoined = (raw, now) => {
    const words = x.words('joined').map((w) => w.replace(/[()]/g, '\\$&')).join('|');
    const m = new RegExp(`(?:${words})\\s+([a-zéûè.]+)\\s+(\\d{4})`, 'i').exec(x.norm(raw));
    if (!m) return null;
    const month = MONTHS[m[1].toLowerCase().replace(/\.$/, '')];
    if (month === undefined) return null;
    const days = Math.floor((now - Date.UTC(Number(m[2]), month, 1)) / 86400000);
    return days >= 0 ? days : null;
  };

  // ---- sections -------------------------------------------------------------------------
  // SDUI sections carry componentkey "com.linkedin.sdui.profile.card.ref<ID><Kind>"; classic ones
  // hold an anchor div#<kind>. Headings (words) are the last resort.
  const SDUI_SECTION = { about: 'About', experience: 'ExperienceTopLevelSection', education: 'EducationTopLevelSection', skills: 'Skills' };

  const slotSelector = (kind) => `[componentkey^="com.linkedin.sdui.profile.card"][componentkey$="${kind}"]`;

  function sectionFor(doc, key) {
    const sdui = doc.querySelector(`section${slotSelector(SDUI_SECTION[key])}`);
    if (sdui) return sdui;
    const anchor = doc.getElementById(key);
    if (anchor) return anchor.closest('section') ?? anchor.parentElement;
    for (const h of doc.querySelectorAll('main section h2')) {
      if (x.isWord(x.shownText(h), key)) return h.closest('section');
    }
    return null;
  }

  // Top-level entries of a section: SDUI entity-collection items, classic profile-component
  // entities that are not nested in another (grouped positions count once), else list items.
  function entries(section) {
    const sdui = section.querySelectorAll('[componentkey^="entity-collection-item"]');
    if (sdui.length) return dedupe([...sdui]);
    const skills = [...section.querySelectorAll('[componentkey^="com.linkedin.sdui.profile.skill("]')].filter((e) => !/-divider$/.test(e.getAttribute('componentkey')));
    if (skills.length) return dedupe(skills);
    const marked = [...section.querySelectorAll('[data-view-name="profile-component-entity"]')].filter((e) => !e.parentElement.closest('[data-view-name="profile-component-entity"]'));
    if (marked.length) return marked;
    const list = section.querySelector('ul');
    return list ? [...list.children].filter((li) => li.tagName === 'LI') : [];
  }

  // SDUI repeats a componentkey on a wrapper and its child: keep the outermost of each key.
  function dedupe(els) {
    const seen = new Set();
    return els.filter((e) => {
      const k = e.getAttribute('componentkey');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  // Text blocks of an element in reading order (classic: the aria-hidden copies; SDUI: <p>).
  function blocks(el) {
    const classic = [...el.querySelectorAll('span[aria-hidden="true"]')].map((s) => x.norm(s.textContent)).filter(Boolean);
    if (classic.length) return classic;
    return [...el.querySelectorAll('p')].filter((p) => !p.querySelector('p') && !p.closest('a[href*="/overlay/"], button')).map((p) => x.shownText(p)).filter(Boolean);
  }

  // Positions listed inside a grouped entry (SDUI ul > li, classic nested entities).
  function positionsIn(entry) {
    const nested = entry.querySelector('ul');
    return nested ? [...nested.children].filter((li) => li.tagName === 'LI' && blocks(li).some(isDates)).length : 0;
  }

  // "cze 2022 – obecnie · 4 lata": a date range whose end holds no year is the current position.
  const RANGE = /^(.*?\d{4}.*?)\s*[–-]\s*([^·]*?)(?:\s*·.*)?$/;
  const isDates = (t) => RANGE.test(t) || /^\d{4}$/.test(t);
  const isCurrent = (t) => {
    const m = RANGE.exec(t);
    return Boolean(m && m[2] && !/\d{4}/.test(m[2]));
  };
  const isTenure = (t) => /^\d+\s*\p{L}+\.?(?:\s*\d+\s*\p{L}+\.?)?$/u.test(t.replace(/\s+/g, ' '));

  // The first position: grouped (company header, tenure, then a list of positions) or single
  // (title, "Company · employment type", dates). Only a current one gives current_title.
  function currentPosition(entry) {
    const none = { title: null, company: null };
    const nested = entry.querySelector('ul li');
    if (nested && positionsIn(entry)) {
      const head = blocks(entry).slice(0, 2);
      const first = blocks(nested);
      const dates = first.find(isDates);
      if (!dates || !isCurrent(dates) || !first[0] || isDates(first[0])) return none;
      return { title: first[0], company: head[0] && isTenure(head[1] ?? '') ? head[0] : null };
    }
    const b = blocks(entry);
    const di = b.findIndex(isDates);
    if (di < 1 || !isCurrent(b[di])) return none;
    const company = di >= 2 ? b[1].split(' · ')[0] : null;
    return { title: b[0], company: company && !isDates(company) ? company : null };
  }

  // The top card's current-company entry (SDUI: the one whose logo placeholder is a company's,
  // svg#company-accent-N, not a school's), when the Experience section is not there to tell.
  function topCompany(card) {
    const svg = card.querySelector('[role="button"] figure svg[id^="company-accent"]');
    const p = svg?.closest('[role="button"]')?.querySelector('p');
    const t = x.shownText(p);
    return t && x.isPlausibleText(t, 120) ? t : null;
  }

  // Classic: the badge beside the h1 is a hover trigger (div#artdeco-gen-N, its icon drawn
  // late); its tooltip div#artdeco-hoverable-artdeco-gen-N[role=tooltip] says "<Name> has
  // verifications". The tooltip must name this person and speak of verification.
  function classicBadgeTooltip(doc, nameRow, name) {
    for (const el of nameRow?.querySelectorAll('[id^="artdeco-gen-"]') ?? []) {
      const tip = doc.getElementById(`artdeco-hoverable-${el.id}`);
      const text = x.lower(tip?.matches('[role="tooltip"]') ? tip.textContent : '');
      if (text.includes(name.toLowerCase()) && x.words('verified').some((w) => text.includes(w))) return true;
    }
    return false;
  }

  function aboutText(section) {
    const box = section.querySelector('[data-testid="expandable-text-box"], .inline-show-more-text span[aria-hidden="true"], .inline-show-more-text')
      ?? [...section.querySelectorAll('[dir="ltr"] span[aria-hidden="true"]')].find((s) => !s.closest('ul, h2'));
    return x.shownText(box);
  }

  // ---- top card ---------------------------------------------------------------------------
  function topCard(doc) {
    return doc.querySelector('[componentkey^="com.linkedin.sdui.profile.card"][componentkey$="Topcard"]')
      ?? doc.querySelector('[componentkey$="Topcard"], [componentkey$="TopCard"]')
      ?? doc.querySelector('main section.artdeco-card[data-member-id]')
      ?? doc.querySelector('main h1')?.closest('section')
      ?? null;
  }

  // Name: SDUI h2 inside the link to this very profile; classic h1.
  function nameElement(card, profileUrl) {
    for (const a of card.querySelectorAll('a[href*="/in/"]')) {
      if (x.linkedinProfileUrl(a.getAttribute('href')) !== profileUrl) continue;
      const h = a.querySelector('h1, h2');
      if (h) return { el: h, row: a };
    }
    const h1 = card.querySelector('h1');
    return h1 ? { el: h1, row: h1 } : null;
  }

  // Leaf text blocks after `start` inside `card`, in document order, skipping links and buttons.
  function blocksAfter(card, start) {
    const out = [];
    let seen = false;
    for (const el of card.querySelectorAll('h1, h2, p, div, span')) {
      if (el === start) { seen = true; continue; }
      if (!seen || start.contains(el)) continue;
      if (el.querySelector('p, div, h1, h2, a, button') || el.closest('a, button, [role="button"], ul')) continue;
      if (el.matches('.visually-hidden, .a11y-text')) continue;
      const t = x.shownText(el);
      if (t) out.push({ el, t });
    }
    return out;
  }

  function photoState(card, name) {
    if (card.querySelector('[class*="ghost-person"], [data-ghost-person], img[src*="ghost"]')) return false;
    // SDUI: div[aria-label=…photo…] > figure > svg#person-accent-N (+ img[alt=""] when there is a photo).
    for (const svg of card.querySelectorAll('figure svg[id^="person-accent"]')) {
      const fig = svg.closest('figure');
      if (!fig.closest('[aria-label]')) continue;
      const img = fig.querySelector('img[src]');
      return Boolean(img && /^https:\/\/media\.licdn\.com\//.test(img.getAttribute('src')));
    }
    const classic = card.querySelector('img.pv-top-card-profile-picture__image--show, img.pv-top-card-profile-picture__image');
    if (classic) return !/ghost|default|placeholder/i.test(classic.getAttribute('src') ?? '');
    if (name) for (const img of card.querySelectorAll('img[alt]')) if (x.norm(img.getAttribute('alt')) === name) return true;
    return null;
  }

  // "152 kontakty", "500+ connections", or <p>26</p><p>connections</p>: a number next to a
  // connections (or followers) word. Short blocks only: a long one glues unrelated numbers.
  function countFor(root, key, lang) {
    const words = x.words(key, lang);
    for (const el of root.querySelectorAll('p, span, li, a')) {
      if (el.closest('button') || el.querySelector('p, li')) continue;
      const t = x.lower(el.textContent);
      if (t.length > 40) continue;
      const m = /^(\d[\d\s.,]*(?:k(?!\p{L}))?\s*\+?)\s*(\p{L}.*)$/u.exec(t);
      if (m && words.includes(m[2].trim())) return x.parseCount(m[1]);
      if (/^\d[\d\s.,]*\+?$/.test(t) && el.tagName === 'P' && words.includes(x.lower(el.nextElementSibling?.textContent))) return x.parseCount(t);
    }
    return null;
  }

  // Headline, companies line, location. SDUI: successive <p> after the name row; the companies
  // line repeats the top card's company/school buttons; the location is the <p> that shares a
  // row with the contact-info link. Classic: .text-body-medium and the text-body-small span.
  function topTexts(card, nameEl, layout) {
    if (layout === 'classic') {
      const headline = x.shownText(card.querySelector('.text-body-medium'));
      const contact = card.querySelector('a[href*="/overlay/contact-info/"], #top-card-text-details-contact-info');
      const row = contact?.closest('span')?.parentElement;
      const location = x.shownText(row?.querySelector('span.text-body-small') ?? card.querySelector('span.text-body-small.inline.t-black--light.break-words'));
      return { headline, location, companies: null };
    }
    const after = blocksAfter(card, nameEl).filter(({ t }) => !x.parseDegree(t) && !/^[·•]$/.test(t));
    const contact = card.querySelector('a[href="#"], a[href*="contact-info"]');
    const locationP = contact?.closest('p')?.parentElement?.querySelector('p');
    const location = locationP && !locationP.contains(contact) ? x.shownText(locationP) : null;
    const entityNames = [...card.querySelectorAll('[role="button"] figure ~ div p, [role="button"] figure + div p')].map((p) => x.shownText(p)).filter(Boolean);
    const companies = after.find(({ t, el }) => el !== locationP && entityNames.length && t === entityNames.join(' · '))?.t ?? null;
    const headlineBlock = after.find(({ el, t }) => el !== locationP && t !== companies && !entityNames.includes(t) && !(location && t === location));
    // The headline precedes the companies line and the location; a block found after them is not it.
    const order = (el) => (el ? after.findIndex((b) => b.el === el) : -1);
    const headline = headlineBlock && (order(locationP) < 0 || order(headlineBlock.el) < order(locationP)) ? headlineBlock.t : null;
    return { headline, location, companies };
  }

  // `settled`: true/false to override; by default decided from the page's structure.
  x.extractLinkedInProfile = (doc, url, { now = Date.now(), settled = null } = {}) => {
    const KIND = 'linkedin-profile';
    const profile_url = x.linkedinProfileUrl(url);
    if (!profile_url) return { profile: null, drift: x.drift(doc, KIND, ['profile_url'], 'not a profile URL') };
    const lang = x.pageLang(doc);
    const layout = x.layoutOf(doc);
    const card = topCard(doc);
    const named = card && nameElement(card, profile_url);
    const nameText = named && (x.ownText(named.el) ?? x.shownText(named.el));
    const name = nameText && x.isPlausibleName(nameText) ? nameText : null;
    if (!name) return { profile: null, drift: x.drift(doc, KIND, ['name'], card ? 'no name in the top card' : 'top card not found') };
    // Fields every profile shows (LinkedIn requires them): not finding one is drift. Others
    // (degree on one's own profile, sections) may be legitimately absent.
    const missing = [];
    const check = (field, value, ok = value !== null && value !== undefined) => {
      if (!ok) missing.push(field);
      return ok ? value : null;
    };

    const texts = topTexts(card, named.el, layout);
    const headline = texts.headline && x.isPlausibleText(texts.headline) && texts.headline !== name ? texts.headline : null;
    const location = texts.location && x.isPlausibleText(texts.location, 120) && texts.location !== texts.companies && texts.location !== headline ? texts.location : null;

    // Degree: the short badge beside the name (the nearest level up from the name that holds
    // one); two different badges there is doubt, not a value.
    let degree = null;
    if (layout === 'classic') degree = x.findDegree(card.querySelector('.distance-badge') ?? named.row.parentElement ?? card);
    else {
      for (let el = named.row.parentElement, up = 0; el && el !== card && up < 6; el = el.parentElement, up++) {
        const found = x.degreesIn(el);
        if (found.size) {
          // A badge that is a direct child of this level is the one beside the name; one nested
          // deeper (another copy, another breakpoint) only counts when there is none.
          const direct = new Set([...el.children].filter((c) => c.tagName === 'P' || c.tagName === 'SPAN').map((c) => x.parseDegree(c.textContent)).filter(Boolean));
          const pick = direct.size ? direct : found;
          degree = pick.size === 1 ? [...pick][0] : null;
          break;
        }
      }
    }
    const conn = countFor(card, 'connections', lang);
    const foll = countFor(card, 'followers', lang) ?? countFor(doc.querySelector('main') ?? doc, 'followers', lang);

    const isSettled = settled ?? x.profileSettled(doc);
    // LinkedIn leaves empty sections off the page: absent means empty once the page has settled,
    // unknown before.
    const count = (key) => {
      const section = sectionFor(doc, key);
      if (!section) return isSettled ? 0 : null;
      const list = entries(section);
      // Experience counts positions: a company group lists several.
      return key === 'experience' ? list.reduce((n, e) => n + Math.max(1, positionsIn(e)), 0) : list.length;
    };
    const expSection = sectionFor(doc, 'experience');
    const firstExp = expSection ? entries(expSection)[0] : null;
    const pos = firstExp ? currentPosition(firstExp) : { title: null, company: topCompany(card) };
    const aboutSection = sectionFor(doc, 'about');
    const about = aboutSection ? aboutText(aboutSection) : isSettled ? '' : null;

    // The badge sits inside the name's link (SDUI) or beside the h1 (classic); badges elsewhere on
    // the page belong to other people (suggestion cards).
    const nameRow = layout === 'classic' ? named.row.closest('a')?.parentElement ?? named.row.parentElement : named.row;
    const verified = Boolean(nameRow?.querySelector('svg[id^="verified"], [data-test-icon^="verified"], li-icon[type^="verified"]')) || classicBadgeTooltip(doc, nameRow, name);
    const joined = doc.querySelector('[data-view-name="about-this-profile"]');

    const profile = x.compact({
      network: 'linkedin',
      profile_url,
      name,
      headline: check('headline', headline),
      location: check('location', location),
      about,
      has_photo: check('has_photo', photoState(card, name)),
      connections: check('connections', conn?.value ?? null),
      connections_plus: conn ? conn.plus : null,
      followers: foll?.value ?? null,
      experience_count: count('experience'),
      education_count: count('education'),
      skills_count: count('skills'),
      current_title: pos.title,
      current_company: pos.company,
      degree,
      account_age_days: joined ? x.parseJoined(joined.textContent, now) : null,
      verified,
    });
    return { profile, drift: missing.length ? x.drift(doc, KIND, missing, 'fields not found or doubtful') : null, layout, lang };
  };

  // The element holding the profile's name (where a badge goes).
  x.profileNameElement = (doc, profileUrl) => {
    const card = topCard(doc);
    return (card && nameElement(card, profileUrl)?.el) ?? null;
  };

  // Has the profile page settled (every section that will load has loaded)? From structure:
  // SDUI renders one slot per possible section in a lazy column ([componentkey] "…card.ref<ID>
  // <Kind>", empty when the person has nothing there) and adds the slots from Experience on
  // only when they load: all of Experience, Education and Skills slots present = settled.
  // Classic renders sections server-side; a section that comes after Skills in LinkedIn's order
  // (interests, recommendations, languages, …) means the main column is complete.
  const CLASSIC_LATE = ['interests', 'honors_and_awards', 'languages', 'recommendations', 'courses', 'projects', 'organizations', 'causes', 'publications', 'patents', 'test_scores', 'volunteering_experience', 'browsemap_recommendation', 'pymk_recommendation_from_industry'];
  x.profileSettled = (doc) => {
    if (doc.querySelector(slotSelector('Topcard'))) return ['ExperienceTopLevelSection', 'EducationTopLevelSection', 'Skills'].every((k) => doc.querySelector(slotSelector(k)));
    return CLASSIC_LATE.some((id) => doc.getElementById(id)) || ['experience', 'education', 'skills'].every((id) => doc.getElementById(id));
  };

  // What lazily loaded sections change: the feature waits until this stops moving.
  x.profileSections = (doc) => [...doc.querySelectorAll('[componentkey^="com.linkedin.sdui.profile.card"], main section > div[id]')]
    .map((s) => `${s.getAttribute('componentkey') ?? s.id}:${s.children.length}`).join('|');
})(globalThis.__vigie ??= {});
