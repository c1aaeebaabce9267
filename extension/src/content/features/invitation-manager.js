// LinkedIn's invitation manager. Received: invitation.received with badges on each row, and the
// user's Accept/Ignore as invitation.answered. Sent: invitations.sent_list, and a confirmed
// Withdraw as invitation.withdrawn. /mynetwork/grow/ shows received invitations too.
// Clicks are read through composedPath(): LinkedIn's controls may sit in shadow roots, and the
// click target may be an icon inside the control.
(function (ns) {
  'use strict';
  const { observe: o, extract: x, MSG } = ns;

  // The first element of the click's path that matches `selector`.
  const inPath = (e, selector) => e.composedPath().find((n) => n.nodeType === 1 && n.matches(selector)) ?? null;

  function received(kind) {
    return function init(signal) {
      const seen = new Set();
      const rowProfile = new WeakMap();
      o.watchPage(signal, kind, () => {
        // Rows read by an earlier scan and unchanged since are not read again (see the extractor).
        const { invitations, drift } = x.extractReceivedInvitations(document);
        for (const { card, invitation } of invitations) rowProfile.set(card, invitation.profile);
        const nameEl = new Map(invitations.map((i) => [i.card, i.nameEl]));
        o.sendReceived(signal, seen, invitations, (card) => nameEl.get(card) ?? null);
        return { found: invitations.length, drift };
      });
      // Accept / Ignore: a button of a known row, told apart by its label's shape and word.
      document.addEventListener('click', (e) => {
        const control = inPath(e, 'button, a[role="button"], [role="button"]');
        if (!control) return;
        const row = e.composedPath().find((n) => n.nodeType === 1 && rowProfile.has(n));
        const answer = row && x.answerOf(control);
        if (answer) o.send(MSG.INVITATION_ANSWERED, { profile: rowProfile.get(row), answer });
      }, { capture: true, signal });
    };
  }

  // The native confirmation dialog (<dialog open>, no role) or an artdeco modal.
  const CONFIRM = 'dialog, [role="dialog"], [role="alertdialog"]';

  function sent(signal) {
    let lastKey = '';
    let withdrawing = null;
    const byControl = new WeakMap();
    o.watchPage(signal, 'linkedin-invitations-sent', () => {
      const r = x.extractSentInvitations(document);
      for (const item of r.items) if (item.withdrawButton) byControl.set(item.withdrawButton, item.profile);
      const key = `${r.complete}|${r.profiles.map((p) => p.profile_url).join(',')}`;
      if (r.profiles.length && key !== lastKey) {
        lastKey = key;
        o.send(MSG.INVITATIONS_SENT_LIST, { profiles: r.profiles, complete: r.complete });
      }
      return { found: r.profiles.length, drift: r.drift };
    });
    // The row's Withdraw (an <a> on SDUI) opens a confirmation; only its confirming control counts.
    document.addEventListener('click', (e) => {
      const control = inPath(e, 'a, button, [role="button"]');
      if (!control) return;
      if (byControl.has(control)) {
        withdrawing = { profile: byControl.get(control), label: x.norm(control.getAttribute('aria-label')) };
        return;
      }
      if (!withdrawing || !inPath(e, CONFIRM)) return;
      if (x.confirmsWithdraw(control, withdrawing)) {
        o.send(MSG.INVITATION_WITHDRAWN, { profile: withdrawing.profile });
        withdrawing = null;
      } else if (!control.closest('textarea, input')) {
        withdrawing = null; // Cancel, Dismiss: the next confirmation needs a new Withdraw
      }
    }, { capture: true, signal });
  }

  o.register('linkedin-invitations-received', { init: received('linkedin-invitations-received') });
  o.register('linkedin-mynetwork-grow', { init: received('linkedin-mynetwork-grow') });
  o.register('linkedin-invitations-sent', { init: sent });
})(globalThis.__vigie ??= {});
