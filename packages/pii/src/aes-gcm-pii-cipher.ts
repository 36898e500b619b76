import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { PiiCipher } from './pii-cipher.js';

const VERSION = 'pii1';

/**
 * AES-256-GCM with a random 96-bit IV per value (ADR 0022). The key ring holds the active key and the
 * retired ones still needed to read old rows. The blind index has its own key id (ADR 0065): it must
 * not change when the active key rotates, or every stored index would stop matching.
 */
export class AesGcmPiiCipher extends PiiCipher {
  private readonly indexKey: Buffer;

  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly activeKeyId: string,
    /** The ring key the blind index is keyed with; by default the ring's first key. */
    indexKeyId?: string,
  ) {
    super();
    if (!keys.has(activeKeyId)) throw new Error('the active PII key is not in the key ring');
    const indexId = indexKeyId ?? [...keys.keys()][0];
    const indexKey = indexId === undefined ? undefined : keys.get(indexId);
    if (!indexKey) throw new Error('the PII index key is not in the key ring');
    this.indexKey = indexKey;
  }

  encrypt(plaintext: string, aad: string): string {
    const key = this.keys.get(this.activeKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.activeKeyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  decrypt(ciphertext: string, aad: string): string {
    const [version, keyId, iv, tag, ct] = ciphertext.split('.');
    if (version !== VERSION || !keyId || !iv || !tag || ct === undefined) throw new Error('not a PII ciphertext');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`PII key '${keyId}' is not in the key ring`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  keyIdOf(ciphertext: string): string {
    const [version, keyId] = ciphertext.split('.');
    if (version !== VERSION || !keyId) throw new Error('not a PII ciphertext');
    return keyId;
  }

  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value, 'utf8').digest('base64url');
  }
}
