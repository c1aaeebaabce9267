// HTTPS server for the fixture pages, bound to 127.0.0.1 only. The browser reaches it as
// https://www.linkedin.com/... and https://www.viadeo.com/... through --host-resolver-rules; the
// certificate is self-signed, made here with openssl, and trusted by its SPKI hash only.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OWN = path.join(HERE, '../fixtures');
// The extension engineer's extractor fixtures, reused as they are.
const SHARED = path.join(HERE, '../../extension/fixtures');

// host + path → fixture file.
export const ROUTES = {
  'www.linkedin.com': {
    '/': path.join(OWN, 'index.html'),
    '/in/jane-doe-123/': path.join(SHARED, 'li-profile-en-legacy.html'),
    '/in/mark-stone/': path.join(SHARED, 'li-profile-en-current-ghost.html'),
    '/in/alex-fortune/': path.join(OWN, 'li-profile-fake.html'),
    '/in/claire-martin/': path.join(OWN, 'li-profile-connect.html'),
    '/in/bruno-petit/': path.join(OWN, 'li-profile-connect.html'),
    '/in/sophie-roux/': path.join(OWN, 'li-profile-connect.html'),
    '/mynetwork/invitation-manager/received/': path.join(SHARED, 'li-invitations-received-en-current.html'),
    '/mynetwork/invitation-manager/sent/': path.join(SHARED, 'li-invitations-sent-en-current.html'),
  },
  'www.viadeo.com': {
    '/fr/profile/pierre-lefevre': path.join(SHARED, 'viadeo-profile-fr.html'),
  },
};

// The real-markup corpus (tests/fixtures/real/: anonymised saved pages, each with a JSON sidecar
// that gives its page URL). Each page is served at its sidecar's URL with its scripts gone, plus
// tests/e2e/lib/linkedin-mimic.js (LinkedIn's behaviour where a saved page cannot act: Connect
// opens the invitation dialog) and the saved dialog fragment in a <template> for it to mount.
export const REAL_DIR = process.env.VIGIE_REAL_FIXTURES ?? path.join(HERE, '../../fixtures/real');
const MIMIC = path.join(HERE, 'linkedin-mimic.js');
const MIMIC_PATH = '/__vigie-test/linkedin-mimic.js';

export function realCorpus() {
  const byId = {};
  if (!fs.existsSync(REAL_DIR)) return byId;
  for (const f of fs.readdirSync(REAL_DIR).filter((n) => n.endsWith('.json'))) {
    const id = f.slice(0, -5);
    const html = path.join(REAL_DIR, `${id}.html`);
    if (!fs.existsSync(html)) continue;
    const side = JSON.parse(fs.readFileSync(path.join(REAL_DIR, f), 'utf8'));
    if (!side.url || !side.page_kind) continue;
    byId[id] = { id, file: html, url: side.url, kind: side.page_kind, layout: side.layout, expected: side.expected ?? {} };
  }
  return byId;
}

// The invitation dialog as it sits in the interop outlet's shadow root (a fragment fixture).
function dialogFragment(corpus) {
  const own = Object.values(corpus).find((c) => c.kind === 'linkedin-invite-dialog' && c.expected.in_shadow_root);
  const file = own?.file ?? fs.readdirSync(REAL_DIR).filter((n) => /^invite-dialog-.*-shadow\.html$/.test(n)).map((n) => path.join(REAL_DIR, n))[0];
  return file ? fs.readFileSync(file, 'utf8') : '';
}

function servedReal(file, fragment) {
  const html = fs.readFileSync(file, 'utf8');
  const extra = `<template id="vigie-test-invite-dialog">${fragment}</template><script src="${MIMIC_PATH}"></script>`;
  return /<\/body>/i.test(html) ? html.replace(/<\/body>(?![\s\S]*<\/body>)/i, `${extra}</body>`) : html + extra;
}

export function makeCertificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', key, '-out', cert,
    '-subj', '/CN=www.linkedin.com',
    '-addext', 'subjectAltName=DNS:www.linkedin.com,DNS:linkedin.com,DNS:www.viadeo.com,DNS:viadeo.com'], { stdio: 'ignore' });
  const pub = execFileSync('openssl', ['x509', '-in', cert, '-pubkey', '-noout']);
  const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: pub });
  const spki = execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der }).toString('base64');
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), spki };
}

export async function startFixtureServer({ port = 0 } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-cert-'));
  const { key, cert, spki } = makeCertificate(dir);
  const hits = [];
  const corpus = realCorpus();
  const fragment = dialogFragment(corpus);
  const real = new Map();
  for (const c of Object.values(corpus)) {
    if (c.kind === 'linkedin-invite-dialog') continue; // a fragment: mounted by the mimic, not a page
    const u = new URL(c.url);
    if (u.hostname === 'www.linkedin.com' && !real.has(u.pathname)) real.set(u.pathname, c.file);
  }
  const server = https.createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    const url = new URL(req.url, `https://${host}`);
    hits.push(`${host}${url.pathname}`);
    const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (host === 'www.linkedin.com' && url.pathname === MIMIC_PATH) {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
      res.end(fs.readFileSync(MIMIC));
      return;
    }
    const file = ROUTES[host]?.[url.pathname];
    // Two fixtures may share a page URL (a dialog before and after "Add a note"): ?vigie-fixture=<id> picks one.
    const chosen = corpus[url.searchParams.get('vigie-fixture')]?.file;
    const realFile = host === 'www.linkedin.com' ? chosen ?? real.get(url.pathname) : null;
    if (!file && !realFile) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not a fixture'); return; }
    res.writeHead(200, headers);
    res.end(file ? fs.readFileSync(file) : servedReal(realFile, fragment));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    spki,
    hits,
    corpus,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); fs.rmSync(dir, { recursive: true, force: true }); }),
  };
}
