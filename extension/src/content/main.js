// Content entry point: one observer per page kind, and on LinkedIn the send guard, all restarted
// when the single-page app changes URL (so nothing learnt on one page, such as whom a dialog
// invites, survives onto the next).
(function (ns) {
  'use strict';
  if (ns.started) return;
  ns.started = true;
  let current = null;
  let href = '';
  const guarded = location.hostname.endsWith('linkedin.com');

  // A change of the fragment alone is no navigation (nothing is restarted for it).
  const route = () => {
    const next = location.href.split('#')[0];
    if (next === href) return;
    href = next;
    current?.abort();
    current = new AbortController();
    if (guarded) ns.sendGuard.init(current.signal);
    const kind = ns.extract.pageKind(href);
    ns.features[kind]?.init(current.signal);
  };

  route();
  // The page's history.pushState/replaceState are out of reach from the isolated world. The
  // Navigation API sees them anyway (its `currententrychange` fires for pushState, replaceState
  // and traversals of this document); where it is missing, a cheap poll of the URL stands in.
  const nav = globalThis.navigation;
  if (typeof nav?.addEventListener === 'function') {
    nav.addEventListener('currententrychange', route);
    nav.addEventListener('navigatesuccess', route);
  } else {
    setInterval(route, 500);
  }
  addEventListener('popstate', route);
})(globalThis.__vigie ??= {});
