/**
 * F-42, F-76 personal data of trainees (IIN, name): field-level encryption as in participation
 * (ADR 0022, AES-256-GCM, the record id bound in as additional authenticated data), plus a keyed
 * blind index so that one person is found once per intake across providers (F-76) without storing it in clear.
 */
export abstract class PiiCipher {
  abstract encrypt(plaintext: string, aad: string): string;
  abstract decrypt(ciphertext: string, aad: string): string;
  /** HMAC-SHA256 of the value under the index key: equal values give equal indexes, nothing else can be read from it. */
  abstract blindIndex(value: string): string;
}
