/**
 * F-42 (ADR 0069): an individual service recipient is known in services' rows, events and Kafka keys by a
 * pseudonym — a random uuid per person — never by the IIN. The IIN itself lives once, encrypted
 * (`services_recipient_person`: row-bound AES-GCM ciphertext + HMAC blind index to find it again).
 */
export abstract class RecipientPseudonyms {
  /** The person's pseudonym, created on first use inside the caller's unit of work (one per IIN, concurrent firsts agree). */
  abstract pseudonymOf(iin: string): Promise<string>;
  /** The person's pseudonym if services knows the IIN; a lookup never creates one. */
  abstract find(iin: string): Promise<string | null>;
}
