import type { PayloadOf, TrainingDecisionMadeV1 } from '@hub/contracts';
import { formatDate } from '../language.js';
import { type NoticeDraft, bulletList } from '../notice-draft.js';

/**
 * F-74: the Fund sends the provider the Independent Commission's decision — admission with its
 * number of quotas (F-72, F-73) and the day the contract is due (F-75), or the reasoned refusal —
 * within 5 working days; training computed the day (`noticeDueOn`) and closes its deadline on the
 * proof of delivery (ADR 0094). Nothing of the application beyond the decision (F-35).
 */
export function trainingDecisionNotice(e: PayloadOf<typeof TrainingDecisionMadeV1>, portalUrl: string): NoticeDraft {
  const admitted = e.outcome === 'admitted';
  const link = `${portalUrl}/training/applications/${e.applicationId}`;
  return {
    template: admitted ? 'training.decision-made.admitted' : 'training.decision-made.rejected',
    role: 'applicant',
    bin: e.bin,
    subjectId: e.applicationId,
    dueOn: e.noticeDueOn,
    values: (language): Readonly<Record<string, string>> =>
      admitted
        ? {
            bin: e.bin,
            decidedOn: formatDate(e.decidedOn, language),
            quotas: String(e.quotas ?? 0),
            // admitted ⇒ training sets the F-75 day; a missing one is a broken contract, not a blank in a statutory notice
            contractDueOn: formatDate(required(e.contractDueOn, 'contractDueOn'), language),
            link,
          }
        : { bin: e.bin, decidedOn: formatDate(e.decidedOn, language), reasons: bulletList(e.reasons), link },
  };
}

function required(value: string | null, field: string): string {
  if (value === null) throw new Error(`training.decision-made: an admitted application without ${field}`);
  return value;
}
