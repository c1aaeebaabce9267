// Events that could not reach the host, in storage.local with their original time, bounded:
// when full, the oldest go first and are counted, because recent activity matters most for limits.
export const QUEUE_KEY = 'eventQueue';

export function createEventQueue({ load, save, max = 5000 }) {
  let state = { items: [], dropped: 0, rejected: 0 };
  let writing = Promise.resolve();
  const persist = () => {
    const snapshot = { items: state.items.slice(), dropped: state.dropped, rejected: state.rejected };
    writing = writing.then(() => save(snapshot), () => save(snapshot));
    return writing;
  };

  return {
    async init() {
      const stored = await load();
      if (stored?.items) state = { items: stored.items, dropped: stored.dropped ?? 0, rejected: stored.rejected ?? 0 };
    },
    get size() { return state.items.length; },
    get dropped() { return state.dropped; },
    get rejected() { return state.rejected; },
    push(event) {
      state.items.push(event);
      const over = state.items.length - max;
      if (over > 0) {
        state.items.splice(0, over);
        state.dropped += over;
      }
      return persist();
    },
    peek: (n) => state.items.slice(0, n),
    // `rejected` counts events the host refused for good (e.g. bad_request): retrying them
    // would block every later event forever.
    shift(n, rejected = 0) {
      state.items.splice(0, n);
      state.rejected += rejected;
      return persist();
    },
    flushed: () => writing,
  };
}
