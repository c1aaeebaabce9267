// LinkedIn people search: every result card is an observation (profile.seen), sent once.
(function (ns) {
  'use strict';
  const { observe: o, extract: x, MSG } = ns;
  o.register('linkedin-search', {
    init(signal) {
      const seen = new Set();
      let lastDrift = null;
      o.watch(signal, {
        scan() {
          const { results, drift } = x.extractSearchResults(document);
          lastDrift = drift;
          for (const { profile } of results) {
            if (seen.has(profile.profile_url)) continue;
            seen.add(profile.profile_url);
            o.send(MSG.PROFILE_SEEN, { profile });
          }
          return results.length > 0 || drift === null;
        },
        onDrift: () => o.reportDrift('linkedin-search', lastDrift),
      });
    },
  });
})(globalThis.__vigie ??= {});
