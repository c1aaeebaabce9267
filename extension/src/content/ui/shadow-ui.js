// Every piece of injected UI lives in a closed shadow root under an `all: initial` host, so the
// page's CSS cannot restyle it, the page's scripts cannot reach into it, and ours cannot leak out.
(function (ns) {
  'use strict';
  const ui = (ns.ui ??= {});

  // Colours once per theme, as custom properties the rules below read.
  const LIGHT = `--fg: #1b1f24; --bg: #fff; --line: #c9d1d9; --btn-bg: #f6f8fa; --btn-line: #8c959f;
    --ok: #1a7f37; --none: #57606a; --low: #7d6a00; --caution: #9a6700; --stop: #cf222e;`;
  const DARK = `--fg: #e6edf3; --bg: #161b22; --line: #30363d; --btn-bg: #21262d; --btn-line: #484f58;
    --ok: #3fb950; --none: #8b949e; --low: #d29922; --caution: #e3b341; --stop: #ff7b72;`;

  // LinkedIn's own light/dark setting, which need not be the computer's: the classic front end
  // marks <html> with theme--light / theme--dark, the 2026 one (SDUI) the #interop-outlet that holds
  // its shadow-root dialogs (class="theme--light" on the saved real pages; theme--dark on <html> in
  // dark mode, as another public LinkedIn extension reads it: diegofrr/likedin, theme.js). Null when the page
  // says neither (Viadeo, a page still loading): then the computer's setting decides.
  ui.pageTheme = (doc = document) => {
    for (const el of [doc.documentElement, doc.getElementById('interop-outlet'), doc.body]) {
      const c = el?.classList;
      if (c?.contains('theme--dark')) return 'dark';
      if (c?.contains('theme--light')) return 'light';
    }
    return null;
  };

  ui.BASE_CSS = `
    :host { all: initial; ${LIGHT} }
    :host([data-theme="dark"]) { ${DARK} }
    @media (prefers-color-scheme: dark) { :host(:not([data-theme="light"])) { ${DARK} } }
    * { box-sizing: border-box; font: 13px/1.4 system-ui, sans-serif; }
    .panel { color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 8px; }
    button { cursor: pointer; border-radius: 6px; border: 1px solid var(--btn-line); padding: 4px 10px; background: var(--btn-bg); color: var(--fg); }
    button:focus-visible { outline: 3px solid #1f5ea8; outline-offset: 1px; }
    .ok { --tone: var(--ok); } .none { --tone: var(--none); } .low { --tone: var(--low); } .caution, .medium { --tone: var(--caution); } .stop, .high { --tone: var(--stop); }`;

  ui.attach = (css, tag = 'span') => {
    const host = document.createElement(tag);
    host.setAttribute('data-vigie', '');
    const theme = ui.pageTheme();
    if (theme) host.setAttribute('data-theme', theme);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = ui.BASE_CSS + css;
    root.append(style);
    return { host, root };
  };

  ui.el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    e.append(...children.filter((c) => c !== null && c !== undefined));
    return e;
  };

  ui.t = (key, subs) => ns.browserApi?.t(key, subs) ?? key;
})(globalThis.__vigie ??= {});
