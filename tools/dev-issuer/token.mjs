#!/usr/bin/env node
// Mints a development access token signed by the dev issuer's key (tools/dev-issuer/issuer-state.mjs).
//
//   node tools/dev-issuer/token.mjs --sub alice --role applicant --company 123456789012 [--ttl 3600]
//
// --role and --company may repeat (or take comma lists). Prints the token on stdout, nothing else,
// so that `TOKEN=$(node tools/dev-issuer/token.mjs …)` works. --json prints {token, claims, jwksFile}.
//
//   node tools/dev-issuer/token.mjs --client-secret hub-registration
//
// prints a platform worker's client secret (ADR 0106; created in clients.json on first use), which
// tools/hub up passes to that app; the app then asks POST /token (client_credentials) itself.
//
//   node tools/dev-issuer/token.mjs --service-env registration --issuer http://127.0.0.1:4000 --gateway http://127.0.0.1:3100
//
// prints `NAME=value …` (one line) of an app's worker settings — its client credentials and the gateway
// URL it calls, from the platform's one list (@hub/contracts PLATFORM_SERVICE_CLIENTS) — or nothing for
// an app without a worker (tools/hub up).
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { ROLES } from '@hub/contracts';
import { loadIssuer } from './issuer-state.mjs';
import { SERVICE_CLIENTS, loadClientSecrets, serviceEnvOf } from './service-clients.mjs';

function fail(message) {
  process.stderr.write(
    `token: ${message}\nusage: node tools/dev-issuer/token.mjs --sub <subject> --role <role> [--role …] [--company <BIN>] [--name <name>] [--email <address>] [--locale kk|ru|en] [--ttl <seconds>] [--json]\n       node tools/dev-issuer/token.mjs --client-secret <service client>\nroles: ${ROLES.join(', ')}\n`,
  );
  process.exit(64);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      sub: { type: 'string' },
      role: { type: 'string', multiple: true },
      company: { type: 'string', multiple: true },
      name: { type: 'string' },
      email: { type: 'string' },
      locale: { type: 'string' },
      ttl: { type: 'string', default: '3600' },
      json: { type: 'boolean', default: false },
      'client-secret': { type: 'string' },
      'service-env': { type: 'string' },
      issuer: { type: 'string', default: 'http://127.0.0.1:4000' },
      gateway: { type: 'string', default: 'http://127.0.0.1:3100' },
    },
    strict: true,
  }));
} catch (e) {
  fail(e.message);
}

if (values['service-env'] !== undefined) {
  const settings = serviceEnvOf(values['service-env'], { issuer: values.issuer, gateway: values.gateway });
  for (const [k, v] of Object.entries(settings)) if (/\s/.test(v)) fail(`${k} holds white space`);
  process.stdout.write(
    `${Object.entries(settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}\n`,
  );
  process.exit(0);
}

if (values['client-secret'] !== undefined) {
  const id = values['client-secret'];
  if (!SERVICE_CLIENTS[id]) fail(`unknown service client '${id}' (known: ${Object.keys(SERVICE_CLIENTS).join(', ')})`);
  process.stdout.write(`${loadClientSecrets().secrets[id]}\n`);
  process.exit(0);
}

const split = (list) =>
  (list ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
const roles = split(values.role);
const companies = split(values.company);
if (!values.sub) fail('--sub is required');
if (roles.length === 0) fail('at least one --role is required');
for (const r of roles) if (!ROLES.includes(r)) fail(`unknown role '${r}'`);
for (const c of companies) if (!/^\d{12}$/.test(c)) fail(`--company must be a 12-digit BIN, got '${c}'`);
const ttl = Number(values.ttl);
// The OIDC standard claims notifications learns a person's contact from (ADR 0114, ADR 0145).
if (values.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(values.email)) fail(`--email must be an e-mail address, got '${values.email}'`);
if (values.locale !== undefined && !['kk', 'ru', 'en'].includes(values.locale)) fail(`--locale must be kk, ru or en, got '${values.locale}'`);
if (!Number.isInteger(ttl) || ttl <= 0 || ttl > 7 * 24 * 3600) fail('--ttl must be a whole number of seconds between 1 and 604800');

const { issuer, jwksFile } = await loadIssuer();
const token = await issuer.issue({
  sub: values.sub,
  roles,
  companies,
  ...(values.name ? { name: values.name } : {}),
  ...(values.email ? { email: values.email } : {}),
  ...(values.locale ? { locale: values.locale } : {}),
  expiresInSec: ttl,
});
process.stdout.write(values.json ? `${JSON.stringify({ token, claims: decodeJwt(token), jwksFile }, null, 2)}\n` : `${token}\n`);
