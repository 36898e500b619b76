// The platform's workers as confidential OAuth clients of the development issuer (ADR 0106): the
// client-credentials grant (RFC 6749 §4.4) gives each a short-lived token with only the service roles
// listed here. In production the same clients live in the real identity provider (a Keycloak client
// with a service account and these realm roles); here the secrets are random, one per client, kept in
// $HUB_STATE_DIR/dev-issuer/clients.json (mode 0600, created on first use). Deleting the file rotates
// every secret (the apps read theirs again at start: tools/hub up passes them).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_ROLES, SERVICE_SUBJECT_PREFIX } from '@hub/contracts';
import { stateDir } from './issuer-state.mjs';

/** client id → the worker's subject and its service roles (each as narrow as the calls it makes). */
export const SERVICE_CLIENTS = {
  // ADR 0104 §4 / ADR 0106: the staff daily digest reads the deadlines board.
  'hub-notifications': { subject: `${SERVICE_SUBJECT_PREFIX}notifications`, roles: ['deadline-reader'] },
  // F-18: registration stores the certificates it issues in the documents archive (ADR 0045, 0106).
  'hub-registration': { subject: `${SERVICE_SUBJECT_PREFIX}registration`, roles: ['document-issuer'] },
  // ADR 0067: services stores the invoices it issues in the documents archive.
  'hub-services': { subject: `${SERVICE_SUBJECT_PREFIX}services`, roles: ['document-issuer'] },
};
for (const [id, c] of Object.entries(SERVICE_CLIENTS))
  for (const r of c.roles) if (!SERVICE_ROLES.includes(r)) throw new Error(`dev-issuer: client ${id} names '${r}', which is not a service role`);

/** The clients' secrets, creating the file (0600) and any missing secret on first use. */
export function loadClientSecrets(env = process.env) {
  const file = join(stateDir(env), 'clients.json');
  const secrets = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  let changed = !existsSync(file);
  for (const id of Object.keys(SERVICE_CLIENTS))
    if (typeof secrets[id] !== 'string') {
      secrets[id] = randomBytes(32).toString('base64url');
      changed = true;
    }
  if (changed) {
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { file, secrets };
}

/** Constant-time check of a client's secret; undefined for an unknown client or a wrong secret. */
export function authenticateClient(secrets, clientId, secret) {
  const client = SERVICE_CLIENTS[clientId];
  const expected = secrets[clientId];
  if (!client || typeof expected !== 'string' || typeof secret !== 'string') return undefined;
  const a = Buffer.from(expected);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b) ? { clientId, ...client } : undefined;
}

/** The client's credentials from HTTP Basic (client_secret_basic, RFC 6749 §2.3.1) or the form (client_secret_post). */
export function clientCredentialsOf(authorization, form) {
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) return undefined;
    return { clientId: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
  }
  const clientId = form.get('client_id');
  const secret = form.get('client_secret');
  return clientId && secret ? { clientId, secret } : undefined;
}
