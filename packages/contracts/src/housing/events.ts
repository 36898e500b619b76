import { z } from 'zod';
import { BinSchema, IsoDateSchema, TiynSchema } from '../common.js';
import { defineIntegrationEvent } from '../event-definition.js';
import { TOPICS } from '../topics.js';

/**
 * Housing and premises's published language (F-57 … F-62, issue #14). Every event is keyed by the
 * unit's id, so that one dwelling's or premises' events keep their order. Payloads carry ids, dates
 * and amounts only — never a resident's IIN or contacts (F-42 personal data stays in housing). A
 * change that removes or retypes a field is a new version (`…V2`), published beside the old one.
 */
const topic = TOPICS.housing.name;

const place = {
  allocationId: z.uuid(),
  unitId: z.uuid(),
  buildingId: z.uuid(),
  /** The bed (`<room>/<bed>`) of a dwelling. */
  bed: z.string().min(1).max(100),
  townKatoCode: z.string().regex(/^\d{9}$/),
};

/**
 * Added in v1 (ADR 0116, additive): the portal subject (the identity provider's `sub`) of the person in
 * acceleration the bed is offered to or let to — whom notifications tells in their portal inbox (ADR
 * 0107). Never the IIN or contacts (F-42). Absent on events published before.
 */
const person = { personSubject: z.string().min(1).max(200).optional() };

export const HousingOfferMadeV1 = defineIntegrationEvent({
  type: 'housing.offer-made',
  version: 1,
  topic,
  description:
    'A bed was offered to the first eligible person of the waitlist (F-59, F-62); the person accepts by acceptBy (working days, ADR 0057) or the offer lapses and moves on. Notifications tell the person.',
  payload: z.object({ ...place, caseId: z.uuid(), enrolmentId: z.uuid(), offeredAt: z.iso.datetime({ offset: true }), acceptBy: IsoDateSchema, ...person }),
});

export const HousingUnitAllocatedV1 = defineIntegrationEvent({
  type: 'housing.unit-allocated',
  version: 1,
  topic,
  description:
    'The person accepted the offer and the housing contract was concluded (F-60: the person keeps the dwelling and common property intact); the bed is theirs from startsOn until the contract ends (contractEndsOn, ADR 0058) or they vacate.',
  payload: z.object({
    ...place,
    caseId: z.uuid(),
    enrolmentId: z.uuid(),
    contractNumber: z.string().min(1),
    startsOn: IsoDateSchema,
    contractEndsOn: IsoDateSchema,
    ...person,
  }),
});

export const HousingUnitReleasedV1 = defineIntegrationEvent({
  type: 'housing.unit-released',
  version: 1,
  topic,
  description: 'The dwelling was handed back under an acceptance-transfer act (F-61) and is free from releasedOn; it goes to the next eligible person (F-62).',
  payload: z.object({ ...place, caseId: z.uuid(), releasedOn: IsoDateSchema, reason: z.enum(['expulsion', 'completion']) }),
});

export const HousingVacateOverdueV1 = defineIntegrationEvent({
  type: 'housing.vacate-overdue',
  version: 1,
  topic,
  description:
    'The person did not hand the dwelling back within 2 working days of the expulsion (F-61) or of the contract end (ADR 0058): escalated to the housing manager.',
  payload: z.object({ ...place, caseId: z.uuid(), vacateBy: IsoDateSchema, reason: z.enum(['expulsion', 'completion']) }),
});

export const HousingActSignedV1 = defineIntegrationEvent({
  type: 'housing.act-signed',
  version: 1,
  topic,
  description:
    "A check-in act (F-60) or an acceptance-transfer act on vacating (F-61) was signed: the condition, the inventory checked and the meter readings are in housing; damages are summed in tiyn (ADR 0036). documentIds (added 2026-12-06, ADR 0110): the scan of the signed act — the Fund's own verified dwelling-act document — which documents attaches to housing/allocation/<allocationId>.",
  payload: z.object({
    ...place,
    caseId: z.uuid(),
    kind: z.enum(['check-in', 'acceptance-transfer']),
    signedOn: IsoDateSchema,
    inventoryMissing: z.number().int().min(0),
    damagesTiyn: TiynSchema,
    documentIds: z.array(z.uuid()).max(5).default([]),
    ...person,
  }),
});

