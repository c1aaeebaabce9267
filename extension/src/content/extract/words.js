// The one table of UI words, per language. Words are the extractors' last resort: URL patterns,
// /in/ links, roles, componentkey prefixes, aria-label shapes and the order of blocks come first
// because they survive translations and redesigns; a word only decides what structure cannot
// (is this number "connections" or "followers"? is this button Accept or Ignore?).
//
// To add a language: add one entry below with every key (copy "en"), the words exactly as the
// site prints them, lower-case. `{name}` in a label pattern stands for the person's name.
// Words verified on saved real pages are en (2026-09 outlines), pl (2026-05/06 pages) and fr;
// de, es, it, pt, nl are LinkedIn's published translations as far as known: a wrong word there
// can only make a field missing (and a drift report), never a wrong value, because every value
// is also checked against the structure around it.
(function (ns) {
  'use strict';
  const x = (ns.extract ??= {});

  const LANGS = {
    en: {
      verified: ['verification', 'verifications', 'verified'],
      anonymous: ['linkedin member'],
      connections: ['connections', 'connection'],
      followers: ['followers', 'follower'],
      present: ['present'],
      connect: ['connect'],
      send: ['send', 'send now', 'send invitation'],
      sendWithoutNote: ['send without a note'],
      addNote: ['add a note'],
      pending: ['pending'],
      withdraw: ['withdraw'],
      accept: ['accept'],
      ignore: ['ignore'],
      about: ['about'], experience: ['experience'], education: ['education'], skills: ['skills'],
      emptyInvitations: ['no pending invitations', 'no invitations', "you don't have any", 'no sent invitations'],
      emptySearch: ['no results found'],
      emptyConnections: ['no connections'],
      joined: ['joined'],
      invite: ['invite {name} to connect'],
      withdrawLabel: ['withdraw invitation sent to {name}'],
      viewProfile: ["view {name}’s profile", "view {name}'s profile"],
    },
    fr: {
      verified: ['vérification', 'vérifications', 'vérifié'],
      anonymous: ['membre de linkedin'],
      connections: ['relations', 'relation'],
      followers: ['abonnés', 'abonné', 'abonné(e)s'],
      present: ['aujourd’hui', "aujourd'hui"],
      connect: ['se connecter', 'connecter'],
      send: ['envoyer', 'envoyer maintenant', 'envoyer l’invitation', "envoyer l'invitation"],
      sendWithoutNote: ['envoyer sans note', 'envoyer sans message'],
      addNote: ['ajouter une note'],
      pending: ['en attente'],
      withdraw: ['retirer'],
      accept: ['accepter'],
      ignore: ['ignorer'],
      about: ['infos', 'à propos', 'a propos'], experience: ['expérience'], education: ['formation'], skills: ['compétences'],
      emptyInvitations: ['aucune invitation en attente', 'aucune invitation', 'vous n’avez aucune', "vous n'avez aucune", 'aucune invitation envoyée'],
      emptySearch: ['aucun résultat'],
      emptyConnections: ['aucune relation'],
      joined: ['membre depuis', 'inscrit en', 'inscrite en', 'inscrit depuis', 'inscrite depuis'],
      invite: ['inviter {name} à rejoindre votre réseau', 'inviter {name} à se connecter', 'inviter {name} à vous connecter'],
      withdrawLabel: ['retirer l’invitation envoyée à {name}', "retirer l'invitation envoyée à {name}", 'retirer l’invitation à {name}'],
      viewProfile: ['voir le profil de {name}'],
    },
    de: {
      verified: ['verifizierung', 'verifizierungen', 'verifiziert'],
      anonymous: ['linkedin mitglied'],
      connections: ['kontakte', 'kontakt'],
      followers: ['follower'],
      present: ['heute'],
      connect: ['vernetzen'],
      send: ['senden', 'jetzt senden', 'einladung senden'],
      sendWithoutNote: ['ohne nachricht senden', 'ohne notiz senden'],
      addNote: ['nachricht hinzufügen', 'notiz hinzufügen'],
      pending: ['ausstehend'],
      withdraw: ['zurückziehen'],
      accept: ['annehmen'],
      ignore: ['ignorieren'],
      about: ['info'], experience: ['berufserfahrung'], education: ['ausbildung'], skills: ['kenntnisse'],
      emptyInvitations: ['keine ausstehenden einladungen', 'keine einladungen'],
      emptySearch: ['keine ergebnisse'],
      emptyConnections: ['keine kontakte'],
      joined: ['mitglied seit'],
      invite: ['{name} als kontakt einladen', '{name} zum vernetzen einladen'],
      withdrawLabel: ['einladung an {name} zurückziehen'],
      viewProfile: ['profil von {name} anzeigen'],
    },
    es: {
      verified: ['verificación', 'verificaciones', 'verificado'],
      anonymous: ['miembro de linkedin'],
      connections: ['contactos', 'contacto'],
      followers: ['seguidores', 'seguidor'],
      present: ['actualidad'],
      connect: ['conectar'],
      send: ['enviar', 'enviar ahora', 'enviar invitación'],
      sendWithoutNote: ['enviar sin nota'],
      addNote: ['añadir una nota'],
      pending: ['pendiente'],
      withdraw: ['retirar'],
      accept: ['aceptar'],
      ignore: ['ignorar'],
      about: ['acerca de'], experience: ['experiencia'], education: ['educación'], skills: ['aptitudes'],
      emptyInvitations: ['no hay invitaciones pendientes', 'no tienes invitaciones'],
      emptySearch: ['no se han encontrado resultados', 'sin resultados'],
      emptyConnections: ['no tienes contactos'],
      joined: ['se unió en', 'miembro desde'],
      invite: ['invitar a {name} a conectar'],
      withdrawLabel: ['retirar invitación enviada a {name}'],
      viewProfile: ['ver el perfil de {name}'],
    },
    it: {
      verified: ['verifica', 'verifiche', 'verificato'],
      anonymous: ['utente linkedin'],
      connections: ['collegamenti', 'collegamento'],
      followers: ['follower'],
      present: ['oggi'],
      connect: ['collegati'],
      send: ['invia', 'invia ora', 'invia invito'],
      sendWithoutNote: ['invia senza nota'],
      addNote: ['aggiungi una nota'],
      pending: ['in sospeso'],
      withdraw: ['ritira'],
      accept: ['accetta'],
      ignore: ['ignora'],
      about: ['informazioni'], experience: ['esperienza'], education: ['formazione'], skills: ['competenze'],
      emptyInvitations: ['nessun invito in sospeso', 'nessun invito'],
      emptySearch: ['nessun risultato'],
      emptyConnections: ['nessun collegamento'],
      joined: ['membro da'],
      invite: ['invita {name} a collegarsi'],
      withdrawLabel: ['ritira l’invito inviato a {name}', "ritira l'invito inviato a {name}"],
      viewProfile: ['visualizza il profilo di {name}'],
    },
    pt: {
      verified: ['verificação', 'verificações', 'verificado'],
      anonymous: ['membro do linkedin'],
      connections: ['conexões', 'conexão'],
      followers: ['seguidores', 'seguidor'],
      present: ['o momento'],
      connect: ['conectar'],
      send: ['enviar', 'enviar agora', 'enviar convite'],
      sendWithoutNote: ['enviar sem nota'],
      addNote: ['adicionar nota'],
      pending: ['pendente'],
      withdraw: ['retirar'],
      accept: ['aceitar'],
      ignore: ['ignorar'],
      about: ['sobre'], experience: ['experiência'], education: ['formação acadêmica'], skills: ['competências'],
      emptyInvitations: ['nenhum convite pendente', 'nenhum convite'],
      emptySearch: ['nenhum resultado'],
      emptyConnections: ['nenhuma conexão'],
      joined: ['membro desde'],
      invite: ['convidar {name} para se conectar'],
      withdrawLabel: ['retirar convite enviado para {name}'],
      viewProfile: ['ver perfil de {name}'],
    },
    nl: {
      verified: ['verificatie', 'verificaties', 'geverifieerd'],
      anonymous: ['linkedin-lid'],
      connections: ['connecties', 'connectie'],
      followers: ['volgers', 'volger'],
      present: ['heden'],
      connect: ['connectie maken'],
      send: ['verzenden', 'nu verzenden', 'uitnodiging verzenden'],
      sendWithoutNote: ['verzenden zonder notitie'],
      addNote: ['notitie toevoegen'],
      pending: ['in behandeling'],
      withdraw: ['intrekken'],
      accept: ['accepteren'],
      ignore: ['negeren'],
      about: ['info'], experience: ['ervaring'], education: ['opleiding'], skills: ['vaardigheden'],
      emptyInvitations: ['geen openstaande uitnodigingen', 'geen uitnodigingen'],
      emptySearch: ['geen resultaten'],
      emptyConnections: ['geen connecties'],
      joined: ['lid sinds'],
      invite: ['{name} uitnodigen om te connecten'],
      withdrawLabel: ['uitnodiging aan {name} intrekken'],
      viewProfile: ['profiel van {name} bekijken'],
    },
    pl: {
      verified: ['weryfikacje', 'weryfikacja', 'zweryfikowano'],
      anonymous: ['członek linkedin'],
      connections: ['kontakty', 'kontaktów', 'kontakt'],
      followers: ['obserwujących', 'obserwujący', 'obserwująca'],
      present: ['obecnie'],
      connect: ['połącz', 'nawiąż kontakt'],
      send: ['wyślij', 'wyślij teraz', 'wyślij zaproszenie'],
      sendWithoutNote: ['wyślij bez notatki', 'wyślij bez wiadomości'],
      addNote: ['dodaj notatkę'],
      pending: ['oczekujące', 'oczekuje'],
      withdraw: ['wycofaj'],
      accept: ['akceptuj', 'zaakceptuj'],
      ignore: ['zignoruj', 'ignoruj'],
      about: ['o mnie'], experience: ['doświadczenie'], education: ['wykształcenie'], skills: ['umiejętności'],
      emptyInvitations: ['nie ma zaproszeń w toku', 'brak zaproszeń'],
      emptySearch: ['brak wyników'],
      emptyConnections: ['brak kontaktów'],
      joined: ['dołączył(a)', 'dołączył', 'dołączyła'],
      invite: ['zaproś użytkownika {name} do nawiązania kontaktu'],
      withdrawLabel: ['wycofaj zaproszenie wysłane do użytkownika {name}'],
      viewProfile: ['wyświetl profil użytkownika {name}'],
    },
  };
  x.LANGS = Object.freeze(Object.keys(LANGS));

  const unions = new Map();
  const union = (key) => {
    let u = unions.get(key);
    if (!u) unions.set(key, (u = Object.freeze([...new Set(Object.values(LANGS).flatMap((l) => l[key]))])));
    return u;
  };

  // The page's language ("pl", "en-GB" → "en"), or null when it is not set or not in the table:
  // then every language is tried.
  x.pageLang = (doc) => {
    const lang = (doc?.documentElement?.getAttribute('lang') ?? '').toLowerCase().split(/[-_]/)[0];
    return lang in LANGS ? lang : null;
  };

  // Words for `key` in the page's language, else in every language.
  x.words = (key, lang = null) => (lang && LANGS[lang] ? LANGS[lang][key] : union(key));

  // Every language at once: the shape {key: [words]} older callers use.
  x.WORDS = Object.freeze(Object.fromEntries(Object.keys(LANGS.en).map((k) => [k, union(k)])));

  // A label pattern with {name}: matched by its fixed prefix and suffix (no regex backtracking
  // over a name of any length). `exec` answers like a regex: [label, name] or null.
  // Labels are matched on every control of every row: the regular expressions run only when the
  // label needs them (a run of spaces or a typographic apostrophe), which most labels do not.
  const fold = (s) => {
    const lower = s.toLowerCase();
    return lower.includes('’') ? lower.replaceAll('’', "'") : lower;
  };
  const SPACES = /[\s\u00a0\u202f]{2,}|[\t\n\r\f\v\u00a0\u202f]|^\s|\s$/;
  const labelShape = (key) => {
    const parts = union(key).map((p) => fold(p).split('{name}'));
    // When every pattern ends with fixed text, a label ending with an ASCII character that ends
    // none of them cannot match (lower-casing maps an ASCII character to one ASCII character);
    // most labels are let go here without folding. Other labels take the full test.
    const ends = parts.every(([, post]) => post) ? new Set(parts.map(([, post]) => post.at(-1))) : null;
    const exec = (label) => {
      if (!label) return null;
      const l = SPACES.test(label) ? label.replace(/[\s\u00a0\u202f]+/g, ' ').trim() : label;
      if (ends && l) {
        const last = l.charCodeAt(l.length - 1);
        if (last < 128 && !ends.has(String.fromCharCode(last).toLowerCase())) return null;
      }
      const f = fold(l);
      for (const [pre, post] of parts) {
        if (f.length > pre.length + post.length && f.endsWith(post) && f.startsWith(pre)) {
          const name = l.slice(pre.length, l.length - post.length).trim();
          if (name) return [l, name];
        }
      }
      return null;
    };
    return Object.freeze({ exec, test: (label) => exec(label) !== null });
  };
  x.LABELS = Object.freeze({ invite: labelShape('invite'), withdraw: labelShape('withdrawLabel'), viewProfile: labelShape('viewProfile') });

  // The name a label pattern holds ("Invite Ana Silva to connect" → "Ana Silva"), or null.
  x.nameInLabel = (key, label) => x.LABELS[key].exec(label)?.[1] ?? null;
})(globalThis.__vigie ??= {});
