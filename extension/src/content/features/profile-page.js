// LinkedIn profile pages: profile.seen once the top card has settled, a badge beside the name,
// and connection.seen when the page shows a 1st-degree relation.
(function (ns) {
  'use strict';
  const { observe: o, extract: x, MSG } = ns;
  o.register('linkedin-profile', {
    init(signal) {
      let sent = false;
      let lastDrift = null;
      o.watch(signal, {
        debounceMs: 800, // let the lazily rendered sections arrive before the one snapshot
        scan() {
          if (sent) return true;
          const { profile, drift } = x.extractLinkedInProfile(document, location.href);
          lastDrift = drift;
          if (!profile) return false;
          sent = true;
          o.send(MSG.PROFILE_SEEN, { profile }).then((r) => {
            if (!r?.ok || signal.aborted) return;
            const h1 = (document.querySelector('main') ?? document).querySelector('h1');
            o.placeBadge(h1, profile.profile_url, r.result.assessment);
          });
          if (profile.degree === 1) o.send(MSG.CONNECTION_SEEN, { profile });
          return true;
        },
        onDrift: () => o.reportDrift('linkedin-profile', lastDrift),
      });
    },
  });
})(globalThis.__vigie ??= {});