export const HousingVacateRequiredV1 = defineIntegrationEvent({
  type: 'housing.vacate-required',
  version: 1,
  topic,
  description:
    'The person housed was expelled from the programme (F-61) or the programme was completed (ADR 0058): the dwelling is to be vacated and handed back under an acceptance-transfer act by vacateBy — the 2nd working day on the Kazakh calendar. Notifications tell the person (ADR 0116); the deadline runs from the expulsion, not from the notice.',
  payload: z.object({ ...place, caseId: z.uuid(), vacateBy: IsoDateSchema, reason: z.enum(['expulsion', 'completion']), ...person }),
});

/**
 * Premises for participants (F-57, F-58; ADR 0053). The participant is a company: its BIN and
 * participation id are not personal data. Keyed by the unit's id like the dwellings' events.
 */
const lease = {
  leaseId: z.uuid(),
  participantId: z.uuid(),
  bin: BinSchema,
  unitId: z.uuid(),
  premisesKind: z.enum(['administrative', 'production', 'auxiliary']),
};

export const HousingPremisesAllocatedV1 = defineIntegrationEvent({
  type: 'housing.premises-allocated',
  version: 1,
  topic,
  description:
    'The Fund allocated premises to a participant for temporary use (F-57, F-58): from startsOn to endsOn inclusive, never past the participation term; no other lease of the unit overlaps (ADR 0059).',
  payload: z.object({ ...lease, startsOn: IsoDateSchema, endsOn: IsoDateSchema }),
});

export const PREMISES_RELEASE_REASONS = ['request', 'participation-terminated', 'term-ended'] as const;

export const HousingPremisesReleasedV1 = defineIntegrationEvent({
  type: 'housing.premises-released',
  version: 1,
  topic,
  description:
    "The participant's use of premises ends (F-58): on request, when the participation terminated, or at the end of the term; lastDayOfUse is the last day of use. The premises are to be handed back under an act by handBackBy (ADR 0053; added 2026-12-06, null from older producers) — notifications tell the company.",
  payload: z.object({
    ...lease,
    lastDayOfUse: IsoDateSchema,
    reason: z.enum(PREMISES_RELEASE_REASONS),
    handBackBy: IsoDateSchema.nullable().default(null),
  }),
});

export const HousingPremisesHandedBackV1 = defineIntegrationEvent({
  type: 'housing.premises-handed-back',
  version: 1,
  topic,
  description:
    "The premises were handed back under an act signed by the housing manager (F-58, F-61 by analogy, ADR 0053): the condition, inventory and meter readings stay in housing; damages are summed in tiyn; free after lastDayOfUse. documentIds: the scan of the signed act (the participant's verified handover-act document), which documents attaches to housing/premises-lease/<leaseId>.",
  payload: z.object({
    ...lease,
    lastDayOfUse: IsoDateSchema,
    signedOn: IsoDateSchema,
    inventoryMissing: z.number().int().min(0),
    damagesTiyn: TiynSchema,
    documentIds: z.array(z.uuid()).max(5).default([]),
  }),
});

export const HousingPremisesHandBackOverdueV1 = defineIntegrationEvent({
  type: 'housing.premises-hand-back-overdue',
  version: 1,
  topic,
  description:
    'The act handing premises back was not signed within 2 working days after the use ended (ADR 0053, F-58; F-61 by analogy): escalated to the housing manager. handBackBy is the day that passed.',
  payload: z.object({ ...lease, lastDayOfUse: IsoDateSchema, handBackBy: IsoDateSchema }),
});

/** Every event of housing, for a consumer's EventRegistry. */
export const housingEvents = [
  HousingOfferMadeV1,
  HousingUnitAllocatedV1,
  HousingUnitReleasedV1,
  HousingVacateOverdueV1,
  HousingActSignedV1,
  HousingVacateRequiredV1,
  HousingPremisesAllocatedV1,
  HousingPremisesReleasedV1,
  HousingPremisesHandBackOverdueV1,
  HousingPremisesHandedBackV1,
] as const;
