// The pre-send warning, which cannot be bypassed by where the dialog lives or how fast the click is.
//
// - Clicks are read in the capture phase on window, through `event.composedPath()`: a click inside
//   a shadow root (SDUI's #interop-outlet) is seen at its real button, before any page listener
//   below window.
// - The dialog is found from the click itself, so a Send clicked in the same task as the dialog
//   opened is judged too; dialogs in the document and in open shadow roots are also watched so the
//   verdict is usually fetched before the click.
// - Who is invited is taken afresh for each dialog (the Connect just clicked, the custom-invite
//   URL, the profile page, checked against the name the dialog shows) and forgotten when the
//   dialog closes; main.js restarts the guard on every navigation.
// - A click whose verdict is known and ok goes through untouched. Any other click is held
//   (preventDefault + stopImmediatePropagation) until the verdict is known: then it is replayed
//   if ok, else the warning asks the user. If the host cannot answer, the warning says so.
(function (ns) {
  'use strict';
  const { observe: o, extract: x, policy, ui, MSG } = ns;
  const CHECK_TIMEOUT_MS = 4000; // then the user is told the check did not answer, and decides
  const VERDICT_TTL_MS = 30000; // an older answer is asked again (counts move in other tabs)
  const CONNECT_TTL_MS = 15000; // a Connect click names the next dialog only this long
  const NOTE_DEBOUNCE_MS = 300;

  // Resolves to the host's reply, or {ok:false, error:{code:'check_timeout'}} after the timeout.
  function ask(profileUrl, note) {
    let timer = 0;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, error: { code: 'check_timeout' } }), CHECK_TIMEOUT_MS);
    });
    const reply = o.send(MSG.INVITATION_CHECK, { network: 'linkedin', profile_url: profileUrl, note });
    return Promise.race([reply, late]).finally(() => clearTimeout(timer));
  }

  function pageProfile(url) {
    const profile_url = x.linkedinProfileUrl(url);
    if (!profile_url) return null;
    let name = null;
    try { name = x.extractLinkedInProfile(document, url).profile?.name ?? null; } catch { /* page not ready */ }
    return { profile_url, name, label: null };
  }

  ns.sendGuard = {
    init(signal) {
      const sessions = new Map(); // dialog element → {target, targetName, answer}
      let connect = null; // the last Connect click: {profile_url, name, label, at}
      let early = null; // the check asked at that Connect click: {profile_url, entry}
      let holding = false;
      let bypass = null;
      // The note limit of the user's account type, as the host last gave it (its check replies
      // carry note_max): the live counter shows it, and the host judges the note at the click.
      let noteMax = null;

      // Who a dialog may invite, best first; the profile page is read only if needed.
      function* candidates() {
        if (connect && Date.now() - connect.at < CONNECT_TTL_MS) yield connect;
        const vanity = x.isCustomInvitePage(location.href) ? x.customInviteVanity(location.href) : null;
        if (vanity) yield { profile_url: x.linkedinProfileUrl(`/in/${vanity}/`), name: null, label: null };
        const page = pageProfile(location.href);
        if (page) yield page;
      }

      // The session of a dialog, (re)bound to its target when new, when the dialog now shows
      // another name, or when a Connect was clicked since.
      const sessionFor = (dialog) => {
        const shown = x.inviteDialogName(dialog);
        let s = sessions.get(dialog);
        const fresh = connect && s && connect.at > s.boundAt;
        if (!s || fresh || (shown && s.targetName && shown !== s.targetName)) {
          s = { target: x.chooseInviteTarget(shown, candidates()), targetName: shown, boundAt: Date.now(), answer: null, counter: null };
          connect = null; // used: a later dialog needs its own Connect
          sessions.set(dialog, s);
        }
        return s;
      };

      const askEntry = (profileUrl, note) => {
        const entry = { note, at: Date.now(), reply: undefined };
        entry.promise = ask(profileUrl, note).then((reply) => {
          entry.reply = reply;
          if (Number.isFinite(reply?.result?.note_max) && reply.result.note_max !== noteMax) {
            noteMax = reply.result.note_max;
            for (const [dialog, s] of sessions) if (s.counter) s.counter.update([...x.inviteNote(dialog)].length, noteMax);
          }
          return reply;
        });
        return entry;
      };

      // The answer for this note, asked once per note and kept VERDICT_TTL_MS. The one asked at
      // the Connect click serves the dialog it opened, when that dialog invites the same person.
      const verdictFor = (s, note) => {
        if (!s.target) return Promise.resolve(policy.unchecked('unknown_target'));
        if (!s.answer && early?.profile_url === s.target.profile_url && note === '') s.answer = early.entry;
        early = null;
        const a = s.answer;
        const failed = a && a.reply !== undefined && !a.reply?.ok; // the host may be back: ask again
        if (!a || failed || a.note !== note || Date.now() - a.at > VERDICT_TTL_MS) s.answer = askEntry(s.target.profile_url, note);
        const entry = s.answer;
        const decide = (reply) => (reply?.error?.code === 'check_timeout'
          ? policy.unchecked('check_timeout')
          : policy.decideReply(reply));
        return entry.reply === undefined ? entry.promise.then(decide) : Promise.resolve(decide(entry.reply));
      };

      // The decision now, without waiting, or null when the answer is not there yet.
      const knownDecision = (s, note) => {
        const a = s.answer;
        if (!s.target || !a || a.note !== note || !a.reply?.ok || Date.now() - a.at > VERDICT_TTL_MS) return null;
        return policy.decideReply(a.reply);
      };

      // After the page has had the click (a task later): the send itself is never slowed down.
      const record = (s, note) => {
        if (!s.target) return;
        const profile = x.compact({ network: 'linkedin', profile_url: s.target.profile_url, name: s.target.name });
        setTimeout(() => o.send(MSG.INVITATION_SENT, { profile, note }), 0);
      };

      const replay = (button, dialog) => {
        if (signal.aborted || !button.isConnected || !x.isOpenDialog(dialog)) return;
        bypass = button;
        try { button.click(); } finally { bypass = null; } // the user's own click, let through
      };

      const hold = async (s, button, dialog, noteNow, known) => {
        holding = true;
        try {
          // The user may type while the check runs: judge the note that will actually be sent.
          let note = noteNow();
          let decision = known;
          for (;;) {
            decision ??= await verdictFor(s, note);
            if (signal.aborted) return;
            if (noteNow() === note) break;
            note = noteNow();
            decision = null;
          }
          if (!button.isConnected || !x.isOpenDialog(dialog)) return; // closed meanwhile: nothing to send
          if (!decision.hold) { replay(button, dialog); return; }
          if (await ui.confirmSend(decision)) replay(button, dialog);
        } finally {
          holding = false;
        }
      };

      addEventListener('click', (e) => {
        const path = e.composedPath();
        const send = x.sendInPath(path, location.href);
        if (!send) {
          const c = x.connectInPath(path);
          if (c) {
            connect = { ...c, at: Date.now() };
            // Ask now, while the dialog opens: the answer is usually there before the Send click,
            // and a cold start (worker asleep, host to spawn) is hidden behind the dialog.
            early = c.profile_url ? { profile_url: c.profile_url, entry: askEntry(c.profile_url, '') } : null;
            // The dialog may open in a shadow root attached since the last scan: look again.
            scanSoon([]);
            setTimeout(() => scanSoon([]), 300);
          }
          return;
        }
        const { button, dialog, kind } = send;
        const s = sessionFor(dialog);
        const noteNow = () => (kind === 'with-note' ? x.inviteNote(dialog) : '');
        const note = noteNow();
        const known = bypass === button || holding ? null : knownDecision(s, note);
        if (bypass === button || (known && !known.hold)) { record(s, note); return; } // ok: untouched
        e.preventDefault();
        e.stopImmediatePropagation();
        if (!holding) hold(s, button, dialog, noteNow, known); // a second click while one waits changes nothing
      }, { capture: true, signal });

      // Watching dialogs (document + open shadow roots) to ask before the click and count the note.
      const roots = new Set();
      const observer = new MutationObserver((records) => {
        const added = [];
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) added.push(n);
        scanSoon(added);
      });
      const watchRoots = (elements) => {
        for (const sr of x.openShadowRoots(document, elements)) {
          if (roots.has(sr)) continue;
          roots.add(sr);
          observer.observe(sr, { childList: true, subtree: true });
        }
      };

      const onNote = (dialog) => {
        const s = sessions.get(dialog);
        if (!s) return;
        const note = x.inviteNote(dialog);
        s.counter?.update([...note].length, noteMax);
        clearTimeout(s.noteTimer);
        s.noteTimer = setTimeout(() => { if (!signal.aborted) verdictFor(s, note); }, NOTE_DEBOUNCE_MS);
      };

      const scan = (added) => {
        if (signal.aborted) return;
        watchRoots(added);
        const open = new Set(x.openInviteDialogs(document, [...roots].filter((r) => r.host?.isConnected), location.href));
        for (const [dialog, s] of sessions) {
          if (!open.has(dialog)) { clearTimeout(s.noteTimer); s.counter?.host.remove(); sessions.delete(dialog); }
        }
        for (const dialog of open) {
          const known = sessions.has(dialog);
          const s = sessionFor(dialog);
          if (!known) {
            dialog.addEventListener('input', () => onNote(dialog), { signal });
            verdictFor(s, x.inviteNote(dialog));
          }
          // The note field appears after "Add a note": give it its counter.
          const area = x.noteField(dialog);
          if (area && !s.counter?.host.isConnected) {
            s.counter = ui.noteCounter();
            area.after(s.counter.host);
            onNote(dialog);
          }
        }
      };

      let pending = 0;
      let batch = [];
      const scanSoon = (added) => {
        batch.push(...added);
        if (pending) return;
        pending = setTimeout(() => { pending = 0; const b = batch; batch = []; scan(b); }, 30);
      };

      observer.observe(document.documentElement, { childList: true, subtree: true });
      signal.addEventListener('abort', () => {
        observer.disconnect();
        clearTimeout(pending);
        for (const s of sessions.values()) { clearTimeout(s.noteTimer); s.counter?.host.remove(); }
        sessions.clear();
        connect = null;
        early = null;
      }, { once: true });
      scan(null);
    },
  };
})(globalThis.__vigie ??= {});
