// CSV/JSON export of invitations.list items, built in the page (nothing leaves the machine).
export const CSV_COLUMNS = ['id', 'network', 'direction', 'status', 'created_at', 'decided_at', 'name', 'profile_url', 'headline', 'level', 'note'];

const iso = (ms) => (ms === null || ms === undefined ? '' : new Date(ms).toISOString());

// RFC 4180 quoting; a leading =,+,-,@ is defused so a spreadsheet never runs it as a formula.
export function csvCell(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toRow(item) {
  return {
    id: item.id, network: item.network, direction: item.direction, status: item.status,
    created_at: iso(item.created_at), decided_at: iso(item.decided_at),
    name: item.person?.name, profile_url: item.person?.profile_url, headline: item.person?.headline,
    level: item.person?.level, note: item.note,
  };
}

export function toCsv(items) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const item of items) {
    const row = toRow(item);
    lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`; // BOM: spreadsheet apps then read UTF-8 names right
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click(); // our own page's download link, not the site's
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
