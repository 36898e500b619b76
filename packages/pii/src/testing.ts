import { randomBytes } from 'node:crypto';
import { AesGcmPiiCipher } from './aes-gcm-pii-cipher.js';

/** The two key ids of the test key ring. */
export type TestKeyId = 'k1' | 'k2';

/**
 * A two-key personal-data key ring for tests (F-42, ADR 0022): `k1` and `k2`, each 32 fresh random bytes,
 * so a key rotation from k1 to k2 can be run and checked. Tests only — production reads its ring from
 * `HUB_PII_KEYS` (`piiConfigShape`); nothing under `src/` of an app or package may import `@hub/pii/testing`.
 */
export interface TestKeyRing {
  /** k1's key material, base64 — as it stands in `HUB_PII_KEYS`. */
  readonly K1: string;
  /** k2's key material, base64 — as it stands in `HUB_PII_KEYS`. */
  readonly K2: string;
  /** The ring as the cipher takes it, the keys in the order given (the first is the default index key, ADR 0065). */
  keyMap(ids?: readonly TestKeyId[]): Map<string, Buffer>;
  /** A cipher on the given keys (by default both) writing with `active`. */
  ring(active: TestKeyId, ids?: readonly TestKeyId[]): AesGcmPiiCipher;
  /** The `piiConfigShape` variables (pii-config.ts) a test starts an app with: `HUB_PII_KEYS="k1:<base64>,k2:<base64>"` (by default both), `HUB_PII_ACTIVE_KEY` and, when given, `HUB_PII_INDEX_KEY`. */
  env(active: TestKeyId, options?: { ids?: readonly TestKeyId[]; indexKey?: TestKeyId }): Record<string, string>;
}

const BOTH: readonly TestKeyId[] = ['k1', 'k2'];

/** A fresh {@link TestKeyRing}: new random keys on every call (F-42, ADR 0022). */
export function testKeyRing(): TestKeyRing {
  const material: Record<TestKeyId, string> = { k1: randomBytes(32).toString('base64'), k2: randomBytes(32).toString('base64') };
  const keyMap = (ids: readonly TestKeyId[] = BOTH) => new Map(ids.map((id) => [id, Buffer.from(material[id], 'base64')]));
  return {
    K1: material.k1,
    K2: material.k2,
    keyMap,
    ring: (active, ids = BOTH) => new AesGcmPiiCipher(keyMap(ids), active),
    env: (active, { ids = BOTH, indexKey } = {}) => ({
      HUB_PII_KEYS: ids.map((id) => `${id}:${material[id]}`).join(','),
      HUB_PII_ACTIVE_KEY: active,
      ...(indexKey === undefined ? {} : { HUB_PII_INDEX_KEY: indexKey }),
    }),
  };
}
