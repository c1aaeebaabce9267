// LinkedIn connections list: each person listed is a 1st-degree connection (connection.seen).
(function (ns) {
  'use strict';
  const { observe: o, extract: x, MSG } = ns;
  o.register('linkedin-connections', {
    init(signal) {
      const seen = new Set();
      let lastDrift = null;
      o.watch(signal, {
        scan() {
          const { profiles, drift } = x.extractConnections(document);
          lastDrift = drift;
          for (const profile of profiles) {
            if (seen.has(profile.profile_url)) continue;
            seen.add(profile.profile_url);
            o.send(MSG.CONNECTION_SEEN, { profile });
          }
          return profiles.length > 0 || drift === null;
        },
        onDrift: () => o.reportDrift('linkedin-connections', lastDrift),
      });
    },
  });
})(globalThis.__vigie ??= {});
