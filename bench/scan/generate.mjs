// A received-invitations page with N cards in LinkedIn's current attribute-based markup, each
// with two profile links, a headline, a time, a note on every third card and two buttons.
export function invitationPage(n) {
  const cards = [];
  for (let i = 0; i < n; i++) {
    const slug = `person-${i}-${(i * 2654435761 % 4294967296).toString(36)}`;
    cards.push(`<div data-view-name="pending-invitation" class="c${i % 7}x">
  <a href="https://www.linkedin.com/in/${slug}/" class="a1"><img alt="Person ${i}" src="data:,"></a>
  <a href="https://www.linkedin.com/in/${slug}/" class="a2"><strong>Person ${i}</strong></a>
  <p class="p1">Title ${i} at Company ${i % 97}</p>
  <p class="p2"><time datetime="2026-11-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00Z">${i % 20} days ago</time></p>
  ${i % 3 === 0 ? `<div data-view-name="invitation-message" class="q1">Hello, note number ${i}.</div>` : ''}
  <button aria-label="Ignore an invitation from Person ${i}">Ignore</button><button aria-label="Accept Person ${i}’s invitation">Accept</button>
</div>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Invitations</title></head><body>
<header><nav>${'<a href="/feed/">Home</a>'.repeat(10)}</nav></header>
<main><section componentkey="InvitationManagerPage_InvitationsList">${cards.join('\n')}</section></main></body></html>`;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(invitationPage(Number(process.argv[2] ?? 1000)));
