// LinkedIn's invitation manager. Received: invitation.received with badges on each card, and the
// user's Accept/Ignore as invitation.answered. Sent: invitations.sent_list, and a confirmed
// Withdraw as invitation.withdrawn.
(function (ns) {
  'use strict';
  const { observe: o, extract: x, MSG } = ns;

  function received(signal) {
    const seen = new Set();
    const cardProfile = new WeakMap();
    let lastDrift = null;
    o.watch(signal, {
      scan() {
        const { invitations, drift } = x.extractReceivedInvitations(document);
        lastDrift = drift;
        for (const { card, invitation } of invitations) cardProfile.set(card, invitation.profile);
        o.sendReceived(signal, seen, invitations, (card) => [...card.querySelectorAll('a[href*="/in/"]')].find((a) => x.norm(a.textContent)));
        return invitations.length > 0 || drift === null;
      },
      onDrift: () => o.reportDrift('linkedin-invitations-received', lastDrift),
    });
    document.addEventListener('click', (e) => {
      const button = e.target.closest?.('button');
      if (!button) return;
      const label = button.getAttribute('aria-label') ?? button.textContent;
      const answer = x.isWord(x.text(button), 'accept') || /^(accept|accepter)\b/i.test(x.norm(label)) ? 'accepted'
        : x.isWord(x.text(button), 'ignore') || /^(ignore|ignorer)\b/i.test(x.norm(label)) ? 'ignored' : null;
      const card = answer && [...document.querySelectorAll('[data-view-name="pending-invitation"], li.invitation-card, [role="listitem"], li')].find((c) => c.contains(button) && cardProfile.has(c));
      if (card) o.send(MSG.INVITATION_ANSWERED, { profile: cardProfile.get(card), answer });
    }, { capture: true, signal });
  }

  function sent(signal) {
    let lastKey = '';
    let lastDrift = null;
    let withdrawing = null;
    const byButton = new WeakMap();
    o.watch(signal, {
      scan() {
        const r = x.extractSentInvitations(document);
        lastDrift = r.drift;
        for (const item of r.items) if (item.withdrawButton) byButton.set(item.withdrawButton, item.profile);
        const key = `${r.complete}|${r.profiles.map((p) => p.profile_url).join(',')}`;
        if (r.profiles.length && key !== lastKey) {
          lastKey = key;
          o.send(MSG.INVITATIONS_SENT_LIST, { profiles: r.profiles, complete: r.complete });
        }
        return r.profiles.length > 0 || r.drift === null;
      },
      onDrift: () => o.reportDrift('linkedin-invitations-sent', lastDrift),
    });
    // The card's Withdraw opens a confirmation; only its confirming Withdraw counts.
    document.addEventListener('click', (e) => {
      const button = e.target.closest?.('button');
      if (!button) return;
      if (byButton.has(button)) { withdrawing = byButton.get(button); return; }
      if (withdrawing && button.closest('[role="dialog"], [role="alertdialog"]') && x.WITHDRAW_LABEL.test(x.norm(x.text(button)))) {
        o.send(MSG.INVITATION_WITHDRAWN, { profile: withdrawing });
        withdrawing = null;
      }
    }, { capture: true, signal });
  }

  o.register('linkedin-invitations-received', { init: received });
  o.register('linkedin-invitations-sent', { init: sent });
})(globalThis.__vigie ??= {});
