import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AesGcmPiiCipher, checkPiiConfig, piiCipherFrom, piiConfigShape } from './index.js';
import { testKeyRing } from './testing.js';

const { K1, K2, keyMap: ring } = testKeyRing(); // k1 and k2, fresh random keys (F-42, ADR 0022)

describe('PII field encryption (F-42, ADR 0022, ADR 0065)', () => {
  it('F-42: round-trips, and the ciphertext neither contains the value nor repeats for equal values', () => {
    const c = new AesGcmPiiCipher(ring(['k1']), 'k1');
    const a = c.encrypt('{"fullName":"Иван Петров"}', 'row-1');
    const b = c.encrypt('{"fullName":"Иван Петров"}', 'row-1');
    expect(a).not.toContain('Иван');
    expect(a).not.toBe(b);
    expect(c.keyIdOf(a)).toBe('k1');
    expect(c.decrypt(a, 'row-1')).toBe('{"fullName":"Иван Петров"}');
  });

  it('F-42: a ciphertext moved to another row or tampered with does not decrypt', () => {
    const c = new AesGcmPiiCipher(ring(['k1']), 'k1');
    const ciphertext = c.encrypt('secret', 'row-1');
    expect(() => c.decrypt(ciphertext, 'row-2')).toThrow();
    const parts = ciphertext.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => c.decrypt(parts.join('.'), 'row-1')).toThrow();
    expect(() => c.decrypt('plain text', 'row-1')).toThrow(/not a PII ciphertext/);
    expect(() => c.keyIdOf('plain text')).toThrow(/not a PII ciphertext/);
  });

  it('F-42: rotation — a ring with the old key reads old data and writes with the new active key', () => {
    const old = new AesGcmPiiCipher(ring(['k1']), 'k1').encrypt('secret', 'row-1');
    const rotated = new AesGcmPiiCipher(ring(['k1', 'k2']), 'k2');
    expect(rotated.decrypt(old, 'row-1')).toBe('secret');
    expect(rotated.keyIdOf(rotated.encrypt('secret', 'row-1'))).toBe('k2');
    expect(() => new AesGcmPiiCipher(ring(['k2']), 'k2').decrypt(old, 'row-1')).toThrow(/k1/);
  });

  it('F-42: the blind index matches equal values only, reveals nothing, and survives a rotation of the active key', () => {
    const before = new AesGcmPiiCipher(ring(['k1']), 'k1');
    const after = new AesGcmPiiCipher(ring(['k1', 'k2']), 'k2');
    expect(before.blindIndex('900101300123')).toBe(after.blindIndex('900101300123'));
    expect(before.blindIndex('900101300123')).not.toBe(before.blindIndex('900101300124'));
    expect(before.blindIndex('900101300123')).not.toContain('900101');
    // A ring whose first key was dropped keeps its indexes only when the index key is named (ADR 0065).
    const pinned = new AesGcmPiiCipher(ring(['k2', 'k1']), 'k2', 'k1');
    expect(pinned.blindIndex('900101300123')).toBe(before.blindIndex('900101300123'));
    expect(() => new AesGcmPiiCipher(ring(['k2']), 'k2', 'k1')).toThrow(/index key/);
  });
});

describe('PII configuration', () => {
  const schema = z.object(piiConfigShape).superRefine(checkPiiConfig);

  it('reads a ring, the active key and the optional index key', () => {
    const c = schema.parse({ HUB_PII_KEYS: `k1:${K1}, k2:${K2}`, HUB_PII_ACTIVE_KEY: 'k2', HUB_PII_INDEX_KEY: 'k1' });
    expect([...c.HUB_PII_KEYS.keys()]).toEqual(['k1', 'k2']);
    const cipher = piiCipherFrom(c);
    expect(cipher.activeKeyId).toBe('k2');
    expect(cipher.blindIndex('x')).toBe(new AesGcmPiiCipher(ring(['k1']), 'k1').blindIndex('x'));
  });

  it('names the variable at fault and never echoes key material', () => {
    const short = Buffer.from('too-short-key').toString('base64');
    const bad = schema.safeParse({ HUB_PII_KEYS: `k1:${short}`, HUB_PII_ACTIVE_KEY: 'k1' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['HUB_PII_KEYS']);
    expect(JSON.stringify(bad.error!.issues)).not.toContain(short);

    const twice = schema.safeParse({ HUB_PII_KEYS: `k1:${K1},k1:${K2}`, HUB_PII_ACTIVE_KEY: 'k1' });
    expect(twice.success).toBe(false);

    const missing = schema.safeParse({ HUB_PII_KEYS: `k1:${K1}`, HUB_PII_ACTIVE_KEY: 'k9', HUB_PII_INDEX_KEY: 'k8' });
    expect(missing.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['HUB_PII_ACTIVE_KEY', 'HUB_PII_INDEX_KEY']);
  });
});
