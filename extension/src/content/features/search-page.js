// LinkedIn people search: every result card is an observation (profile.seen), sent once.
(function (ns) {
  'use strict';
  const { observe: o, extract: x, MSG } = ns;
  o.register('linkedin-search', {
    init(signal) {
      const seen = new Set();
      const cache = new WeakMap(); // rows already read: a long list costs only its new rows
      o.watchPage(signal, 'linkedin-search', () => {
        const { results, drift } = x.extractSearchResults(document, { cache });
        for (const { profile } of results) {
          if (seen.has(profile.profile_url)) continue;
          seen.add(profile.profile_url);
          o.send(MSG.PROFILE_SEEN, { profile });
        }
        return { found: results.length, drift };
      });
    },
  });
})(globalThis.__vigie ??= {});
