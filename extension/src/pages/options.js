import { MSG, INTERNAL, api, call, el, hostNotice, localize, t } from './common.js';
import { render, fill, readInput, save } from './settings-form.js';

localize();

async function main() {
  const form = document.getElementById('settings');
  const status = (await api.sendToBackground({ type: INTERNAL.STATUS }))?.result;
  hostNotice(document.getElementById('host'), status);
  if (status?.host !== 'connected') return;
  // The host describes its settings; the form is built from that description.
  const { settings, definitions } = await call(MSG.SETTINGS_GET);
  let current = settings;
  const { fieldsets, inputs, errors } = render(document, definitions, current, t);
  document.getElementById('fields').replaceChildren(...fieldsets);
  document.querySelector('main').hidden = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const out = document.getElementById('saved');
    out.textContent = '';
    for (const [key, error] of errors) { error.textContent = ''; inputs.get(key).removeAttribute('aria-invalid'); }
    try {
      const result = await save(definitions, current, readInput(inputs), (changes) => call(MSG.SETTINGS_SET, { settings: changes }), t);
      current = result.settings;
      // Refused fields keep what the user typed, with the reason beside them; the rest shows the host's values.
      const refused = Object.keys(result.refused);
      fill(definitions.filter((d) => !refused.includes(d.key)), current, inputs);
      for (const [key, text] of Object.entries(result.refused)) {
        errors.get(key).textContent = text;
        inputs.get(key).setAttribute('aria-invalid', 'true');
      }
      out.textContent = refused.length ? t('optSavedSome', [String(result.saved.length), String(refused.length)]) : t('saved');
      if (refused.length) inputs.get(refused[0]).focus();
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
      out.textContent = t(deleted > 0 ? 'forgotten' : 'forgottenNothing');
    } catch (err) {
      out.textContent = `${t('error')}: ${err.message}`;
    }
  });
}

main().catch((e) => document.getElementById('host').replaceChildren(el('p', {}, `${t('error')}: ${e.message}`)));
