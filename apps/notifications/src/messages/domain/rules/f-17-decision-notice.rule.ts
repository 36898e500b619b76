import type { DecisionMadeV1, PayloadOf } from '@hub/contracts';
import { formatDate } from '../language.js';
import { type NoticeDraft, bulletList } from '../notice-draft.js';

/**
 * F-17: the Fund notifies the applicant of its registration (F-15) or of a reasoned refusal (F-16)
 * within 5 working days of the decision — registration computed the day (`notificationDueDate`).
 * The notice names the decision, the protocol and, for a refusal, every ground; nothing of the
 * application itself (F-35): the portal link leads to it. An activity-change decision (F-20) is told
 * the same way.
 */
export function decisionNotice(e: PayloadOf<typeof DecisionMadeV1>, portalUrl: string): NoticeDraft {
  const refused = e.decision === 'refuse';
  return {
    template: refused ? 'registration.decision-made.refuse' : 'registration.decision-made.register',
    role: 'applicant',
    bin: e.bin,
    subjectId: e.applicationId,
    dueOn: e.notificationDueDate,
    values: (language, catalogue) => ({
      bin: e.bin,
      kind: catalogue.label(`kind.${e.kind}`, language),
      protocolNumber: e.protocolNumber,
      decidedOn: formatDate(e.decidedOn, language),
      link: `${portalUrl}/my/applications`,
      ...(refused ? { grounds: bulletList(e.grounds.map((g) => catalogue.label(`ground.${g}`, language))) } : {}),
    }),
  };
}
