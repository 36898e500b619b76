import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AesGcmPiiCipher } from './aes-gcm-pii-cipher.js';

const k1 = randomBytes(32);
const k2 = randomBytes(32);

describe('PII field encryption (F-42, ADR 0022)', () => {
  it('F-42: round-trips, and the ciphertext neither contains the value nor repeats for equal values', () => {
    const c = new AesGcmPiiCipher(new Map([['k1', k1]]), 'k1');
    const a = c.encrypt('{"fullName":"Иван Петров"}', 'row-1');
    const b = c.encrypt('{"fullName":"Иван Петров"}', 'row-1');
    expect(a.ciphertext).not.toContain('Иван');
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.keyId).toBe('k1');
    expect(c.decrypt(a.ciphertext, 'row-1')).toBe('{"fullName":"Иван Петров"}');
  });

  it('F-42: a ciphertext moved to another row or tampered with does not decrypt', () => {
    const c = new AesGcmPiiCipher(new Map([['k1', k1]]), 'k1');
    const { ciphertext } = c.encrypt('secret', 'row-1');
    expect(() => c.decrypt(ciphertext, 'row-2')).toThrow();
    const parts = ciphertext.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => c.decrypt(parts.join('.'), 'row-1')).toThrow();
  });

  it('F-42: rotation — a ring with the old key reads old data and writes with the new active key', () => {
    const old = new AesGcmPiiCipher(new Map([['k1', k1]]), 'k1').encrypt('secret', 'row-1');
    const rotated = new AesGcmPiiCipher(
      new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      'k2',
    );
    expect(rotated.decrypt(old.ciphertext, 'row-1')).toBe('secret');
    expect(rotated.encrypt('secret', 'row-1').keyId).toBe('k2');
    expect(() => new AesGcmPiiCipher(new Map([['k2', k2]]), 'k2').decrypt(old.ciphertext, 'row-1')).toThrow(/k1/);
  });
});
