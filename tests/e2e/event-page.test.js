// Firefox runs the background as an event page that is unloaded when idle (here after 1.5 s, pref
// extensions.background.idle.timeout) unless a native port is open. Suspended while the host is
// away, it must wake on the next page event, reopen the port and lose nothing that was queued.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.js';
import { backgroundState, eventually, extensionStorage, hostPids, onlyIn, personRecorded, openPage, startSession } from './lib/harness.js';

let server;
before(async () => { server = await startFixtureServer(); });
after(() => server.close());

const JANE = 'https://www.linkedin.com/in/jane-doe-123/';
const MARK = 'https://www.linkedin.com/in/mark-stone/';

test('the event page suspended with events queued wakes on the next page, reopens the port and sends everything',
  onlyIn('firefox', 'Chromium runs a service worker, not an event page'), async (t) => {
    const s = await startSession(t, { server, register: false, idleTimeout: 1500 });
    const jane = await openPage(s, JANE);
    await eventually(async () => {
      const { eventQueue } = await extensionStorage(s, 'eventQueue');
      return eventQueue?.items?.some((e) => e.type === 'profile.seen' && e.profile.profile_url === JANE);
    }, { what: 'the profile queued while the host is not installed' });
    await jane.close();

    // No port, nothing open: the browser unloads the background page.
    const suspended = await eventually(async () => {
      const state = await backgroundState(s);
      return state === 'stopped' && state;
    }, { timeout: 30000, what: 'the event page suspended' });
    assert.equal(suspended, 'stopped');
    assert.equal(hostPids(s).length, 0, 'no host process while suspended');

    await s.register();
    // A page event wakes it: the content script's message starts the background again.
    await openPage(s, MARK);
    await eventually(() => personRecorded(s, MARK), { timeout: 30000, what: 'the waking profile recorded' });
    await eventually(() => personRecorded(s, JANE), { timeout: 30000, what: 'the profile queued before the suspension recorded' });
    assert.notEqual(await backgroundState(s), 'stopped', 'the page woke the background');
    assert.ok(hostPids(s).length >= 1, 'the port to the host is open again');
    const { eventQueue } = await extensionStorage(s, 'eventQueue');
    assert.equal(eventQueue?.items?.length ?? 0, 0, 'the queue is empty');
  });

test('with the host connected the open port keeps the event page awake past its idle timeout',
  onlyIn('firefox', 'Chromium runs a service worker, not an event page'), async (t) => {
    const s = await startSession(t, { server, idleTimeout: 1500 });
    await openPage(s, JANE);
    await eventually(() => personRecorded(s, JANE), { what: 'the profile recorded' });
    const pids = hostPids(s);
    assert.equal(pids.length, 1, 'one host process serves the extension');
    await new Promise((r) => setTimeout(r, 5000));
    assert.equal(await backgroundState(s), 'running');
    assert.deepEqual(hostPids(s), pids, 'the same port, never closed');
    await openPage(s, MARK);
    await eventually(() => personRecorded(s, MARK), { what: 'a later profile recorded on the same port' });
  });
