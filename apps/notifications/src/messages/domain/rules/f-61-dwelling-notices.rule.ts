import { almatyDate } from '@hub/calendar';
import type { HousingActSignedV1, HousingOfferMadeV1, HousingUnitAllocatedV1, HousingVacateRequiredV1, PayloadOf } from '@hub/contracts';
import { formatDate } from '../language.js';
import type { PersonNoticeDraft } from '../notice-draft.js';

/**
 * F-59 … F-62 (ADR 0116): housing's facts about a person in acceleration told to that person — by the
 * portal subject housing names (`personSubject`), in their portal inbox (ADR 0107). Never the IIN,
 * contacts or the address of the dwelling (F-42): the dates, the contract number and a link into the
 * portal (`/my/housing`), where the person reads the rest.
 * - F-62 (ADR 0057): a bed offered, with the day to accept by (3 WD) — else it lapses and moves on;
 * - F-60: the offer accepted — the housing contract with the duty to keep the dwelling intact, its term;
 * - F-61 (ADR 0058): the expulsion (or the programme's end) — vacate by the 2nd working day, the exact
 *   day from housing's Kazakh calendar; statutory: the rule's own notice, never switched off;
 * - F-60 / F-61: the check-in act, the acceptance-transfer act signed.
 * An event published before housing named the person (no `personSubject`) tells nobody: `null`.
 */

const housingLink = (portalUrl: string) => `${portalUrl}/my/housing`;

export function offerMadeNotice(e: PayloadOf<typeof HousingOfferMadeV1>, portalUrl: string): PersonNoticeDraft | null {
  if (!e.personSubject) return null;
  return {
    template: 'housing.offer-made.person',
    role: 'applicant',
    person: e.personSubject,
    subjectId: e.allocationId,
    dueOn: null,
    values: (language) => ({
      offeredOn: formatDate(almatyDate(new Date(e.offeredAt)), language),
      acceptBy: formatDate(e.acceptBy, language),
      link: housingLink(portalUrl),
    }),
  };
}

export function contractConcludedNotice(e: PayloadOf<typeof HousingUnitAllocatedV1>, portalUrl: string): PersonNoticeDraft | null {
  if (!e.personSubject) return null;
  return {
    template: 'housing.unit-allocated.person',
    role: 'applicant',
    person: e.personSubject,
    subjectId: e.allocationId,
    dueOn: null,
    values: (language) => ({
      contractNumber: e.contractNumber,
      startsOn: formatDate(e.startsOn, language),
      contractEndsOn: formatDate(e.contractEndsOn, language),
      link: housingLink(portalUrl),
    }),
  };
}

export function vacateRequiredNotice(e: PayloadOf<typeof HousingVacateRequiredV1>, portalUrl: string): PersonNoticeDraft | null {
  if (!e.personSubject) return null;
  return {
    template: 'housing.vacate-required.person',
    role: 'applicant',
    person: e.personSubject,
    subjectId: e.allocationId,
    // The message carries the F-61 day itself; the deadline is housing's (GET /deadlines), not a due day of telling.
    dueOn: null,
    values: (language, catalogue) => ({
      reason: catalogue.label(`housing-vacate.${e.reason}`, language),
      vacateBy: formatDate(e.vacateBy, language),
      link: housingLink(portalUrl),
    }),
  };
}

export function actSignedNotice(e: PayloadOf<typeof HousingActSignedV1>, portalUrl: string): PersonNoticeDraft | null {
  if (!e.personSubject) return null;
  return {
    template: `housing.act-signed.${e.kind}.person`,
    role: 'applicant',
    person: e.personSubject,
    subjectId: e.allocationId,
    dueOn: null,
    values: (language) => ({ signedOn: formatDate(e.signedOn, language), link: housingLink(portalUrl) }),
  };
}
