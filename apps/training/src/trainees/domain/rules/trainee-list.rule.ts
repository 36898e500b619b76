import { validateIin } from '@hub/identifiers';
import { ValidationError } from '@hub/kernel';

/**
 * F-76: the provider chooses its trainees. Each is named by a valid IIN (@hub/identifiers: format,
 * birth date, check digit) and appears once in the list; the quota limit is the application's rule
 * (`assertTraineesWithinQuotas`) and "once per intake across providers" is a database constraint.
 */
export const TRAINEE_LIST_RULE = 'F-76';

export function assertValidTraineeList(trainees: readonly { iin: string }[]): void {
  const seen = new Set<string>();
  trainees.forEach((t, i) => {
    const r = validateIin(t.iin, `trainees.${i}.iin`);
    if (!r.ok) throw r.error;
    if (seen.has(t.iin)) throw ValidationError.field(`trainees.${i}.iin`, 'the same person is listed twice (F-76)');
    seen.add(t.iin);
  });
}
