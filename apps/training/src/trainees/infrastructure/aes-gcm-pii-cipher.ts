import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { PiiCipher } from '../application/ports/pii-cipher.js';

/**
 * AES-256-GCM with a random 96-bit IV per value, format `pii1.<keyId>.<iv>.<tag>.<ciphertext>` (the
 * format of participation, ADR 0022). The blind index is keyed by the first key of the ring, so
 * that rotating the active key does not change the index (ADR 0059).
 */
export class AesGcmPiiCipher extends PiiCipher {
  private readonly indexKey: Buffer;

  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    private readonly activeKeyId: string,
  ) {
    super();
    if (!keys.has(activeKeyId)) throw new Error('the active PII key is not in the key ring');
    this.indexKey = [...keys.values()][0]!;
  }

  encrypt(plaintext: string, aad: string): string {
    const key = this.keys.get(this.activeKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['pii1', this.activeKeyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
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

  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value, 'utf8').digest('base64url');
  }
}
