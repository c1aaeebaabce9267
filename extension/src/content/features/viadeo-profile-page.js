// Viadeo profile pages (server-rendered): one profile.seen and a badge beside the name.
(function (ns) {
  'use strict';
  const { observe: o, extract: x, MSG } = ns;
  o.register('viadeo-profile', {
    init(signal) {
      let sent = false;
      let lastDrift = null;
      o.watch(signal, {
        scan() {
          if (sent) return true;
          const { profile, drift } = x.extractViadeoProfile(document, location.href);
          lastDrift = drift;
          if (!profile) return false;
          sent = true;
          o.send(MSG.PROFILE_SEEN, { profile }).then((r) => {
            if (r?.ok && !signal.aborted) o.placeBadge(document.querySelector('[itemprop="name"], h1'), profile.profile_url, r.result.assessment);
          });
          return true;
        },
        onDrift: () => o.reportDrift('viadeo-profile', lastDrift),
      });
    },
  });
})(globalThis.__vigie ??= {});
