// The platform's workers as confidential OAuth clients of the development issuer (ADR 0106): the
// client-credentials grant (RFC 6749 §4.4) gives each a short-lived token with only the service roles
// listed here. In production the same clients live in the real identity provider (a Keycloak client
// with a service account and these realm roles); here the secrets are random, one per client, kept in
// $HUB_STATE_DIR/dev-issuer/clients.json (mode 0600, created on first use). Deleting the file rotates
// every secret (the apps read theirs again at start: tools/hub up passes them).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORM_SERVICE_CLIENTS, SERVICE_ROLES, SERVICE_SUBJECT_PREFIX } from '@hub/contracts';
import { stateDir } from './issuer-state.mjs';

/** client id → the worker's subject and its service roles: the platform's one list (@hub/contracts). */
export const SERVICE_CLIENTS = Object.fromEntries(
  PLATFORM_SERVICE_CLIENTS.map((c) => [c.clientId, { subject: `${SERVICE_SUBJECT_PREFIX}${c.app}`, roles: [...c.roles] }]),
);

/**
 * The settings `tools/hub up` passes an app that runs a worker (nothing for another app): its client
 * credentials and the gateway URL it calls (`gateway`: the local gateway's base URL).
 */
export function serviceEnvOf(app, { issuer, gateway }, env = process.env) {
  const client = PLATFORM_SERVICE_CLIENTS.find((c) => c.app === app);
  if (!client) return {};
  return {
    HUB_SERVICE_AUTH_URL: `${issuer.replace(/\/+$/, '')}/token`,
    HUB_SERVICE_CLIENT_ID: client.clientId,
    HUB_SERVICE_CLIENT_SECRET: loadClientSecrets(env).secrets[client.clientId],
    [client.calls.setting]: `${gateway.replace(/\/+$/, '')}${client.calls.gatewayPath}`,
  };
}
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
    mkdirSync(stateDir(env), { recursive: true, mode: 0o700 });
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
