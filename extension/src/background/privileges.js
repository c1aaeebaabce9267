// Which senders may ask for which message types. Content scripts run inside LinkedIn and Viadeo
// pages: if a page context is compromised or confused, what it can reach is only what a content
// script needs (observations, the pre-send check, the badge's settings and its trusted/fake mark).
// Everything that erases, rewrites or reads the whole ledger is for the extension's own pages.
import '../shared/messages.js';

const { MSG, EVENT_TYPES } = globalThis.__vigie;

export const SENDER = Object.freeze({ PAGE: 'page', CONTENT: 'content' });

// The privilege table: message type -> senders allowed. A type not listed is refused to all.
export const PRIVILEGES = Object.freeze(Object.fromEntries([
  ...EVENT_TYPES.map((type) => [type, [SENDER.PAGE, SENDER.CONTENT]]),
  [MSG.INVITATION_CHECK, [SENDER.PAGE, SENDER.CONTENT]],
  [MSG.SETTINGS_GET, [SENDER.PAGE, SENDER.CONTENT]],
  [MSG.PERSON_MARK, [SENDER.PAGE, SENDER.CONTENT]],
  ...[
    MSG.STATS_GET, MSG.INVITATIONS_LIST, MSG.INVITATIONS_EXPORT, MSG.PERSON_GET, MSG.PERSON_FORGET, MSG.PROFILE_ASSESS, MSG.DATA_PURGE,
    MSG.SETTINGS_SET, MSG.IMPORT_FILES, MSG.TEAM_VIEW, ...Object.values(globalThis.__vigie.INTERNAL),
  ].map((type) => [type, [SENDER.PAGE]]),
]));

// 'page' for the extension's own pages (popup, dashboard, options; also in a tab), 'content' for
// a content script in a site's tab, null for anyone else (another extension, a web page).
// `extensionBase` is runtime.getURL(''): "chrome-extension://<id>/" or "moz-extension://<uuid>/"; the
// trailing slash keeps a look-alike host ("<id>.evil.example") out.
export function senderKind(sender, { extensionId, extensionBase }) {
  if (!sender || sender.id !== extensionId || typeof sender.url !== 'string') return null;
  if (extensionBase.endsWith('/') && sender.url.startsWith(extensionBase)) return SENDER.PAGE;
  return sender.tab && /^https:\/\//.test(sender.url) ? SENDER.CONTENT : null;
}

export function isAllowed(type, kind) {
  return typeof type === 'string' && Object.hasOwn(PRIVILEGES, type) && PRIVILEGES[type].includes(kind);
}

// The reply to a refused message, in the shape of the host's errors.
export const refusal = (type) => ({ ok: false, error: { code: 'forbidden', message: `${String(type)} may not be sent from here` } });
