/**
 * Field-level encryption of F-42 personal data (ADR 0022). The record id is bound in as additional
 * authenticated data, so a ciphertext cannot be moved to another row; `keyId` names the key it was
 * encrypted with, so that a rotation can move every record to the active key.
 */
export abstract class PiiCipher {
  abstract readonly activeKeyId: string;
  abstract encrypt(plaintext: string, aad: string): { ciphertext: string; keyId: string };
  abstract decrypt(ciphertext: string, aad: string): string;
}
