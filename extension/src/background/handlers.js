// The one handler map of the background. Events are stamped with `at` when they happen and go
// through the queue whenever the host is away or older events still wait, so order is kept.
import '../shared/messages.js';
import { HostUnavailable } from './native-host.js';

const { MSG, EVENT_TYPES, INTERNAL } = globalThis.__vigie;
const EVENTS = new Set(EVENT_TYPES);
const QUERIES = new Set([
  MSG.INVITATION_CHECK, MSG.STATS_GET, MSG.INVITATIONS_LIST, MSG.PERSON_GET, MSG.PERSON_FORGET,
  MSG.PERSON_MARK, MSG.PROFILE_ASSESS, MSG.DATA_PURGE, MSG.SETTINGS_GET, MSG.SETTINGS_SET, MSG.IMPORT_FILES, MSG.INVITATIONS_EXPORT,
  MSG.TEAM_VIEW,
]);
const FLUSH_BATCH = 50;

export const unavailable = (state) => ({ ok: false, error: { code: 'host_unavailable', message: state } });

export function createHandlers({ host, queue, storage, now }) {
  let flushing = null;

  // Sends queued events in order, a batch at a time (the host commits a batch together).
  // A refusal that retrying cannot fix is dropped and counted; a lost host stops the flush.
  function flush() {
    if (flushing) return flushing;
    // With nothing queued the async body would finish synchronously and clear `flushing`
    // before the assignment below, leaving a settled promise that blocks every later flush.
    if (!queue.size) return Promise.resolve();
    flushing = (async () => {
      try {
        while (queue.size) {
          await host.ensure();
          const batch = queue.peek(FLUSH_BATCH);
          const replies = await Promise.allSettled(batch.map((event) => host.request(event)));
          const done = replies.findIndex((r) => r.status === 'rejected');
          const count = done === -1 ? batch.length : done;
          const rejected = replies.slice(0, count).filter((r) => !r.value.ok).length;
          await queue.shift(count, rejected);
          if (done !== -1) return;
        }
      } catch {
        // host away: the events stay queued for the next connection
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }

  async function event(message) {
    const stamped = { ...message, at: message.at ?? now() };
    if (message.type === MSG.DRIFT_REPORT) await noteDrift(stamped);
    if (!queue.size && !flushing) {
      try {
        return await host.request(stamped);
      } catch (e) {
        if (!(e instanceof HostUnavailable)) throw e;
      }
    }
    await queue.push(stamped);
    flush();
    return { ...unavailable(host.state), queued: true };
  }

  async function noteDrift({ page_kind, url, detail, at }) {
    const { drift } = await storage.get('drift');
    await storage.set({ drift: { count: (drift?.count ?? 0) + 1, last: { page_kind, url, detail: detail ?? null, at } } });
  }

  async function query(message) {
    try {
      // Early: a query is never replayed from the queue, and the guard's check is waited for.
      const reply = await host.request(message, { early: true });
      if (message.type === MSG.SETTINGS_GET && reply.ok) await storage.set({ settings: reply.result.settings });
      if (message.type === MSG.SETTINGS_SET && reply.ok) await storage.set({ settings: reply.result.settings });
      return reply;
    } catch (e) {
      if (!(e instanceof HostUnavailable)) throw e;
      // Badges and the note limit still work from the last settings the host gave us.
      if (message.type === MSG.SETTINGS_GET) {
        const { settings } = await storage.get('settings');
        if (settings) return { ok: true, result: { settings }, cached: true };
      }
      return unavailable(e.state);
    }
  }

  const internal = {
    async [INTERNAL.STATUS]() {
      await host.ensure().catch(() => {});
      const { drift } = await storage.get('drift');
      return { ok: true, result: { host: host.state, error: host.error, queued: queue.size, dropped: queue.dropped, rejected: queue.rejected, drift: drift ?? null } };
    },
    async [INTERNAL.RECONNECT]() {
      await host.retryNow().catch(() => {});
      await flush();
      return internal[INTERNAL.STATUS]();
    },
    async [INTERNAL.CLEAR_DRIFT]() {
      await storage.set({ drift: null });
      return { ok: true, result: {} };
    },
  };

  return {
    flush,
    async handle(message) {
      const type = message?.type;
      if (EVENTS.has(type)) return event(message);
      if (QUERIES.has(type)) return query(message);
      if (Object.hasOwn(internal, type)) return internal[type]();
      return { ok: false, error: { code: 'unknown_type', message: String(type) } };
    },
  };
}
