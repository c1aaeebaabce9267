import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEventQueue } from '../../extension/src/background/event-queue.js';
import { createNativeHost, classifyDisconnect, HostUnavailable } from '../../extension/src/background/native-host.js';
import { createHandlers } from '../../extension/src/background/handlers.js';
import { senderKind, isAllowed, refusal, PRIVILEGES, SENDER } from '../../extension/src/background/privileges.js';

// A native port double: replies come from `answer`, and the test can cut the line.
function fakeBrowser(answer) {
  const ports = [];
  let installed = true;
  const connect = () => {
    const listeners = { message: [], disconnect: [] };
    const port = {
      sent: [],
      postMessage(m) {
        port.sent.push(m);
        queueMicrotask(() => {
          if (!installed) return;
          const reply = answer(m);
          if (reply) for (const l of listeners.message) l({ id: m.id, ...reply });
        });
      },
      onMessage: { addListener: (l) => listeners.message.push(l) },
      onDisconnect: { addListener: (l) => listeners.disconnect.push(l) },
      cut: (message) => { for (const l of listeners.disconnect) l({ error: { message } }); },
      deliver: (reply) => { for (const l of listeners.message) l(reply); },
    };
    ports.push(port);
    if (!installed) queueMicrotask(() => port.cut('Specified native messaging host not found.'));
    return port;
  };
  return { ports, connect, setInstalled: (v) => { installed = v; } };
}

function memoryStore() {
  const data = {};
  return { data, get: async (k) => ({ [k]: data[k] }), set: async (o) => Object.assign(data, o) };
}

test('queue keeps order, is bounded, and counts what it dropped', async () => {
  let saved = null;
  const q = createEventQueue({ load: async () => null, save: async (v) => { saved = v; }, max: 3 });
  await q.init();
  for (let i = 1; i <= 5; i++) await q.push({ n: i });
  assert.deepEqual(q.peek(10).map((e) => e.n), [3, 4, 5]);
  assert.equal(q.dropped, 2);
  assert.deepEqual(saved, { items: [{ n: 3 }, { n: 4 }, { n: 5 }], dropped: 2, rejected: 0 });
  await q.shift(2, 1);
  assert.deepEqual(q.peek(10), [{ n: 5 }]);
  assert.equal(q.rejected, 1);
  const again = createEventQueue({ load: async () => saved, save: async () => {} });
  await again.init();
  assert.deepEqual([again.size, again.dropped, again.rejected], [1, 2, 1], 'survives a worker restart');
});

test('disconnect messages are classified for the popup', () => {
  assert.equal(classifyDisconnect('Specified native messaging host not found.'), 'not_installed');
  assert.equal(classifyDisconnect('Access to the specified native messaging host is forbidden.'), 'forbidden');
  assert.equal(classifyDisconnect('Native host has exited.'), 'not_running');
});

