// The development issuer's state: one RS256 private key in $HUB_STATE_DIR/dev-issuer/signing-key.json
// (created on first use, mode 0600) and the public JWKS next to it (jwks.json), which the apps read
// through HUB_AUTH_JWKS_FILE. HUB_STATE_DIR comes from tools/lib/toolchain.sh; the same default is
// computed here so that the scripts also work without sourcing it.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DevTokenIssuer } from '@hub/testing';

export const DEFAULT_ISSUER_URL = 'http://127.0.0.1:4000';

export function stateDir(env = process.env) {
  const base = env.HUB_STATE_DIR ?? join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'hub-platform');
  return join(base, 'dev-issuer');
}

/** The issuer URL tokens carry in `iss`; the apps' HUB_AUTH_ISSUER must be the same string. */
export function issuerUrl(env = process.env) {
  return (env.HUB_DEV_ISSUER_URL ?? DEFAULT_ISSUER_URL).replace(/\/+$/, '');
}

/** Loads the issuer's key (creating it once), and (re)writes jwks.json. */
export async function loadIssuer(env = process.env) {
  const dir = stateDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyFile = join(dir, 'signing-key.json');
  const jwksFile = join(dir, 'jwks.json');
  const audience = env.HUB_AUTH_AUDIENCE ?? 'hub-platform';
  let issuer;
  if (existsSync(keyFile)) {
    issuer = await DevTokenIssuer.fromPrivateJwk(JSON.parse(readFileSync(keyFile, 'utf8')), issuerUrl(env), audience);
  } else {
    issuer = await DevTokenIssuer.create(issuerUrl(env), audience);
    writeFileSync(keyFile, JSON.stringify(await issuer.exportPrivateJwk()), { mode: 0o600 });
    chmodSync(keyFile, 0o600);
  }
  const jwks = issuer.jwks();
  writeFileSync(jwksFile, `${JSON.stringify(jwks, null, 2)}\n`);
  return { issuer, jwks, dir, keyFile, jwksFile };
}
