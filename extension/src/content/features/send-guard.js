// The pre-send warning. The verdict is fetched when the Connect dialog opens and whenever the note
// changes, so the click on Send is judged synchronously and never delayed. `ok` never interferes;
// `caution`/`stop` hold the click (capture phase) until the user chooses.
(function (ns) {
  'use strict';
  const { observe: o, extract: x, policy, ui, MSG } = ns;
  const DIALOG = '[role="dialog"], [role="alertdialog"], dialog';

  function sendKind(button) {
    const words = [x.text(button), button.getAttribute('aria-label')];
    if (words.some((w) => x.isWord(w, 'sendWithoutNote'))) return 'without-note';
    if (words.some((w) => x.isWord(w, 'send'))) return 'with-note';
    return null;
  }

  function sendButtons(dialog) {
    return [...dialog.querySelectorAll('button')].filter((b) => sendKind(b));
  }

  // Who is being invited: the card whose Connect the user clicked, else the profile page itself.
  function profileFromClick(target) {
    const button = target.closest?.('button, a, [role="button"]');
    if (!button) return null;
    const label = x.norm(button.getAttribute('aria-label'));
    if (!x.INVITE_LABEL.test(label) && !x.isWord(x.text(button), 'connect')) return null;
    const card = button.closest('[data-view-name="search-entity-result-universal-template"], li, [role="listitem"]');
    const entry = card && x.cardsByProfileLink(card.parentElement ?? card, 'linkedin', 'li, [role="listitem"], [data-view-name="search-entity-result-universal-template"]').find((e) => e.card === card);
    if (entry) return { network: 'linkedin', profile_url: entry.profile_url, name: x.nameFromLinks(entry.links) ?? undefined };
    return null;
  }

  function pageProfile() {
    const url = x.linkedinProfileUrl(location.href);
    if (!url) return null;
    return x.extractLinkedInProfile(document, location.href).profile ?? { network: 'linkedin', profile_url: url };
  }

  ns.sendGuard = {
    init(signal) {
      let target = null;
      let dialog = null;
      let check = null;
      let limit = 200;
      let counter = null;
      let checkTimer = 0;
      let bypass = null;
      o.settings().then((s) => { limit = policy.noteLimit(s); });

      const note = () => dialog?.querySelector('textarea')?.value ?? '';
      const askHost = () => {
        const profile = target ?? pageProfile();
        if (!profile) return;
        const asked = dialog;
        o.send(MSG.INVITATION_CHECK, { network: 'linkedin', profile_url: profile.profile_url, note: note() }).then((r) => {
          if (asked === dialog) check = r?.ok ? r.result : null;
        });
      };
      const onNote = () => {
        counter?.update([...note()].length, limit);
        clearTimeout(checkTimer);
        checkTimer = setTimeout(askHost, 300);
      };

      const findDialog = () => {
        const open = [...document.querySelectorAll(DIALOG)].find((d) => sendButtons(d).length);
        if (open === dialog) {
          // The note field appears after "Add a note": give it its counter.
          const area = dialog?.querySelector('textarea');
          if (area && !counter) {
            counter = ui.noteCounter();
            area.after(counter.host);
            onNote();
          }
          return;
        }
        dialog = open ?? null;
        check = null;
        counter = null;
        if (!dialog) return;
        dialog.addEventListener('input', onNote, { signal });
        askHost();
        findDialog();
      };

      let pending = 0;
      const observer = new MutationObserver(() => { if (!pending) pending = setTimeout(() => { pending = 0; findDialog(); }, 60); });
      observer.observe(document.body, { childList: true, subtree: true });
      signal.addEventListener('abort', () => observer.disconnect(), { once: true });

      document.addEventListener('click', (e) => {
        const who = profileFromClick(e.target);
        if (who) { target = who; return; }
        const button = e.target.closest?.('button');
        if (!button || !dialog?.contains(button)) return;
        const kind = sendKind(button);
        if (!kind) return;
        const text = kind === 'without-note' ? '' : note();
        const profile = target ?? pageProfile();
        if (bypass === button) {
          bypass = null;
        } else {
          const decision = policy.decideSend(check, [...text].length, limit);
          if (decision.hold) {
            e.preventDefault();
            e.stopImmediatePropagation();
            ui.confirmSend(decision).then((go) => {
              if (!go || !button.isConnected) return;
              bypass = button;
              button.click(); // the user's own click, replayed after "Send anyway"
            });
            return;
          }
        }
        if (profile) o.send(MSG.INVITATION_SENT, { profile, note: text });
      }, { capture: true, signal });
    },
  };
})(globalThis.__vigie ??= {});
