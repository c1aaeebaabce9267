// Every piece of injected UI lives in a closed shadow root under an `all: initial` host, so the
// page's CSS cannot restyle it, the page's scripts cannot reach into it, and ours cannot leak out.
(function (ns) {
  'use strict';
  const ui = (ns.ui ??= {});

  ui.BASE_CSS = `
    :host { all: initial; }
    * { box-sizing: border-box; font: 13px/1.4 system-ui, sans-serif; }
    .panel { color: #1b1f24; background: #fff; border: 1px solid #c9d1d9; border-radius: 8px; }
    button { cursor: pointer; border-radius: 6px; border: 1px solid #8c959f; padding: 4px 10px; background: #f6f8fa; color: #1b1f24; }
    button:focus-visible { outline: 3px solid #1f5ea8; outline-offset: 1px; }
    .ok { --tone: #1a7f37; } .low { --tone: #7d6a00; } .caution, .medium { --tone: #9a6700; } .stop, .high { --tone: #cf222e; }
    @media (prefers-color-scheme: dark) {
      .panel { color: #e6edf3; background: #161b22; border-color: #30363d; }
      button { background: #21262d; color: #e6edf3; border-color: #484f58; }
      .ok { --tone: #3fb950; } .low { --tone: #d29922; } .caution, .medium { --tone: #e3b341; } .stop, .high { --tone: #ff7b72; }
    }`;

  ui.attach = (css, tag = 'span') => {
    const host = document.createElement(tag);
    host.setAttribute('data-vigie', '');
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
