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
  const server = https.createServer({ key, cert }, (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    const url = new URL(req.url, `https://${host}`);
    hits.push(`${host}${url.pathname}`);
    const file = ROUTES[host]?.[url.pathname];
    if (!file) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not a fixture'); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    spki,
    hits,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); fs.rmSync(dir, { recursive: true, force: true }); }),
  };
}
