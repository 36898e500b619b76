import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PiiCipher } from '../application/ports/pii-cipher.js';

/**
 * Field-level encryption of F-42 personal data (ADR 0022): AES-256-GCM with a random 96-bit IV
 * per value; the record id is bound in as additional authenticated data, so a ciphertext cannot be
 * moved to another row. Format: `pii1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts), so that
 * a key ring can hold retired keys and `reencrypt` can move every row to the active key.
 */
export class AesGcmPiiCipher extends PiiCipher {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly activeKeyId: string,
  ) {
    super();
    if (!keys.has(activeKeyId)) throw new Error('the active PII key is not in the key ring');
  }

  encrypt(plaintext: string, aad: string): { ciphertext: string; keyId: string } {
    const key = this.keys.get(this.activeKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return {
      ciphertext: ['pii1', this.activeKeyId, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.'),
      keyId: this.activeKeyId,
    };
  }

  decrypt(ciphertext: string, aad: string): string {
    const [version, keyId, iv, tag, ct] = ciphertext.split('.');
    if (version !== 'pii1' || !keyId || !iv || !tag || ct === undefined) throw new Error('not a PII ciphertext');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`PII key '${keyId}' is not in the key ring`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  keyIdOf(ciphertext: string): string | undefined {
    return ciphertext.split('.')[1];
  }
}
