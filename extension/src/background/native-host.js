// One native port to org.vigie.host. Replies are matched by id; a lost port fails every pending
// request at once and reconnects with exponential backoff (the worker may sleep in between,
// so every new request also retries once the backoff has passed).
export const HOST_NAME = 'org.vigie.host';

export class HostUnavailable extends Error {
  constructor(state) {
    super(`native host ${state}`);
    this.state = state;
  }
}

// Chromium and Firefox word these differently; "not found" means not installed at all.
export function classifyDisconnect(message) {
  if (!message) return 'not_running';
  if (/not found|no such native application|manifest/i.test(message)) return 'not_installed';
  if (/forbidden|not allowed/i.test(message)) return 'forbidden';
  return 'not_running';
}

export function createNativeHost({ connect, lastError, onStatus, now = Date.now, setTimer = setTimeout, minDelay = 1000, maxDelay = 60000 }) {
  let port = null;
  let state = 'disconnected';
  let error = null;
  let attempt = 0;
  let retryAt = 0;
  let nextId = 1;
  let timer = null;
  const pending = new Map();
  let ready = null;

  const setState = (next, err = null) => {
    state = next;
    error = err;
    onStatus?.({ state, error, at: now() });
  };

  const post = (message) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    try {
      port.postMessage({ ...message, id });
    } catch {
      pending.delete(id); // the port died between two events: same as a disconnect
      reject(new HostUnavailable(state === 'connected' ? 'not_running' : state));
    }
  });

  function drop(message) {
    const kind = classifyDisconnect(message);
    port = null;
    ready = null;
    for (const p of pending.values()) p.reject(new HostUnavailable(kind));
    pending.clear();
    const delay = Math.min(maxDelay, minDelay * 2 ** attempt++);
    retryAt = now() + delay;
    setState(kind, message);
    clearTimeout(timer);
    timer = setTimer(() => { timer = null; ensure().catch(() => {}); }, delay);
  }

  function ensure() {
    if (ready) return ready;
    if (now() < retryAt) return Promise.reject(new HostUnavailable(state));
    setState('connecting');
    try {
      port = connect(HOST_NAME);
    } catch (e) {
      drop(String(e?.message ?? e));
      return Promise.reject(new HostUnavailable(state));
    }
    port.onMessage.addListener((reply) => {
      const p = pending.get(reply?.id);
      if (!p) return;
      pending.delete(reply.id);
      p.resolve(reply);
    });
    port.onDisconnect.addListener((p) => drop(p?.error?.message ?? lastError?.() ?? null));
    ready = post({ type: 'hello' }).then((reply) => {
      if (!reply.ok) throw new HostUnavailable('not_running');
      attempt = 0;
      retryAt = 0;
      setState('connected');
      return reply.result;
    });
    ready.catch(() => {});
    return ready;
  }

  return {
    get state() { return state; },
    get error() { return error; },
    ensure,
    // With `early`, a request made while the hello is on its way follows it on the same port (the
    // host answers in order), so a cold start costs one round trip, not two; it is answered only
    // once the hello has succeeded. Events never go early: if the hello then failed, they would be
    // queued again although the host may have recorded them.
    async request(message, { early: pipelined = false } = {}) {
      const connecting = ensure();
      const early = pipelined && port ? post(message) : null;
      early?.catch(() => {}); // a failed hello rejects below; this one must not go unhandled
      await connecting;
      return early ?? post(message);
    },
    retryNow() {
      retryAt = 0;
      attempt = 0;
      return ensure();
    },
  };
}
