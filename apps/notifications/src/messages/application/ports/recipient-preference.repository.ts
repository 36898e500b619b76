import type { RecipientPreference } from '../../domain/recipient-preference.aggregate.js';

/** Port: the companies' notice preferences (ADR 0090). */
export abstract class RecipientPreferenceRepository {
  abstract find(bin: string): Promise<RecipientPreference | null>;
  abstract add(preference: RecipientPreference): void;
}
