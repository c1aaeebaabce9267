// Viadeo received invitations: invitation.received, with a badge on each card.
(function (ns) {
  'use strict';
  const { observe: o, extract: x, MSG } = ns;
  o.register('viadeo-invitations', {
    init(signal) {
      const seen = new Set();
      let lastDrift = null;
      o.watch(signal, {
        scan() {
          const { invitations, drift } = x.extractViadeoInvitations(document);
          lastDrift = drift;
          const fresh = invitations.filter(({ invitation }) => !seen.has(invitation.profile.profile_url));
          if (fresh.length) {
            for (const { invitation } of fresh) seen.add(invitation.profile.profile_url);
            o.send(MSG.INVITATION_RECEIVED, { invitations: fresh.map((f) => f.invitation) }).then((r) => {
              if (!r?.ok || signal.aborted) return;
              // The host answers {profile_url, assessment} per person it stored (docs/PROTOCOL.md).
              const byUrl = new Map((r.result.assessments ?? []).map((a) => [a.profile_url, a.assessment]));
              fresh.forEach(({ card, invitation }, i) => {
                const link = [...card.querySelectorAll('a')].find((a) => x.norm(a.textContent));
                o.placeBadge(link, invitation.profile.profile_url, byUrl.get(invitation.profile.profile_url) ?? r.result.assessments?.[i]?.assessment);
              });
            });
          }
          return invitations.length > 0 || drift === null;
        },
        onDrift: () => o.reportDrift('viadeo-invitations', lastDrift),
      });
    },
  });
})(globalThis.__vigie ??= {});
