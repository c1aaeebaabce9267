// The invitation dialog wherever LinkedIn puts it, and who it invites. Pure functions over DOM
// nodes (no chrome.* here), so node tests and the browser load the very same file.
//
// Where the dialog lives (docs/PROTOCOL.md has none of this: it is the page's business):
// - classic pages: `div.artdeco-modal.send-invite[role=dialog]` in the document;
// - SDUI pages: the same markup inside the open shadow root of
//   `div#interop-outlet[data-testid="interop-shadowdom"]`;
// - `/preload/custom-invite/?vanityName=<slug>` opened as a page: the dialog is the page;
// - a native `<dialog open>` without a role (LinkedIn's newer confirmations).
// Structure comes first (artdeco classes, ids, the note field), words only as a last resort.
(function (ns) {
  'use strict';
  const x = (ns.extract ??= {});

  const DIALOG = '[role="dialog"], [role="alertdialog"], dialog';
  // Elements known to carry an open shadow root with dialogs in it; any other open shadow root is
  // found by walking what was added to the page.
  x.SHADOW_HOSTS = '#interop-outlet, [data-testid="interop-shadowdom"]';
  const INVITE_MARK = '.send-invite, [aria-labelledby="send-invite-modal"], #send-invite-modal, #custom-message, textarea[name="message"].connect-button-send-invite__custom-message';
  const NOTE_FIELD = '#custom-message, textarea[name="message"], textarea';
  const CUSTOM_INVITE = /\/preload\/(?:search-)?custom-invite\/?\?(?:[^#]*&)?vanityName=([^&#]+)/i;

  const word = (text, key) => Boolean(text) && Boolean(x.WORDS?.[key]) && x.isWord(text, key);
  const fold = (s) => x.norm(s).normalize('NFC').toLocaleLowerCase();
  const isElement = (n) => n?.nodeType === 1;

  // The vanity name in a Connect link (`/preload/search-custom-invite/?vanityName=…`) or in the
  // custom-invite page's URL; null when there is none.
  x.customInviteVanity = (href) => {
    const m = CUSTOM_INVITE.exec(href ?? '');
    if (!m) return null;
    let slug;
    try { slug = decodeURIComponent(m[1]); } catch { return null; }
    slug = slug.trim();
    return /^[^/?#\s]+$/.test(slug) ? slug : null;
  };

  x.isCustomInvitePage = (url) => /^https:\/\/(?:www\.)?linkedin\.com\/preload\/(?:search-)?custom-invite\//i.test(url ?? '');

  const vanityUrl = (slug) => `https://www.linkedin.com/in/${encodeURIComponent(slug).replace(/%25/g, '%')}/`;

  // Open shadow roots under `root`, nested ones included. `elements` limits the walk to some
  // subtrees (what a mutation added); the known hosts are always looked at, because a shadow root
  // attached to an element already in the page makes no mutation the document can see.
  x.openShadowRoots = (root, elements = null) => {
    const out = [];
    const seen = new Set();
    const visit = (el) => {
      const sr = el.shadowRoot;
      if (!sr || seen.has(sr)) return;
      seen.add(sr);
      out.push(sr);
      for (const inner of sr.querySelectorAll('*')) visit(inner);
    };
    for (const host of root.querySelectorAll(x.SHADOW_HOSTS)) visit(host);
    if (!elements) {
      for (const el of root.querySelectorAll('*')) visit(el);
      return out;
    }
    for (const el of elements) {
      if (!isElement(el) || !el.isConnected) continue;
      visit(el);
      for (const inner of el.querySelectorAll('*')) visit(inner);
    }
    return out;
  };

  // Is this dialog on screen? A native <dialog> says so itself; LinkedIn keeps closed ones in the
  // page. Others are open while connected and not hidden.
  x.isOpenDialog = (d) => {
    if (!d?.isConnected) return false;
    if (d.tagName === 'DIALOG') return d.open || d.hasAttribute('open');
    return !d.hidden && d.getAttribute('aria-hidden') !== 'true';
  };

  const buttonsOf = (scope) => [...scope.querySelectorAll('button, [role="button"]')];
  const labelOf = (b) => [x.text(b), b.getAttribute('aria-label')];

  // Is this an invitation dialog (not messaging, not an ad menu)? Its markup says so, or its
  // buttons read "Send without a note" / "Add a note".
  x.isInviteDialog = (d) => {
    if (!d) return false;
    if (d.matches(INVITE_MARK) || d.querySelector(INVITE_MARK)) return true;
    return buttonsOf(d).some((b) => labelOf(b).some((w) => word(w, 'sendWithoutNote') || word(w, 'addNote')));
  };

  // The note the user typed, '' when the field is not shown.
  x.inviteNote = (d) => d?.querySelector(NOTE_FIELD)?.value ?? '';
  x.noteField = (d) => d?.querySelector(NOTE_FIELD) ?? null;

  // 'without-note' | 'with-note' | null: is this button one that sends the invitation?
  // The dialog's primary action is the send in every language (artdeco); words come after.
  // A disabled Send (empty note) is still the send: it is how the dialog is recognised early.
  x.sendKind = (button, dialog) => {
    if (!button || !dialog) return null;
    const primary = button.matches('.artdeco-button--primary') && button.closest('.artdeco-modal__actionbar, footer') && dialog.contains(button);
    const words = labelOf(button);
    const withoutNote = words.some((w) => word(w, 'sendWithoutNote'));
    if (!primary && !withoutNote && !words.some((w) => word(w, 'send'))) return null;
    if (withoutNote) return 'without-note';
    return x.noteField(dialog) ? 'with-note' : 'without-note';
  };

  // The innermost invitation dialog on an event's composed path: the event path crosses shadow
  // boundaries, where `e.target` would be retargeted to the shadow host. On a custom-invite page
  // with no dialog element, the page itself is the dialog.
  x.dialogInPath = (path, url) => {
    for (const n of path) {
      if (isElement(n) && n.matches(DIALOG) && x.isOpenDialog(n) && x.isInviteDialog(n)) return n;
    }
    if (x.isCustomInvitePage(url)) return path.find((n) => isElement(n) && n.tagName === 'BODY') ?? null;
    return null;
  };

  // {button, dialog, kind} when the event's path goes through a send button of an open
  // invitation dialog, else null.
  x.sendInPath = (path, url) => {
    const button = path.find((n) => isElement(n) && n.matches('button, [role="button"]'));
    if (!button) return null;
    const dialog = x.dialogInPath(path, url);
    const kind = dialog && x.sendKind(button, dialog);
    return kind ? { button, dialog, kind } : null;
  };

  // Open invitation dialogs in the document and in the given shadow roots.
  x.openInviteDialogs = (doc, shadowRoots = [], url = '') => {
    const found = [];
    for (const root of [doc, ...shadowRoots]) {
      for (const d of root.querySelectorAll(DIALOG)) {
        if (x.isOpenDialog(d) && x.isInviteDialog(d) && buttonsOf(d).some((b) => x.sendKind(b, d))) found.push(d);
      }
    }
    if (!found.length && x.isCustomInvitePage(url) && doc.body && buttonsOf(doc.body).some((b) => x.sendKind(b, doc.body))) found.push(doc.body);
    return found;
  };

  // The invited person's name as the dialog shows it ("… for <strong>Name</strong> …"); null
  // when this view of the dialog does not show it (after "Add a note", for one).
  x.inviteDialogName = (d) => {
    for (const s of d?.querySelectorAll('.artdeco-modal__content strong, strong') ?? []) {
      const t = x.norm(s.textContent);
      if (t && t.length <= 100) return t;
    }
    return null;
  };

  // A click on a Connect control: who it invites, as far as the control itself tells.
  // {profile_url|null, name|null, label|null}, or null when the path holds no Connect control.
  x.connectInPath = (path) => {
    for (const n of path) {
      if (!isElement(n) || !n.matches('a, button, [role="button"], [role="menuitem"]')) continue;
      const href = n.getAttribute('href');
      const vanity = x.customInviteVanity(href);
      const label = x.norm(n.getAttribute('aria-label')) || null;
      const invite = label ? x.INVITE_LABEL?.exec(label) : null;
      if (!vanity && !invite && !word(x.text(n), 'connect')) continue;
      const name = invite ? (invite.slice(1).find(Boolean) ?? null) : null;
      const profile_url = vanity ? vanityUrl(vanity) : cardProfile(n);
      return { profile_url, name, label };
    }
    return null;
  };

  // The one profile a card around `el` links to: the nearest ancestor holding /in/ links, when
  // they all point to the same person (a profile page's top card, a search card); null otherwise.
  function cardProfile(el) {
    let node = el.parentElement;
    for (let depth = 0; node && depth < 12; depth++, node = node.parentElement) {
      if (node.matches('main, body')) return null;
      const urls = new Set();
      for (const a of node.querySelectorAll('a[href*="/in/"]')) {
        const u = x.linkedinProfileUrl(a.getAttribute('href'));
        if (u) urls.add(u);
      }
      if (urls.size === 1) return [...urls][0];
      if (urls.size > 1) return null;
    }
    return null;
  }

  const sameName = (a, b) => Boolean(a && b) && fold(a) === fold(b);
  const nameMatches = (cand, name) => sameName(cand.name, name) || (cand.label ? fold(cand.label).includes(fold(name)) : false);
  const speaks = (cand) => Boolean(cand.name || cand.label);

  // Picks who a dialog invites among candidates, best first (the Connect just clicked, the
  // custom-invite URL, the profile page): when the dialog shows a name, a candidate that names
  // someone else is refused, and one that names this person wins over one that names nobody.
  // `candidates` is any iterable, read only as far as needed (a generator can put off reading
  // the profile page until the Connect just clicked turns out not to name the person).
  // Returns {profile_url, name} or null (then nobody is checked or recorded on a guess).
  x.chooseInviteTarget = (dialogName, candidates) => {
    const pick = (c) => ({ profile_url: c.profile_url, name: dialogName ?? c.name ?? null });
    let silent = null;
    for (const c of candidates) {
      if (!c?.profile_url) continue;
      if (!dialogName) return pick(c);
      if (!speaks(c)) silent ??= c;
      else if (nameMatches(c, dialogName)) return pick(c);
    }
    return silent ? pick(silent) : null;
  };
})(globalThis.__vigie ??= {});
