// Stands in for LinkedIn's own scripts on the saved real pages (tests/fixtures/real/, served by
// fixture-server.js with their scripts removed), only where a saved page cannot act by itself:
// a click on Connect opens the invitation dialog (the saved fragment, in a <template> the server
// adds) where the live site opens it — in the open shadow root of `div#interop-outlet` for SDUI
// Connect links (`a[href*="custom-invite/?vanityName="]`), in the document for classic Connect
// buttons — with the invited person's name in it; "Add a note" reveals the note field (as in the
// English outline of 2026-09-10); Send records what LinkedIn would have sent in
// `window.__mimic.sent` and closes the dialog; the dismiss button and Escape close it.
// A page script, as LinkedIn's are: it runs in the page's world, not the extension's.
(() => {
  'use strict';
  const INVITE = /^(?:Invite (.+) to connect|Zaproś użytkownika (.+) do nawiązania kontaktu)$/;
  const sent = [];
  const clicks = [];
  let open = null;

  // The live SDUI page mounts the interop outlet at boot, shadow root included.
  let outlet = document.querySelector('#interop-outlet');
  if (!outlet) {
    outlet = document.createElement('div');
    outlet.id = 'interop-outlet';
    outlet.dataset.testid = 'interop-shadowdom';
    outlet.className = 'theme--light';
    outlet.style.cssText = 'width:100vw; position:absolute; top:0; left:0; z-index:500';
    document.body.append(outlet);
  }
  const shadow = outlet.shadowRoot ?? outlet.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<style>.send-invite{background:#fff;border:1px solid #888;padding:12px;margin:40px auto;max-width:520px}</style>';

  const close = () => {
    open?.overlay.remove();
    open = null;
  };

  const wireSend = (dialog, who) => {
    const send = dialog.querySelector('.artdeco-modal__actionbar .artdeco-button--primary');
    send.addEventListener('click', (e) => {
      const note = dialog.querySelector('#custom-message')?.value ?? '';
      sent.push({ ...who, note, at: performance.now(), trusted: e.isTrusted });
      if (who.connect) who.connect.setAttribute('aria-disabled', 'true');
      close();
    });
  };

  // "Add a note": the note view of the English outline (textarea#custom-message, 0/300, Cancel,
  // Send disabled while the note is empty).
  const noteView = (dialog, who) => {
    dialog.querySelector('.artdeco-modal__content').innerHTML = `
      <span class="visually-hidden">Please limit personal note to 300 characters.</span>
      <p class="t-14 pb2">LinkedIn members are more likely to accept invitations that include a personal note.</p>
      <div class="relative"><textarea id="custom-message" name="message" class="ember-text-area ember-view connect-button-send-invite__custom-message"></textarea>
      <div class="display-flex align-items-center"><span class="t-14 t-black--light flex-1 text-align-right">0/300</span></div></div>`;
    dialog.querySelector('.artdeco-modal__actionbar').innerHTML = `
      <button aria-label="Cancel adding a note" class="artdeco-button artdeco-button--muted artdeco-button--2 artdeco-button--tertiary ember-view mr1"><span class="artdeco-button__text">Cancel</span></button>
      <button aria-label="Send invitation" disabled class="artdeco-button artdeco-button--2 artdeco-button--primary artdeco-button--disabled ember-view ml1"><span class="artdeco-button__text">Send</span></button>`;
    dialog.querySelector('.artdeco-button--tertiary').addEventListener('click', close);
    wireNote(dialog);
    wireSend(dialog, who);
  };

  // Send stays disabled while the note is empty; the counter follows the note.
  const wireNote = (dialog) => {
    const area = dialog.querySelector('#custom-message');
    const send = dialog.querySelector('.artdeco-modal__actionbar .artdeco-button--primary');
    area?.addEventListener('input', () => {
      send.disabled = !area.value;
      send.classList.toggle('artdeco-button--disabled', !area.value);
      const counter = dialog.querySelector('.relative .text-align-right');
      if (counter) counter.textContent = `${[...area.value].length}/300`;
    });
  };

  const wire = (dialog, who) => {
    dialog.querySelector('[data-test-modal-close-btn]')?.addEventListener('click', close);
    dialog.querySelector('.artdeco-modal__actionbar .artdeco-button--secondary')?.addEventListener('click', () => noteView(dialog, who));
    dialog.querySelector('.artdeco-modal__actionbar .artdeco-button--tertiary')?.addEventListener('click', close);
    wireNote(dialog);
    wireSend(dialog, who);
  };

  function mount(who, inShadow) {
    close();
    const template = document.getElementById('vigie-test-invite-dialog');
    const overlay = document.createElement('div');
    overlay.className = 'artdeco-modal-overlay artdeco-modal-overlay--layer-default artdeco-modal-overlay--is-top-layer';
    overlay.setAttribute('data-test-modal-container', '');
    overlay.append(template.content.cloneNode(true));
    const dialog = overlay.querySelector('.send-invite');
    const strong = dialog.querySelector('.artdeco-modal__content strong');
    if (strong) strong.textContent = who.name;
    (inShadow ? shadow : document.body).append(overlay);
    open = { overlay, dialog };
    wire(dialog, who);
    return dialog;
  }

  // LinkedIn's delegated Connect handler (bubble phase, as a page's own handler would be).
  document.addEventListener('click', (e) => {
    const control = e.target.closest?.('a[href*="custom-invite/?vanityName="], button[aria-label]');
    if (!control) return;
    const m = INVITE.exec((control.getAttribute('aria-label') ?? '').trim());
    if (!m) return;
    e.preventDefault();
    const href = control.getAttribute('href');
    const vanity = href ? new URL(href, location.href).searchParams.get('vanityName') : null;
    clicks.push({ at: performance.now(), name: m[1] ?? m[2] });
    mount({ name: m[1] ?? m[2], vanity, connect: control }, control.tagName === 'A');
  });

  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });

  // A custom-invite page holds its dialog in the document from the start.
  const own = document.querySelector('.send-invite');
  if (own) {
    const vanity = new URL(location.href).searchParams.get('vanityName');
    open = { overlay: own.closest('.artdeco-modal-overlay') ?? own, dialog: own };
    wire(own, { name: own.querySelector('.artdeco-modal__content strong')?.textContent.trim() ?? null, vanity, connect: null });
  }

  window.__mimic = {
    sent,
    clicks,
    dialog: () => open?.dialog ?? null,
    isOpen: () => Boolean(open?.dialog.isConnected),
    // Connect and Send in one task: the click a hurried user (or a double-click) gives.
    connectAndSend(selector) {
      document.querySelector(selector).click();
      const dialog = open.dialog;
      const t0 = performance.now();
      dialog.querySelector('.artdeco-modal__actionbar .artdeco-button--primary').click();
      return t0;
    },
  };
})();
