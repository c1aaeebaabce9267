// Which observer a URL belongs to. URL patterns are the steadiest signal the sites give.
(function (ns) {
  'use strict';
  const x = (ns.extract ??= {});
  const RULES = [
    ['linkedin-invitations-sent', /^https:\/\/(?:www\.)?linkedin\.com\/mynetwork\/invitation-manager\/sent\b/],
    ['linkedin-invitations-received', /^https:\/\/(?:www\.)?linkedin\.com\/mynetwork\/invitation-manager(?:\/received)?\/?(?:[?#]|$)/],
    ['linkedin-mynetwork-grow', /^https:\/\/(?:www\.)?linkedin\.com\/mynetwork(?:\/grow)?\/?(?:[?#]|$)/],
    ['linkedin-connections', /^https:\/\/(?:www\.)?linkedin\.com\/mynetwork\/invite-connect\/connections\b/],
    ['linkedin-search', /^https:\/\/(?:www\.)?linkedin\.com\/search\/results\/(?:people|all)\b/],
    // An overlay (contact info, …) is drawn over the whole profile, which stays on the page.
    ['linkedin-profile', /^https:\/\/(?:www\.)?linkedin\.com\/in\/[^/?#]+\/?(?:overlay\/[^/?#]+\/?)?(?:[?#]|$)/],
    ['viadeo-invitations', /^https:\/\/(?:www\.)?viadeo\.com\/(?:[a-z]{2}\/)?(?:invitations|mynetwork\/invitations|network\/invitations)\b/],
    ['viadeo-profile', /^https:\/\/(?:www\.)?viadeo\.com\/(?:[a-z]{2}\/profile|p)\/[^/?#]+/],
    // Where Viadeo's profiles live now ("defunct Viadeo profiles"): /p/<slug>-<id>.
    ['viadeo-profile', /^https:\/\/viadeo\.journaldunet\.com\/p\/[^/?#]+/],
  ];
  x.pageKind = (url) => {
    for (const [kind, re] of RULES) if (re.test(url)) return kind;
    return null;
  };
})(globalThis.__vigie ??= {});
