// Viadeo profile and invitation pages. Viadeo publishes schema.org microdata and Open Graph tags,
// which outlast its class names, so those come first.
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

  x.extractViadeoProfile = (doc, url) => {
    const profile_url = x.viadeoProfileUrl(url);
    if (!profile_url) return { profile: null, drift: 'not a Viadeo profile URL' };
    const scope = doc.querySelector('[itemtype*="schema.org/Person"]') ?? doc.querySelector('main') ?? doc.body;
    const ogTitle = x.norm(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).split(/\s[-|–]\s/)[0];
    const name = first(scope, ['[itemprop="name"]', '.profile-name', 'h1']) ?? (ogTitle || null);
    if (!name) return { profile: null, drift: 'no name: neither microdata, h1 nor og:title' };

    const photo = scope.querySelector('img[itemprop="image"], img.profile-picture, .profile-photo img');
    const src = photo?.getAttribute('src') ?? '';
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
        headline: first(scope, ['[itemprop="jobTitle"]', '.profile-headline', '.headline']),
        location: first(scope, ['[itemprop="address"]', '[itemprop="addressLocality"]', '.profile-location', '.location']),
        current_company: first(scope, ['[itemprop="worksFor"] [itemprop="name"]', '[itemprop="worksFor"]', '.profile-company']),
        about: first(scope, ['[itemprop="description"]', '.profile-summary']),
        has_photo: photo ? !/default|anonymous|placeholder|silhouette/i.test(src) : null,
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
    const drift = invitations.length || x.hasAnyWord(root, 'emptyInvitations') ? null : 'viadeo-invitations: no cards and no empty-state text';
    return { invitations, drift };
  };
})(globalThis.__vigie ??= {});
