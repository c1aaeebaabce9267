// LinkedIn profile pages: profile.seen once the page has settled, a badge beside the name, and
// connection.seen when the page shows a 1st-degree relation.
// "Settled" is decided from structure (x.profileSettled: the lazily loaded sections' slots are
// there) and the sections list having stopped changing for SETTLE_MS; only then is an absent
// About/Education/Skills reported as empty. If the page never settles, one observation is sent
// after GIVE_UP_MS with those fields unknown, and a second one if it settles later.
(function (ns) {
  'use strict';
  const { observe: o, extract: x, MSG } = ns;
  const SETTLE_MS = 1500;
  const GIVE_UP_MS = 6000;

  o.register('linkedin-profile', {
    init(signal) {
      const started = Date.now();
      let signature = null;
      let changedAt = started;
      let sentSettled = false;
      let sentEarly = false;
      let lastDrift = null;
      let recheck = 0;
      signal.addEventListener('abort', () => clearTimeout(recheck), { once: true });

      const observeNow = (settled) => {
        const { profile, drift } = x.extractLinkedInProfile(document, location.href, { settled });
        lastDrift = drift;
        if (!profile) return false;
        o.send(MSG.PROFILE_SEEN, { profile }).then((r) => {
          if (!r?.ok || signal.aborted) return;
          o.placeBadge(x.profileNameElement(document, profile.profile_url), profile.profile_url, r.result.assessment);
        });
        if (profile.degree === 1 && !sentEarly) o.send(MSG.CONNECTION_SEEN, { profile });
        if (drift && settled) o.reportDrift('linkedin-profile', drift);
        return true;
      };

      const scan = () => {
        if (sentSettled || signal.aborted) return true;
        const now = Date.now();
        const sig = x.profileSections(document);
        if (sig !== signature) {
          signature = sig;
          changedAt = now;
        }
        const quiet = now - changedAt >= SETTLE_MS;
        if (quiet && x.profileSettled(document)) {
          sentSettled = observeNow(true);
          if (sentSettled) return true;
        } else if (!sentEarly && now - started >= GIVE_UP_MS) {
          sentEarly = observeNow(false);
        }
        // Nothing may mutate while we wait for the quiet period: look again when it ends (later
        // sections arriving trigger a scan through the MutationObserver anyway).
        clearTimeout(recheck);
        if (!quiet) recheck = setTimeout(scan, SETTLE_MS - (now - changedAt) + 50);
        else if (!sentEarly) recheck = setTimeout(scan, Math.max(50, GIVE_UP_MS - (now - started)));
        return sentEarly;
      };

      o.watch(signal, {
        debounceMs: 300,
        driftAfterMs: GIVE_UP_MS + 2000,
        scan,
        onDrift: () => o.reportDrift('linkedin-profile', lastDrift ?? x.drift(document, 'linkedin-profile', ['name'], 'profile never observed')),
      });
    },
  });
})(globalThis.__vigie ??= {});
