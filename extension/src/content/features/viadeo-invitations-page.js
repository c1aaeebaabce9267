// Viadeo received invitations: invitation.received, with a badge on each card. Viadeo no longer
// offers invitations (its profiles live on viadeo.journaldunet.com); this only still runs if an
// old www.viadeo.com invitations page is ever served.
(function (ns) {
  'use strict';
  const { observe: o, extract: x } = ns;
  o.register('viadeo-invitations', {
    init(signal) {
      const seen = new Set();
      o.watchPage(signal, 'viadeo-invitations', () => {
        const { invitations, drift } = x.extractViadeoInvitations(document);
        o.sendReceived(signal, seen, invitations, (card) => [...card.querySelectorAll('a')].find((a) => x.norm(a.textContent)));
        return { found: invitations.length, drift };
      });
    },
  });
})(globalThis.__vigie ??= {});
