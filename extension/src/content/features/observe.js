// What every page observer shares: talking to the background, and rescanning on DOM changes
// cheaply (one scoped MutationObserver, debounced; nothing runs while the page is quiet).
(function (ns) {
  'use strict';
  const o = (ns.observe ??= {});
  const features = (ns.features ??= {});
  o.register = (kind, feature) => { features[kind] = feature; };

  o.send = async (type, fields = {}) => {
    try {
      return await ns.browserApi.sendToBackground({ type, ...fields });
    } catch {
      return null; // extension reloaded under the page: nothing to do until the next load
    }
  };

  let settingsPromise = null;
  o.settings = () => (settingsPromise ??= o.send(ns.MSG.SETTINGS_GET).then((r) => r?.result?.settings ?? {}));

  // Calls scan() now and after DOM changes until the signal aborts. scan() returns whether it
  // found what it expects; if nothing has been found after `driftAfterMs`, onDrift() runs once.
  o.watch = (signal, { root = () => document.querySelector('main') ?? document.body, scan, onDrift, debounceMs = 300, driftAfterMs = 8000 }) => {
    let timer = 0;
    let found = false;
    const run = () => {
      timer = 0;
      if (!signal.aborted && scan()) found = true;
    };
    const observer = new MutationObserver(() => {
      if (!timer) timer = setTimeout(run, debounceMs);
    });
    // The scope may appear late (SPA): watch body until it exists, then narrow.
    let scope = null;
    const rescope = () => {
      const next = root() ?? document.body;
      if (next === scope) return;
      observer.disconnect();
      scope = next;
      observer.observe(scope, { childList: true, subtree: true });
      if (scope !== document.body) observer.observe(document.body, { childList: true });
    };
    rescope();
    const rescoper = setInterval(rescope, 1000);
    const driftTimer = setTimeout(() => { if (!found && !signal.aborted) onDrift?.(); }, driftAfterMs);
    signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(driftTimer);
      clearInterval(rescoper);
    }, { once: true });
    run();
  };

  // `detail` is the extractor's drift object: {page_kind, layout, lang, fields, reason}. No
  // personal data goes in it (field names only), and the URL loses its query and fragment.
  // The common shape of a page observer: `scan()` returns the extractor's {found, drift}; field
  // drift is reported once, and "nothing found" drift once after the page had time to render.
  o.watchPage = (signal, pageKind, scan, options = {}) => {
    let lastDrift = null;
    o.watch(signal, {
      ...options,
      scan() {
        const { found, drift } = scan();
        lastDrift = drift;
        o.reportFieldDrift(signal, drift);
        return found > 0 || drift === null;
      },
      onDrift: () => o.reportDrift(pageKind, lastDrift),
    });
  };

  o.reportDrift = (pageKind, detail) => o.send(ns.MSG.DRIFT_REPORT, { page_kind: pageKind, url: location.href.split(/[?#]/)[0], detail: detail ?? undefined });

  // Rows were found but some fields were not: reported once per page and set of fields.
  const fieldReports = new WeakMap();
  o.reportFieldDrift = (signal, drift) => {
    if (!drift?.fields?.length || drift.reason !== 'some rows without these fields') return;
    const done = fieldReports.get(signal) ?? new Set();
    fieldReports.set(signal, done);
    const key = drift.fields.join(',');
    if (done.has(key)) return;
    done.add(key);
    o.reportDrift(drift.page_kind, drift);
  };

  // Places a badge after `anchor` once per anchor, when the user keeps badges on. `note`: the
  // invitation carries a note, which the user may judge even when nothing was flagged.
  // Placed after the site's link around the name when there is one, not inside it: a click on
  // the badge is Vigie's, and inside the link the site's own listeners would take it for theirs.
  o.placeBadge = async (anchor, profileUrl, assessment, { note = false } = {}) => {
    const at = anchor?.closest?.('a') ?? anchor;
    if (!at || at.nextElementSibling?.hasAttribute('data-vigie') || !ns.ui.shouldBadge(assessment, { note })) return;
    const settings = await o.settings();
    if (settings.badges === false || at.nextElementSibling?.hasAttribute('data-vigie')) return;
    at.after(ns.ui.badge(assessment, {
      note,
      onMark: async (verdict) => {
        const r = await o.send(ns.MSG.PERSON_MARK, { profile_url: profileUrl, verdict });
        if (!r?.ok) return null;
        return { verdict: r.result.verdict, level: verdict === 'fake' ? 'high' : verdict === 'trusted' ? 'none' : assessment.level };
      },
    }));
  };

  // Sends the received invitations not sent yet and badges their cards with the assessment the
  // host stored. `nameLink(card)` finds the link to put the badge after. The host answers
  // {profile_url, assessment} per person (docs/PROTOCOL.md); its order is the fallback.
  o.sendReceived = (signal, seen, invitations, nameLink) => {
    const fresh = invitations.filter(({ invitation }) => !seen.has(invitation.profile.profile_url));
    if (!fresh.length) return;
    for (const { invitation } of fresh) seen.add(invitation.profile.profile_url);
    o.send(ns.MSG.INVITATION_RECEIVED, { invitations: fresh.map((f) => f.invitation) }).then((r) => {
      if (!r?.ok || signal.aborted) return;
      const assessments = r.result.assessments ?? [];
      const byUrl = new Map(assessments.map((a) => [a.profile_url, a.assessment]));
      fresh.forEach(({ card, invitation }, i) => {
        const url = invitation.profile.profile_url;
        o.placeBadge(nameLink(card), url, byUrl.get(url) ?? assessments[i]?.assessment, { note: Boolean(invitation.note?.trim()) });
      });
    });
  };
})(globalThis.__vigie ??= {});
