// Background entry point: the one handler map, the native port and the offline queue.
import '../shared/messages.js';
import '../shared/browser-api.js';
import { createNativeHost } from './native-host.js';
import { createEventQueue, QUEUE_KEY } from './event-queue.js';
import { createHandlers } from './handlers.js';
import { senderKind, isAllowed, refusal } from './privileges.js';
import { createToolbar } from './toolbar.js';

const { browserApi: api, MSG } = globalThis.__vigie;

const host = createNativeHost({
  connect: api.connectNative,
  lastError: api.lastErrorMessage,
  onStatus: (hostStatus) => {
    api.storageSet({ hostStatus });
    // A microtask: the toolbar is created below, after the port's first possible status.
    queueMicrotask(() => { toolbar.refresh(hostStatus.state).catch(() => {}); });
    // The reconnect timer brings the host back on its own: send what waited meanwhile
    // instead of waiting for the next event.
    if (hostStatus.state === 'connected') loaded.then(() => handlers.flush()).catch(() => {});
  },
});
const queue = createEventQueue({
  load: async () => (await api.storageGet(QUEUE_KEY))[QUEUE_KEY],
  save: (value) => api.storageSet({ [QUEUE_KEY]: value }),
});
const loaded = queue.init();
const handlers = createHandlers({ host, queue, storage: { get: api.storageGet, set: api.storageSet }, now: Date.now });
// Declared before the first status change can reach it (onStatus runs only once a port is asked for).
const toolbar = createToolbar({ api, t: (key, subs) => api.t(key, subs), check: () => handlers.handle({ type: MSG.INVITATION_CHECK, network: 'linkedin' }) });

const us = {
  extensionId: (globalThis.browser ?? globalThis.chrome)?.runtime?.id,
  extensionBase: api.getURL(''),
};

api.onMessage(async (message, sender) => {
  // Only our own pages and content scripts; no other extension or web page can reach this, and a
  // content script only what the privilege table gives it.
  const kind = senderKind(sender, us);
  if (!kind) return null;
  if (!isAllowed(message?.type, kind)) return refusal(message?.type);
  await loaded;
  const reply = await handlers.handle(message);
  // A send moves today's and this week's counts: the icon follows.
  if (message.type === MSG.INVITATION_SENT) toolbar.refresh(host.state).catch(() => {});
  return reply;
});

// Connect at start so queued events flush as soon as the host is back.
loaded.then(() => handlers.flush()).catch(() => {});
