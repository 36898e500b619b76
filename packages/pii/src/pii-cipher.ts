/**
 * The port through which a context's application layer protects personal data (F-42, F-76; ADR 0022,
 * ADR 0065). Every value is encrypted on its own with the record id bound in as additional
 * authenticated data, so a ciphertext cannot be moved to another row; the ciphertext names the key it
 * was encrypted with, so that a key rotation can move every record to the active key.
 */
export abstract class PiiCipher {
  /** The key new values are encrypted with. */
  abstract readonly activeKeyId: string;
  /** `pii1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). */
  abstract encrypt(plaintext: string, aad: string): string;
  /** Throws when the key is not in the ring, the aad differs or the ciphertext was tampered with. */
  abstract decrypt(ciphertext: string, aad: string): string;
  /** The id of the key a ciphertext was encrypted with. */
  abstract keyIdOf(ciphertext: string): string;
  /**
   * HMAC-SHA256 of the value under the index key: equal values give equal indexes, so a person can be
   * found by IIN without the IIN being stored in clear; nothing else can be read from it.
   */
  abstract blindIndex(value: string): string;
}
