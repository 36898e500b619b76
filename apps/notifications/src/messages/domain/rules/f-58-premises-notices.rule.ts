import type { HousingPremisesAllocatedV1, HousingPremisesHandBackOverdueV1, HousingPremisesReleasedV1, PayloadOf } from '@hub/contracts';
import { formatDate } from '../language.js';
import type { NoticeDraft } from '../notice-draft.js';

/**
 * F-57, F-58 (ADR 0053): the Fund's premises let to a participant for temporary use — housing's facts
 * told to the company (its BIN; the participant is a company, so nothing personal, F-42):
 * - premises allocated: the kind and the first and last day of use (F-57, F-58);
 * - the use ends (on request, on the participation's termination or at the term's end): the last day
 *   of use and the day the premises are to be handed back under an act (ADR 0053: 2 WD);
 * - the hand-back act was not signed by that day: overdue, escalated to the housing manager.
 * The rules prescribe no notice here, so none is statutory (ADR 0094): a company may switch the e-mail
 * copies off, the portal message stays. Labels of the kind and the reason come from the catalogue.
 */

const premisesLink = (portalUrl: string) => `${portalUrl}/my/premises`;

export function premisesAllocatedNotice(e: PayloadOf<typeof HousingPremisesAllocatedV1>, portalUrl: string): NoticeDraft {
  return {
    template: 'housing.premises-allocated',
    role: 'applicant',
    bin: e.bin,
    subjectId: e.leaseId,
    dueOn: null,
    values: (language, catalogue) => ({
      bin: e.bin,
      premisesKind: catalogue.label(`premises-kind.${e.premisesKind}`, language),
      startsOn: formatDate(e.startsOn, language),
      endsOn: formatDate(e.endsOn, language),
      link: premisesLink(portalUrl),
    }),
  };
}

export function premisesReleasedNotice(e: PayloadOf<typeof HousingPremisesReleasedV1>, portalUrl: string): NoticeDraft {
  return {
    template: 'housing.premises-released',
    role: 'applicant',
    bin: e.bin,
    subjectId: e.leaseId,
    dueOn: null,
    values: (language, catalogue) => ({
      bin: e.bin,
      premisesKind: catalogue.label(`premises-kind.${e.premisesKind}`, language),
      reason: catalogue.label(`premises-release.${e.reason}`, language),
      lastDayOfUse: formatDate(e.lastDayOfUse, language),
      // An older producer sent no hand-back day: the ADR's period, in words, instead of a date.
      handBackBy: e.handBackBy ? formatDate(e.handBackBy, language) : catalogue.label('premises-hand-back.second-working-day', language),
      link: premisesLink(portalUrl),
    }),
  };
}

export function premisesHandBackOverdueNotice(e: PayloadOf<typeof HousingPremisesHandBackOverdueV1>, portalUrl: string): NoticeDraft {
  return {
    template: 'housing.premises-hand-back-overdue',
    role: 'applicant',
    bin: e.bin,
    subjectId: e.leaseId,
    dueOn: null,
    values: (language, catalogue) => ({
      bin: e.bin,
      premisesKind: catalogue.label(`premises-kind.${e.premisesKind}`, language),
      lastDayOfUse: formatDate(e.lastDayOfUse, language),
      handBackBy: formatDate(e.handBackBy, language),
      link: premisesLink(portalUrl),
    }),
  };
}
