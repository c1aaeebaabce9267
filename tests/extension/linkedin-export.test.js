import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, parseSentAt, parseConnectedOn, buildImportBatch } from '../../extension/src/pages/linkedin-export.js';

const invitations = '\uFEFFFrom,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n'
  + 'Me Myself,Jane Doe,"1/29/26, 2:37 PM","Bonjour Jane,\r\nravi de ""vous"" lire",OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/jane-doe\r\n'
  + 'Bob Smith,Me Myself,"12/1/25, 12:05 AM",,INCOMING,https://www.linkedin.com/in/bob-smith,https://www.linkedin.com/in/me\r\n';
const connections = 'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n'
  + 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
  + 'Jane,Doe,https://www.linkedin.com/in/jane-doe,,Acme,Engineer,15 Jan 2024\n'
  + 'Ann,Nourl,,,,,3 Feb 2024\n';

test('CSV per RFC 4180: quotes, doubled quotes, CRLF, line breaks inside fields, BOM', () => {
  const rows = parseCsv('\uFEFFa,"b,1","say ""hi"""\r\n"multi\nline",,x\n', 'f.csv');
  assert.deepEqual(rows.map((r) => r.cells), [['a', 'b,1', 'say "hi"'], ['multi\nline', '', 'x']]);
  assert.deepEqual(rows.map((r) => r.line), [1, 2]);
  assert.throws(() => parseCsv('a,"never closed\n', 'Invitations.csv'), /Invitations\.csv:1: a quoted field/);
});

test('export dates: US 12-hour Sent At in local time, and Connected On', () => {
  assert.equal(parseSentAt('1/29/26, 2:37 PM'), new Date(2026, 0, 29, 14, 37).getTime());
  assert.equal(parseSentAt('12/1/25, 12:05 AM'), new Date(2025, 11, 1, 0, 5).getTime());
  assert.equal(parseSentAt('12/1/25, 12:05 PM'), new Date(2025, 11, 1, 12, 5).getTime());
  assert.equal(parseSentAt('2026-01-29'), null);
  assert.equal(parseConnectedOn('15 Jan 2024'), new Date(2024, 0, 15).getTime());
  assert.equal(parseConnectedOn('15 Foo 2024'), null);
});

test('an export becomes one import.batch, rows without a profile link are counted', () => {
  const { request, skipped } = buildImportBatch({ 'Invitations.csv': invitations, 'Connections.csv': connections });
  assert.equal(request.source, 'import');
  assert.deepEqual(request.invitations.map((i) => [i.direction, i.profile.profile_url, i.profile.name]), [
    ['sent', 'https://www.linkedin.com/in/jane-doe', 'Jane Doe'],
    ['received', 'https://www.linkedin.com/in/bob-smith', 'Bob Smith'],
  ]);
  assert.equal(request.invitations[0].note, 'Bonjour Jane,\r\nravi de "vous" lire');
  assert.equal(request.invitations[1].note, undefined);
  assert.deepEqual(request.connections, [{
    profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/jane-doe', name: 'Jane Doe', current_company: 'Acme', current_title: 'Engineer' },
    connected_on: new Date(2024, 0, 15).getTime(),
  }]);
  assert.equal(skipped, 1);
});

test('a malformed export is refused naming the file and line, before anything is sent', () => {
  const badDate = invitations.replace('"12/1/25, 12:05 AM"', 'yesterday');
  assert.throws(() => buildImportBatch({ 'Invitations.csv': badDate }), /Invitations\.csv:4: "Sent At"/);
  assert.throws(() => buildImportBatch({ 'Invitations.csv': 'a,b\n1,2\n' }), /Invitations\.csv: no header/);
  assert.throws(() => buildImportBatch({ 'Connections.csv': connections.replace('15 Jan 2024', 'soon') }), /Connections\.csv:5: "Connected On"/);
});