test('host away: events queue with their original time, then flush in order when it is back', async () => {
  const fb = fakeBrowser((m) => ({ ok: true, result: m.type === 'hello' ? { protocol_version: 1 } : { n: m.n } }));
  fb.setInstalled(false);
  let clock = 1_000;
  const statuses = [];
  const host = createNativeHost({ connect: fb.connect, now: () => clock, setTimer: () => 0, onStatus: (s) => statuses.push(s.state) });
  const queue = createEventQueue({ load: async () => null, save: async () => {} });
  const storage = memoryStore();
  const h = createHandlers({ host, queue, storage, now: () => clock });

  const r1 = await h.handle({ type: 'profile.seen', profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/a/' }, n: 1 });
  assert.equal(r1.queued, true);
  assert.equal(r1.error.code, 'host_unavailable');
  clock = 2_000;
  await h.handle({ type: 'connection.seen', profile: {}, n: 2 });
  await h.flush();
  assert.equal(queue.size, 2);
  assert.ok(statuses.includes('not_installed'));
  const q = await h.handle({ type: 'stats.get' });
  assert.deepEqual(q.error.code, 'host_unavailable', 'queries fail fast instead of queuing');

  fb.setInstalled(true);
  clock = 100_000; // past the backoff
  await h.flush();
  assert.equal(queue.size, 0);
  const delivered = fb.ports.at(-1).sent.filter((m) => m.type !== 'hello');
  assert.deepEqual(delivered.map((m) => [m.type, m.at]), [['profile.seen', 1_000], ['connection.seen', 2_000]]);

  // Connected and nothing queued: straight through, with a fresh `at`.
  const live = await h.handle({ type: 'drift.report', page_kind: 'linkedin-search', url: 'https://www.linkedin.com/search/results/people/' });
  assert.equal(live.ok, true);
  assert.equal(storage.data.drift.count, 1, 'drift is also kept for the popup notice');
});

test('a refused queued event is dropped and counted, the rest still flush', async () => {
  const fb = fakeBrowser((m) => (m.type === 'hello' ? { ok: true, result: {} } : m.bad ? { ok: false, error: { code: 'bad_request' } } : { ok: true, result: {} }));
  const host = createNativeHost({ connect: fb.connect, setTimer: () => 0 });
  const queue = createEventQueue({ load: async () => ({ items: [{ type: 'profile.seen', bad: true, at: 1 }, { type: 'profile.seen', at: 2 }] }), save: async () => {} });
  await queue.init();
  const h = createHandlers({ host, queue, storage: memoryStore(), now: () => 5 });
  await h.flush();
  assert.deepEqual([queue.size, queue.rejected], [0, 1]);
});

test('a crash mid-request fails the request as unavailable and backs off', async () => {
  const fb = fakeBrowser((m) => (m.type === 'hello' ? { ok: true, result: {} } : null));
  let clock = 0;
  const host = createNativeHost({ connect: fb.connect, now: () => clock, setTimer: () => 0, minDelay: 1000 });
  await host.ensure();
  const pending = host.request({ type: 'stats.get' });
  fb.ports[0].cut('Native host has exited.');
  await assert.rejects(pending, HostUnavailable);
  assert.equal(host.state, 'not_running');
  await assert.rejects(host.ensure(), HostUnavailable, 'no reconnect storm inside the backoff');
  assert.equal(fb.ports.length, 1);
  clock = 1_001;
  await host.ensure();
  assert.equal(fb.ports.length, 2);
});

test('settings are served from the last copy when the host is away', async () => {
  let up = true;
  const fb = fakeBrowser((m) => (m.type === 'hello' || up ? { ok: true, result: { settings: { badges: false } } } : null));
  const host = createNativeHost({ connect: fb.connect, setTimer: () => 0 });
  const storage = memoryStore();
  const h = createHandlers({ host, queue: createEventQueue({ load: async () => null, save: async () => {} }), storage, now: () => 0 });
  assert.equal((await h.handle({ type: 'settings.get' })).result.settings.badges, false);
  up = false;
  fb.ports[0].cut('Native host has exited.');
  const cached = await h.handle({ type: 'settings.get' });
  assert.deepEqual([cached.ok, cached.cached, cached.result.settings.badges], [true, true, false]);
  assert.equal((await h.handle({ type: 'no.such' })).error.code, 'unknown_type');
});

test('a flush with nothing queued does not block later events', async () => {
  const fb = fakeBrowser((m) => ({ ok: true, result: m.type === 'hello' ? {} : { echoed: m.type } }));
  const host = createNativeHost({ connect: fb.connect, setTimer: () => 0 });
  const queue = createEventQueue({ load: async () => null, save: async () => {} });
  const h = createHandlers({ host, queue, storage: memoryStore(), now: () => 7 });
  await h.flush(); // the service worker does this at start, with an empty queue
  const r = await h.handle({ type: 'profile.seen', profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/a/' } });
  assert.equal(r.ok, true, 'sent live, not parked in the queue');
  assert.equal(queue.size, 0);
  assert.deepEqual(fb.ports[0].sent.map((m) => m.type), ['hello', 'profile.seen']);
});

test('a query made while the host starts follows the hello at once; an event waits for its answer', async () => {
  // The hello is answered only when the test says so.
  const fb = fakeBrowser((m) => (m.type === 'hello' ? null : { ok: true, result: { echoed: m.type } }));
  const host = createNativeHost({ connect: fb.connect, setTimer: () => 0 });
  const queue = createEventQueue({ load: async () => null, save: async () => {} });
  const h = createHandlers({ host, queue, storage: memoryStore(), now: () => 7 });
  const check = h.handle({ type: 'invitation.check', network: 'linkedin', profile_url: 'https://www.linkedin.com/in/a/', note: '' });
  const event = h.handle({ type: 'profile.seen', profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/a/' } });
  await new Promise((r) => setTimeout(r, 5));
  const port = fb.ports[0];
  assert.deepEqual(port.sent.map((m) => m.type), ['hello', 'invitation.check'], 'the check did not wait for the hello; the event did');
  let settled = false;
  check.then(() => { settled = true; });
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(settled, false, 'no answer before the hello has succeeded');
  port.deliver({ id: port.sent[0].id, ok: true, result: {} });
  assert.deepEqual((await check).result, { echoed: 'invitation.check' });
  assert.equal((await event).ok, true);
  assert.deepEqual(port.sent.map((m) => m.type), ['hello', 'invitation.check', 'profile.seen']);
  assert.equal(fb.ports.length, 1, 'one port, one host');
});

test('an early query fails with the hello, even when the host answered it', async () => {
  const fb = fakeBrowser((m) => (m.type === 'hello' ? { ok: false, error: { code: 'unsupported_version' } } : { ok: true, result: {} }));
  const host = createNativeHost({ connect: fb.connect, setTimer: () => 0 });
  await assert.rejects(host.request({ type: 'invitation.check' }, { early: true }), HostUnavailable);
  assert.deepEqual(fb.ports[0].sent.map((m) => m.type), ['hello', 'invitation.check']);
});

const self = { extensionId: 'abcdefghijklmnopabcdefghijklmnop', extensionBase: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
const page = { id: self.extensionId, url: `${self.extensionBase}src/pages/dashboard.html`, tab: { id: 3 } };
const popup = { id: self.extensionId, url: `${self.extensionBase}src/pages/popup.html` };
const content = { id: self.extensionId, url: 'https://www.linkedin.com/in/someone/', tab: { id: 7 }, frameId: 0 };

test('senders: our pages, content scripts in a tab, and nobody else', () => {
  const table = [
    ['dashboard in a tab', page, SENDER.PAGE],
    ['popup', popup, SENDER.PAGE],
    ['content script', content, SENDER.CONTENT],
    ['Firefox page', { id: 'vigie@x', url: 'moz-extension://1234-5678/src/pages/options.html' }, SENDER.PAGE, { extensionId: 'vigie@x', extensionBase: 'moz-extension://1234-5678/' }],
    ['another extension', { id: 'zzzz', url: 'chrome-extension://zzzz/x.html' }, null],
    ['our id, a page URL without a tab', { id: self.extensionId, url: 'https://www.linkedin.com/' }, null],
    ['look-alike origin', { id: self.extensionId, url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop.evil.example/x', tab: { id: 1 } }, null],
    ['a file: page in a tab', { id: self.extensionId, url: 'file:///tmp/x.html', tab: { id: 1 } }, null],
    ['no URL', { id: self.extensionId, tab: { id: 1 } }, null],
    ['no sender', undefined, null],
  ];
  for (const [name, sender, kind, us = self] of table) assert.equal(senderKind(sender, us), kind, name);
});

test('content scripts may send observations and the pre-send check, not destructive or admin messages', () => {
  const { MSG, EVENT_TYPES, INTERNAL } = globalThis.__vigie;
  for (const type of [...EVENT_TYPES, MSG.INVITATION_CHECK, MSG.SETTINGS_GET, MSG.PERSON_MARK]) {
    assert.ok(isAllowed(type, SENDER.CONTENT), `${type} from a content script`);
    assert.ok(isAllowed(type, SENDER.PAGE), `${type} from a page`);
  }
  const pagesOnly = [MSG.DATA_PURGE, MSG.PERSON_FORGET, MSG.SETTINGS_SET, MSG.IMPORT_FILES, MSG.STATS_GET,
    MSG.INVITATIONS_LIST, MSG.INVITATIONS_EXPORT, MSG.PERSON_GET, MSG.PROFILE_ASSESS, MSG.TEAM_VIEW, ...Object.values(INTERNAL)];
  for (const type of pagesOnly) {
    assert.equal(isAllowed(type, SENDER.CONTENT), false, `${type} from a content script`);
    assert.ok(isAllowed(type, SENDER.PAGE), `${type} from a page`);
  }
  for (const type of ['hello', 'admin.drop_all', '__proto__', 'constructor', 'toString', undefined, 7])
    assert.equal(isAllowed(type, SENDER.PAGE), false, `${String(type)} is in nobody's table`);
  assert.equal(isAllowed(MSG.DATA_PURGE, null), false);
  const every = new Set([...Object.values(MSG), ...Object.values(INTERNAL)]);
  every.delete(MSG.HELLO);
  assert.deepEqual(new Set(Object.keys(PRIVILEGES)), every, 'every message type has a row in the table');
  assert.deepEqual(refusal(MSG.DATA_PURGE).error.code, 'forbidden');
});

test('the service worker refuses a content script\'s data.purge before it reaches the host', async () => {
  const listeners = [];
  const fake = fakeBrowser(() => ({ ok: true, result: {} }));
  const runtime = {
    id: self.extensionId,
    getURL: (p) => `${self.extensionBase}${p}`,
    onMessage: { addListener: (l) => listeners.push(l) },
    connectNative: fake.connect,
  };
  const sent = () => fake.ports.flatMap((p) => p.sent);
  const store = memoryStore();
  globalThis.chrome = { runtime, storage: { local: store, onChanged: { addListener() {}, removeListener() {} } } };
  await import(`../../extension/src/background/service-worker.js?privileges`);
  assert.equal(listeners.length, 1);
  const ask = (message, sender) => new Promise((resolve) => listeners[0](message, sender, resolve));
  const reply = await ask({ type: 'data.purge', older_than_days: 1 }, content);
  assert.equal(reply.error.code, 'forbidden');
  assert.ok(!sent().some((m) => m.type === 'data.purge'), 'nothing sent to the host');
  assert.equal((await ask({ type: 'person.forget', profile_url: 'https://www.linkedin.com/in/x/' }, content)).error.code, 'forbidden');
  assert.equal((await ask({ type: 'settings.set', settings: {} }, content)).error.code, 'forbidden');
  assert.equal((await ask({ type: 'data.purge', older_than_days: 1 }, page)).ok, true, 'the dashboard may purge');
  assert.ok(sent().some((m) => m.type === 'data.purge'));
  assert.equal((await ask({ type: 'invitation.check', network: 'linkedin', profile_url: 'https://www.linkedin.com/in/x/' }, content)).ok, true);
  assert.equal(await ask({ type: 'data.purge', older_than_days: 1 }, { ...content, id: 'other' }), null, 'another extension gets nothing');
  delete globalThis.chrome;
});
