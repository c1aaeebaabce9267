// Reads the two CSV files of LinkedIn's data export (picked by the user in the dashboard) into the
// host's `import.batch` request. Pure: text in, request out; errors name the file and the line.
// The ZIP itself needs the CLI (`vigie import linkedin-export`): the extension ships no unzip code.

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. Returns rows with the
// line each starts on.
export function parseCsv(text, file) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field); field = '';
      rows.push({ line: rowLine, cells: row }); row = [];
      rowLine = ++line;
    } else field += c;
  }
  if (quoted) throw new Error(`${file}:${rowLine}: a quoted field is never closed`);
  if (field !== '' || row.length) { row.push(field); rows.push({ line: rowLine, cells: row }); }
  return rows.filter((r) => r.cells.some((v) => v.trim() !== ''));
}

const MONTHS = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

// "1/29/26, 2:37 PM" (US, 12-hour, no zone: the user's local time).
export function parseSentAt(text) {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::\d{2})?[\s\u202f\u00a0]*([AP]M)$/i.exec(text.trim());
  if (!m) return null;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const hour = (Number(m[4]) % 12) + (m[6].toUpperCase() === 'PM' ? 12 : 0);
  return new Date(year, Number(m[1]) - 1, Number(m[2]), hour, Number(m[5])).getTime();
}

// "15 Jan 2024".
export function parseConnectedOn(text) {
  const m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(text.trim());
  if (!m || !(m[2].toLowerCase() in MONTHS)) return null;
  return new Date(Number(m[3]), MONTHS[m[2].toLowerCase()], Number(m[1])).getTime();
}

function table(text, file, required) {
  let rows = parseCsv(text, file);
  // Connections.csv opens with a "Notes:" paragraph before its header.
  const at = rows.findIndex((r) => required.every((h) => r.cells.includes(h)));
  if (at < 0) throw new Error(`${file}: no header with ${required.join(', ')}`);
  const header = rows[at].cells;
  rows = rows.slice(at + 1);
  return rows.map((r) => ({ line: r.line, get: (name) => (r.cells[header.indexOf(name)] ?? '').trim() }));
}

const profile = (url, name) => ({ network: 'linkedin', profile_url: url, ...(name ? { name } : {}) });

// Files: { 'Invitations.csv'?: text, 'Connections.csv'?: text }. Rows without a profile URL (older
// exports) cannot be keyed to a person and are counted in `skipped`.
export function buildImportBatch(files) {
  const invitations = [];
  const connections = [];
  let skipped = 0;
  if (files['Invitations.csv'] !== undefined) {
    for (const r of table(files['Invitations.csv'], 'Invitations.csv', ['From', 'To', 'Sent At', 'Direction'])) {
      const direction = { OUTGOING: 'sent', INCOMING: 'received' }[r.get('Direction')];
      const created = parseSentAt(r.get('Sent At'));
      if (!direction) throw new Error(`Invitations.csv:${r.line}: Direction is neither OUTGOING nor INCOMING`);
      if (created === null) throw new Error(`Invitations.csv:${r.line}: "Sent At" is not a date like 1/29/26, 2:37 PM`);
      const url = direction === 'sent' ? r.get('inviteeProfileUrl') : r.get('inviterProfileUrl');
      if (!url) { skipped++; continue; }
      const note = r.get('Message');
      invitations.push({ profile: profile(url, direction === 'sent' ? r.get('To') : r.get('From')), direction, created_at: created, ...(note ? { note } : {}) });
    }
  }
  if (files['Connections.csv'] !== undefined) {
    for (const r of table(files['Connections.csv'], 'Connections.csv', ['First Name', 'Last Name', 'URL', 'Connected On'])) {
      const on = parseConnectedOn(r.get('Connected On'));
      if (on === null) throw new Error(`Connections.csv:${r.line}: "Connected On" is not a date like 15 Jan 2024`);
      if (!r.get('URL')) { skipped++; continue; }
      const person = profile(r.get('URL'), `${r.get('First Name')} ${r.get('Last Name')}`.trim());
      if (r.get('Company')) person.current_company = r.get('Company');
      if (r.get('Position')) person.current_title = r.get('Position');
      connections.push({ profile: person, connected_on: on });
    }
  }
  return { request: { invitations, connections, source: 'import' }, skipped };
}
