// Viadeo profile and invitation pages. Viadeo's own site is gone: its profiles are served as
// "defunct Viadeo profiles" at https://viadeo.journaldunet.com/p/<slug>-<id>, and it no longer
// offers invitations (the invitation observer only still runs on the old www.viadeo.com
// addresses). No saved markup of the journaldunet pages was found, so the profile is read from
// what such pages publish for search engines — schema.org Person (JSON-LD or microdata) and
// Open Graph tags — and then from the h1; every field is optional and nothing is guessed.
(function (ns) {
  'use strict';
  const x = (ns.extract ??= {});

  const first = (root, selectors) => {
    for (const s of selectors) {
      const el = root.querySelector(s);
      const t = el && (el.tagName === 'META' ? x.norm(el.getAttribute('content')) : x.text(el));
      if (t) return t;
    }
    return null;
  };

  // schema.org Person from JSON-LD, if the page has one.
  function jsonLdPerson(doc) {
    for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
      try {
        const data = JSON.parse(s.textContent);
        const all = [data, ...(Array.isArray(data?.['@graph']) ? data['@graph'] : []), ...(Array.isArray(data) ? data : [])];
        const person = all.find((d) => d && (d['@type'] === 'Person' || d.mainEntity?.['@type'] === 'Person'));
        if (person) return person['@type'] === 'Person' ? person : person.mainEntity;
      } catch {
        // not JSON: ignore this block
      }
    }
    return null;
  }
  const str = (v) => (typeof v === 'string' && x.norm(v)) || null;

  x.extractViadeoProfile = (doc, url) => {
    const KIND = 'viadeo-profile';
    const profile_url = x.viadeoProfileUrl(url);
    if (!profile_url) return { profile: null, drift: x.drift(doc, KIND, ['profile_url'], 'not a Viadeo profile URL') };
    const ld = jsonLdPerson(doc);
    const scope = doc.querySelector('[itemtype*="schema.org/Person"]') ?? doc.querySelector('main') ?? doc.body;
    const ogTitle = x.norm(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).split(/\s[-|–]\s/)[0];
    const nameRaw = str(ld?.name) ?? first(scope, ['[itemprop="name"]', '.profile-name', 'h1']) ?? (ogTitle || null);
    const name = nameRaw && x.isPlausibleName(nameRaw) ? nameRaw : null;
    if (!name) return { profile: null, drift: x.drift(doc, KIND, ['name'], 'no name: neither JSON-LD, microdata, h1 nor og:title') };
    const ldCompany = str(ld?.worksFor?.name ?? (Array.isArray(ld?.worksFor) ? ld.worksFor[0]?.name : null));
    const ldPlace = str(ld?.address?.addressLocality ?? ld?.homeLocation?.name ?? ld?.address);

    const photo = scope.querySelector('img[itemprop="image"], img.profile-picture, .profile-photo img');
    const src = photo?.getAttribute('src') ?? str(ld?.image?.url ?? ld?.image) ?? '';
    const body = x.norm(scope.textContent);
    const conn = x.parseCount(/(\d[\d\s\u00a0\u202f.,]*\+?)\s*(?:contacts|relations|connections)\b/i.exec(body)?.[1]);
    const countIn = (key) => {
      const h = [...scope.querySelectorAll('h2, h3')].find((el) => x.isWord(x.text(el), key));
      const section = h?.closest('section');
      return section ? section.querySelectorAll('li').length : null;
    };
    return {
      profile: x.compact({
        network: 'viadeo',
        profile_url,
        name,
        headline: str(ld?.jobTitle) ?? first(scope, ['[itemprop="jobTitle"]', '.profile-headline', '.headline']),
        location: ldPlace ?? first(scope, ['[itemprop="addressLocality"]', '[itemprop="address"]', '.profile-location', '.location']),
        current_company: ldCompany ?? first(scope, ['[itemprop="worksFor"] [itemprop="name"]', '[itemprop="worksFor"]', '.profile-company']),
        about: str(ld?.description) ?? first(scope, ['[itemprop="description"]', '.profile-summary']),
        has_photo: photo || src ? !/default|anonymous|placeholder|silhouette/i.test(src) : null,
        connections: conn?.value,
        connections_plus: conn ? conn.plus : null,
        experience_count: countIn('experience'),
        education_count: countIn('education'),
        skills_count: countIn('skills'),
      }),
      drift: null,
    };
  };

  const CARD = '[data-invitation-id], .invitation-item, .invitation, li, article';
  const NOTE = '.invitation-message, [itemprop="description"], blockquote, .message';

  x.extractViadeoInvitations = (doc) => {
    const root = doc.querySelector('[data-view="invitations"], .invitations-list, main') ?? doc.body;
    const invitations = x.cardsByProfileLink(root, 'viadeo', CARD).map((entry) => {
      const note = x.text(entry.card.querySelector(NOTE));
      return {
        card: entry.card,
        invitation: x.compact({
          profile: x.compact({
            network: 'viadeo',
            profile_url: entry.profile_url,
            name: x.nameFromLinks(entry.links),
            headline: x.text(entry.card.querySelector('[itemprop="jobTitle"], .headline, .invitation-headline')),
            invitation_message: note,
          }),
          note,
        }),
      };
    });
    const drift = invitations.length || x.hasAnyWord(root, 'emptyInvitations') ? null : x.drift(doc, 'viadeo-invitations', ['invitations'], 'no cards and no empty-state text');
    return { invitations, drift };
  };
})(globalThis.__vigie ??= {});
