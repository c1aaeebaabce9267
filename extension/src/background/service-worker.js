// Background entry point: the one handler map, the native port and the offline queue.
import '../shared/messages.js';
import '../shared/browser-api.js';
import { createNativeHost } from './native-host.js';
import { createEventQueue, QUEUE_KEY } from './event-queue.js';
import { createHandlers } from './handlers.js';
import { senderKind, isAllowed, refusal } from './privileges.js';

const { browserApi: api } = globalThis.__vigie;

const host = createNativeHost({
  connect: api.connectNative,
  lastError: api.lastErrorMessage,
  onStatus: (hostStatus) => {
    api.storageSet({ hostStatus });
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
  return handlers.handle(message);
});

// Connect at start so queued events flush as soon as the host is back.
loaded.then(() => handlers.flush()).catch(() => {});
