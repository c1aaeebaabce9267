// The export file is the host's (invitations.export: one format for the dashboard and `vigie
// export`, formulas neutralised, times with their offset); the page only joins its chunks and
// saves them. Nothing leaves the machine.

import '../shared/messages.js';

const { MSG } = globalThis.__vigie;

// Every chunk from offset 0 on, joined. `call(type, body)` is the page's call to the host.
export async function exportText(call, format, filter = {}) {
  const parts = [];
  let offset = 0;
  let rows = 0;
  for (;;) {
    const chunk = await call(MSG.INVITATIONS_EXPORT, { ...filter, format, offset });
    parts.push(chunk.text);
    rows += chunk.rows;
    if (chunk.next_offset === null || chunk.next_offset === undefined) return { text: parts.join(''), rows };
    offset = chunk.next_offset;
  }
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click(); // our own page's download link, not the site's
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
