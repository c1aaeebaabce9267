// A received-invitations page with N rows under InvitationManagerPage_InvitationsList (the real
// list root), each with two profile links, a headline, a time, a note on every third card (the
// real expandable-text-box) and two buttons. Names are letters only, as names are.
const letters = (i) => {
  let s = '';
  for (let k = i + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s[0].toUpperCase() + s.slice(1);
};

export function invitationPage(n) {
  const cards = [];
  for (let i = 0; i < n; i++) {
    const name = `Person ${letters(i)}`;
    const slug = `person-${i}-${(i * 2654435761 % 4294967296).toString(36)}`;
    cards.push(`<div role="listitem" class="c${i % 7}x">
  <a href="https://www.linkedin.com/in/${slug}/" class="a1"><img alt="" src="data:,"></a>
  <a href="https://www.linkedin.com/in/${slug}/" class="a2"><strong>${name}</strong></a>
  <p class="p1">Title ${i} at Company ${i % 97}</p>
  <p class="p2"><time datetime="2026-11-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00Z">${i % 20} days ago</time></p>
  ${i % 3 === 0 ? `<p class="q1"><span data-testid="expandable-text-box">Hello, note number ${i}.</span></p>` : ''}
  <button aria-label="Ignore an invitation to connect from ${name}">Ignore</button><button aria-label="Accept ${name}’s invitation">Accept</button>
</div>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invitations</title></head><body>
<header><nav>${'<a href="/feed/">Home</a>'.repeat(10)}</nav></header>
<main><section componentkey="InvitationManagerPage_InvitationsList">${cards.join('\n')}</section></main></body></html>`;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(invitationPage(Number(process.argv[2] ?? 1000)));
