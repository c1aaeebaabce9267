// The options form, built from the host's definitions of its settings (settings.get's
// `definitions`: key, type, default, bounds, unit, network, account type, label message key).
// Nothing here knows a setting by name: a setting the host adds appears on the page, and keys,
// defaults and bounds live only in the host's table (host/domain/settings.cpp).
// `doc` and `t` are passed in so that the logic runs in node's tests too.

const NETWORK_NAMES = (t, network) => t(`network_${network}`);

// Groups in page order: each network's own settings, then its account types, then the general
// ones, then the lexicon lists.
export function groups(definitions, t) {
  const out = new Map();
  const put = (id, legend, def) => {
    if (!out.has(id)) out.set(id, { id, legend, defs: [] });
    out.get(id).defs.push(def);
  };
  for (const d of definitions) {
    if (d.type === 'string_list') put('lexicon', t('optGroupLexicon'), d);
    else if (d.network && d.account_type) put(`${d.network}.${d.account_type}`, t('optGroupAccount', [NETWORK_NAMES(t, d.network), t(d.account_type)]), d);
    else if (d.network) put(d.network, NETWORK_NAMES(t, d.network), d);
    else put('general', t('optGroupGeneral'), d);
  }
  const rank = (g) => (g.id === 'general' ? 1 : g.id === 'lexicon' ? 2 : 0);
  return [...out.values()].sort((a, b) => rank(a) - rank(b)); // stable: networks keep the host's order
}

// A value as its input shows it.
export function toInput(def, value) {
  if (def.type === 'boolean') return value !== false;
  if (def.type === 'string_list') return (value ?? []).join('\n');
  return value === null || value === undefined ? '' : String(value);
}

// What an input holds, as the value to send. The host judges it: a value it refuses comes back
// as an error shown next to the field, so nothing is checked here twice.
export function fromInput(def, raw) {
  switch (def.type) {
    case 'boolean': return Boolean(raw);
    case 'account_type': return raw;
    case 'string_list': return String(raw).split('\n').map((s) => s.trim()).filter(Boolean);
    default: {
      const s = String(raw).trim();
      if (s === '') return def.nullable ? null : s; // a required number left empty: the host refuses ""
      const n = Number(s.replace(',', '.'));
      return Number.isFinite(n) ? n : s;
    }
  }
}

// The settings whose input differs from the value the host last gave: {key: value}.
export function changes(definitions, saved, read) {
  const out = {};
  for (const d of definitions) {
    const value = fromInput(d, read(d.key));
    if (JSON.stringify(value) !== JSON.stringify(saved[d.key] ?? null)) out[d.key] = value;
  }
  return out;
}

// Why the host refused a value, in the user's language, from the definition's bounds.
export function refusal(def, t) {
  if (def.type === 'integer') return t(def.nullable ? 'optRefusedIntegerOrEmpty' : 'optRefusedInteger', [String(def.min), String(def.max)]);
  if (def.type === 'ratio') return t('optRefusedRatio');
  return t('optRefused');
}

// A field's label with its unit, when it has one and the label does not already name it
// ("Invitations per day (invitations)" reads as a stutter; the singular counts too, as in
// "Your own connection count").
export function labelText(def, t) {
  const label = t(def.label);
  if (!def.unit || def.unit === 'ratio') return label;
  const unit = t(`unit_${def.unit}`);
  const stem = unit.toLowerCase().replace(/s$/, '');
  return label.toLowerCase().includes(stem) ? label : `${label} (${unit})`;
}

// The longer explanation of a setting, shown under its field (message `<label>_hint`), or null:
// the label stays short enough to scan, the hint says what the value does. A missing message is
// '' in the browser and the key itself in the tests' translator.
export function hintText(def, t) {
  const key = `${def.label}_hint`;
  const hint = t(key);
  return hint && hint !== key ? hint : null;
}

// The host's default of a number, in words under its field ("Default: 20", "Default: empty"),
// so that a changed value can be put back; null for lists, switches and choices.
export function defaultText(def, t) {
  if (def.type !== 'integer' && def.type !== 'ratio') return null;
  if (def.default === null || def.default === undefined) return t('optDefaultEmpty');
  return t('optDefault', [toInput(def, def.default)]);
}

// The form's fields: one fieldset per group, each field with its error output.
// Returns {fieldsets, inputs: Map key → input, errors: Map key → output}.
export function render(doc, definitions, values, t) {
  const el = (tag, props = {}, ...children) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  };
  const inputs = new Map();
  const errors = new Map();
  const fieldsets = groups(definitions, t).map((g) => {
    const fs = el('fieldset', { 'data-group': g.id }, el('legend', {}, g.legend));
    for (const d of g.defs) {
      const id = `set-${d.key.replaceAll('.', '-')}`;
      let input;
      if (d.type === 'account_type') {
        input = el('select', { name: d.key, id }, ...d.choices.map((c) => el('option', { value: c }, t(c))));
      } else if (d.type === 'boolean') {
        input = el('input', { name: d.key, id, type: 'checkbox' });
      } else if (d.type === 'string_list') {
        input = el('textarea', { name: d.key, id, rows: '3' });
      } else {
        input = el('input', { name: d.key, id, type: 'number', step: d.type === 'ratio' ? '0.05' : '1', ...(d.min !== null ? { min: String(d.min) } : {}), ...(d.max !== null ? { max: String(d.max) } : {}) });
      }
      const error = el('output', { class: 'field-error', for: id, 'aria-live': 'polite' });
      inputs.set(d.key, input);
      errors.set(d.key, error);
      const hint = hintText(d, t);
      const byDefault = defaultText(d, t);
      fs.append(el('label', { 'data-key': d.key }, el('span', {}, labelText(d, t)), input,
        hint && el('small', { class: 'hint' }, hint), byDefault && el('small', { class: 'default' }, byDefault), error));
    }
    return fs;
  });
  fill(definitions, values, inputs);
  return { fieldsets, inputs, errors };
}

export function fill(definitions, values, inputs) {
  for (const d of definitions) {
    const input = inputs.get(d.key);
    if (!input) continue;
    const shown = toInput(d, Object.hasOwn(values, d.key) ? values[d.key] : d.default);
    if (d.type === 'boolean') input.checked = shown;
    // Selecting one option of a single select deselects the others.
    else if (d.type === 'account_type') for (const o of input.querySelectorAll('option')) { if (o.value === shown) o.selected = true; }
    else input.value = shown;
  }
}

export const readInput = (inputs) => (key) => {
  const input = inputs.get(key);
  return input.type === 'checkbox' ? input.checked : input.value;
};

// Saves each changed setting through `set` (settings.set with one key), so that one refused value
// does not hold back the others and its error lands next to its own field.
// Returns {saved: [keys], refused: {key: text}, settings} (settings: the host's latest values).
export async function save(definitions, saved, read, set, t) {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const out = { saved: [], refused: {}, settings: saved };
  for (const [key, value] of Object.entries(changes(definitions, saved, read))) {
    try {
      out.settings = (await set({ [key]: value })).settings;
      out.saved.push(key);
    } catch (err) {
      if (err.code !== 'bad_request') throw err; // the host is gone: the page says so as a whole
      out.refused[key] = refusal(byKey.get(key), t);
    }
  }
  return out;
}
