// The one wrapper around chrome.* / browser.*: every other file goes through it, so the
// Chromium/Firefox differences (and the test doubles) live in one place.
// Classic script, also importable for side effects from ES modules (see messages.js).
(function (ns) {
  'use strict';
  const raw = () => globalThis.browser ?? globalThis.chrome;

  function lastErrorMessage() {
    const err = raw()?.runtime?.lastError;
    return err ? String(err.message ?? err) : null;
  }

  ns.browserApi = Object.freeze({
    available: () => Boolean(raw()?.runtime?.id),

    sendToBackground(message) {
      return raw().runtime.sendMessage(message);
    },

    // Handlers return a value or a promise. Chromium still needs the sendResponse + `return true`
    // form for asynchronous answers, which Firefox accepts too.
    onMessage(handler) {
      raw().runtime.onMessage.addListener((message, sender, sendResponse) => {
        Promise.resolve()
          .then(() => handler(message, sender))
          .then((result) => sendResponse(result), (err) => sendResponse({ ok: false, error: { code: 'internal', message: String(err?.message ?? err) } }));
        return true;
      });
    },

    storageGet: (keys) => raw().storage.local.get(keys),
    storageSet: (items) => raw().storage.local.set(items),
    onStorageChanged(callback) {
      const listener = (changes, area) => { if (area === 'local') callback(changes); };
      raw().storage.onChanged.addListener(listener);
      return () => raw().storage.onChanged.removeListener(listener);
    },

    connectNative: (name) => raw().runtime.connectNative(name),
    lastErrorMessage,

    t(key, substitutions) {
      return raw()?.i18n?.getMessage(key, substitutions) || key;
    },
    uiLanguage: () => raw()?.i18n?.getUILanguage?.() ?? 'en',
    // The toolbar icon's badge and tooltip (background only).
    async setToolbar({ text, color, title }) {
      const action = raw()?.action;
      if (!action) return;
      await action.setBadgeText({ text });
      await action.setBadgeBackgroundColor({ color });
      await action.setTitle({ title });
    },
    getURL: (path) => raw().runtime.getURL(path),

    // The sites the manifest asks for, and whether the user still lets us read them (Firefox's
    // origin controls and Chromium's site access can withdraw them after install).
    hostOrigins: () => raw().runtime.getManifest().host_permissions ?? [],
    hasOrigins: (origins) => raw().permissions.contains({ origins }),
    // Must be called straight from a click handler (a user gesture).
    requestOrigins: (origins) => raw().permissions.request({ origins }),
  });
})(globalThis.__vigie ??= {});
