// The dashboard's team section, from the host's team.view (docs/PROTOCOL.md): the team's sends per
// day, the figures of the members who share them, the people several members contacted, and the
// state of the sync. The numbers are the host's, only written in the user's language here.
// Members' and people's names are strangers' text: always inserted as text (never as HTML), cut
// and isolated (U+2068 … U+2069) so that a right-to-left override cannot reorder the page.
// `doc`, `t` and `locale` are passed in so that the logic runs in node's tests too.
import { pct } from './common.js';

const R = () => globalThis.__vigie.reasons;
const FIRST = 10; // overlaps in view; the rest one click away

// The lines that say how the sync stands: who the user is in the team, the last sync, what waits.
export function syncLines(member, t, locale) {
  const last = Math.max(member.last_push_at ?? 0, member.last_pull_at ?? 0);
  const outbox = Number(member.outbox ?? 0);
  return {
    lines: [
      t('teamAs', [R().isolate(member.display_name ?? '')]),
      last ? t('teamLastSync', [new Date(last).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })]) : t('teamNeverSynced'),
      outbox === 0 ? t('teamOutboxNone') : outbox === 1 ? t('teamOutboxOne') : t('teamOutbox', [outbox.toLocaleString(locale)]),
    ],
    error: member.last_error ? t('teamSyncError', [`\u2068${member.last_error}\u2069`]) : null,
  };
}

// The members' table: name (the user's own row said so), sent, accepted, rate; and how many keep
// their figures private.
export function memberRows(view, t, locale) {
  const n = (v) => Number(v ?? 0).toLocaleString(locale);
  const rows = (view.members ?? []).map((m) => {
    const name = R().isolate(m.name ?? '');
    return [m.self ? t('teamYou', [name]) : name, n(m.sent), n(m.accepted), pct(m.rate)];
  });
  const hidden = Number(view.hidden ?? 0);
  return {
    headers: [t('colMember'), t('colSent'), t('colAccepted'), t('colRate')],
    rows,
    hidden: hidden === 0 ? null : hidden === 1 ? t('teamHiddenOne') : t('teamHidden', [hidden.toLocaleString(locale)]),
  };
}

// "Zoé Martin: contacted by Léa and Tom, last on 3 Dec", one line per person.
export function overlapLines(view, t, locale) {
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  return (view.overlaps ?? []).map((o) => t('teamOverlap', [
    o.name ? R().isolate(o.name) : t('teamUnnamed'),
    list.format([...(o.members ?? []).map((m) => R().isolate(m)),
      ...(o.others > 0 ? [t(o.others === 1 ? 'teamOtherOne' : 'teamOthers', [String(o.others)])] : [])]),
    R().date(o.last_at, t),
  ]));
}

// Fills the section's parts (the chart is drawn by the page, with the dashboard's others).
export function renderTeam(doc, view, t, locale) {
  const el = (tag, props = {}, ...children) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
    e.append(...children);
    return e;
  };
  const section = doc.getElementById('team');
  section.hidden = !view?.in_team;
  if (!view?.in_team) return;

  const sync = syncLines(view.member ?? {}, t, locale);
  doc.getElementById('team-sync').replaceChildren(...sync.lines.map((l) => el('p', {}, l)),
    ...(sync.error ? [el('p', { class: 'notice' }, sync.error)] : []));

  const members = memberRows(view, t, locale);
  const table = doc.getElementById('team-members');
  table.hidden = members.rows.length === 0;
  table.replaceChildren(
    el('thead', {}, el('tr', {}, ...members.headers.map((h, i) => el('th', i ? { scope: 'col', class: 'num' } : { scope: 'col' }, h)))),
    el('tbody', {}, ...members.rows.map((r) => el('tr', {}, ...r.map((c, i) => el('td', i ? { class: 'num' } : {}, c))))));
  const note = doc.getElementById('team-hidden');
  note.textContent = members.rows.length === 0 ? [t('teamNoFigures'), members.hidden].filter(Boolean).join(' ') : members.hidden ?? '';
  note.hidden = !note.textContent;

  const lines = overlapLines(view, t, locale);
  doc.getElementById('team-overlaps').replaceChildren(...(lines.length
    ? lines.slice(0, FIRST).map((l) => el('li', {}, l))
    : [el('li', {}, t('teamNoOverlap'))]));
  const more = doc.getElementById('team-overlaps-more');
  more.hidden = lines.length <= FIRST;
  more.replaceChildren(...(lines.length > FIRST
    ? [el('summary', {}, t('showAll', [String(lines.length)])), el('ul', {}, ...lines.slice(FIRST).map((l) => el('li', {}, l)))]
    : []));
}
