import { MSG, INTERNAL, api, call, el, hostNotice, localize, t } from './common.js';

localize();

// [key, kind, label]; kinds map to inputs and back to the value types of docs/PROTOCOL.md.
const FIELDS = [
  ['account_type', 'account', 'optAccountType'],
  ['linkedin.daily_limit', 'int', 'optLinkedinDaily'], ['linkedin.weekly_limit', 'int', 'optLinkedinWeekly'],
  ['viadeo.daily_limit', 'int', 'optViadeoDaily'], ['viadeo.weekly_limit', 'int', 'optViadeoWeekly'],
  ['caution_ratio', 'ratio', 'optCautionRatio'], ['note_max_free', 'int', 'optNoteFree'], ['note_max_premium', 'int', 'optNotePremium'],
  ['note_allowance', 'int', 'optNoteAllowance'], ['low_acceptance_rate', 'ratio', 'optLowAcceptance'], ['max_pending', 'int', 'optMaxPending'],
  ['reinvite_days', 'int', 'optReinviteDays'], ['own_connections', 'int?', 'optOwnConnections'], ['retention_days', 'int?', 'optRetention'],
  ['badges', 'bool', 'optBadges'],
];

function input([key, kind]) {
  if (kind === 'account') return el('select', { name: key }, el('option', { value: 'free' }, t('free')), el('option', { value: 'premium' }, t('premium')));
  if (kind === 'bool') return el('input', { name: key, type: 'checkbox' });
  return el('input', { name: key, type: 'number', min: '0', step: kind === 'ratio' ? '0.05' : '1', ...(kind === 'ratio' ? { max: '1' } : {}) });
}

function read(form) {
  const out = {};
  for (const [key, kind] of FIELDS) {
    const f = form.elements[key];
    if (kind === 'bool') out[key] = f.checked;
    else if (kind === 'account') out[key] = f.value;
    else if (f.value === '') { if (kind === 'int?') out[key] = null; }
    else out[key] = kind === 'ratio' ? Number(f.value) : Math.trunc(Number(f.value));
  }
  for (const key of ['lexicon.odd_titles.add', 'lexicon.scam_phrases.add']) {
    out[key] = form.elements[key].value.split('\n').map((s) => s.trim()).filter(Boolean);
  }
  return out;
}

function fill(form, settings) {
  for (const [key, kind] of FIELDS) {
    const f = form.elements[key];
    if (kind === 'bool') f.checked = settings[key] !== false;
    else f.value = settings[key] ?? '';
  }
  for (const key of ['lexicon.odd_titles.add', 'lexicon.scam_phrases.add']) form.elements[key].value = (settings[key] ?? []).join('\n');
}

async function main() {
  const form = document.getElementById('settings');
  document.getElementById('fields').append(...FIELDS.map((f) => el('label', {}, el('span', {}, t(f[2])), input(f))));
  const status = (await api.sendToBackground({ type: INTERNAL.STATUS }))?.result;
  hostNotice(document.getElementById('host'), status);
  if (status?.host !== 'connected') return;
  fill(form, (await call(MSG.SETTINGS_GET)).settings);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const out = document.getElementById('saved');
    try {
      fill(form, (await call(MSG.SETTINGS_SET, { settings: read(form) })).settings);
      out.textContent = t('saved');
    } catch (err) {
      out.textContent = `${t('error')}: ${err.message}`;
    }
  });
  document.getElementById('forget').addEventListener('submit', async (e) => {
    e.preventDefault();
    const url = e.target.elements.profile_url.value.trim();
    const out = document.getElementById('forgotten');
    if (!url || !confirm(t('forgetConfirm', [url]))) return;
    try {
      const { deleted } = await call(MSG.PERSON_FORGET, { profile_url: url });
      out.textContent = t('forgotten', [String(deleted)]);
    } catch (err) {
      out.textContent = `${t('error')}: ${err.message}`;
    }
  });
}

main().catch((e) => document.getElementById('host').replaceChildren(el('p', {}, `${t('error')}: ${e.message}`)));
