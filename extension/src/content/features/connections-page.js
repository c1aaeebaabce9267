// LinkedIn connections list: each person listed is a 1st-degree connection (connection.seen).
(function (ns) {
  'use strict';
  const { observe: o, extract: x, MSG } = ns;
  o.register('linkedin-connections', {
    init(signal) {
      const seen = new Set();
      const cache = new WeakMap(); // rows already read: a long list costs only its new rows
      o.watchPage(signal, 'linkedin-connections', () => {
        const { profiles, drift } = x.extractConnections(document, { cache });
        for (const profile of profiles) {
          if (seen.has(profile.profile_url)) continue;
          seen.add(profile.profile_url);
          o.send(MSG.CONNECTION_SEEN, { profile });
        }
        return { found: profiles.length, drift };
      });
    },
  });
})(globalThis.__vigie ??= {});
