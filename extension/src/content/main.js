// Content entry point: one observer per page kind, restarted when the single-page app changes URL.
(function (ns) {
  'use strict';
  if (ns.started) return;
  ns.started = true;
  let current = null;
  let href = '';

  const route = () => {
    if (location.href === href) return;
    href = location.href;
    current?.abort();
    current = new AbortController();
    const kind = ns.extract.pageKind(href.split('#')[0]);
    ns.features[kind]?.init(current.signal);
  };

  if (location.hostname.endsWith('linkedin.com')) ns.sendGuard.init(new AbortController().signal);
  route();
  // The page's history.pushState is out of reach from the isolated world; polling a string is
  // cheaper than anything that watches the DOM for navigation.
  setInterval(route, 500);
  addEventListener('popstate', route);
})(globalThis.__vigie ??= {});
