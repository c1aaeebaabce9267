// Viadeo received invitations: invitation.received, with a badge on each card.
(function (ns) {
  'use strict';
  const { observe: o, extract: x } = ns;
  o.register('viadeo-invitations', {
    init(signal) {
      const seen = new Set();
      let lastDrift = null;
      o.watch(signal, {
        scan() {
          const { invitations, drift } = x.extractViadeoInvitations(document);
          lastDrift = drift;
          o.sendReceived(signal, seen, invitations, (card) => [...card.querySelectorAll('a')].find((a) => x.norm(a.textContent)));
          return invitations.length > 0 || drift === null;
        },
        onDrift: () => o.reportDrift('viadeo-invitations', lastDrift),
      });
    },
  });
})(globalThis.__vigie ??= {});
