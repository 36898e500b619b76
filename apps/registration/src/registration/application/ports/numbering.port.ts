/** Port: gap-tolerant, never-repeating numbers (database sequences) for certificates and Commission protocols. */
export abstract class NumberSequences {
  abstract next(sequence: 'certificate' | 'protocol'): Promise<number>;
}

/** `AH-2026-00042` (certificates), `CP-2026-00007` (protocols): the prefix, the year of `today`, five digits. */
export const documentNumber = (prefix: 'AH' | 'CP', today: string, n: number): string => `${prefix}-${today.slice(0, 4)}-${String(n).padStart(5, '0')}`;
