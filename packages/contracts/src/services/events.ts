import { z } from 'zod';
import { IsoDateSchema, TiynSchema } from '../common.js';
import { defineIntegrationEvent } from '../event-definition.js';
import { TOPICS } from '../topics.js';

/**
 * Services and pricing's published language (F-43 … F-56, issue #12). Every event is keyed by the
 * service recipient's id — the BIN of a legal entity, services' pseudonym (a uuid) of an individual (F-43;
 * never the IIN, F-42, ADR 0069) — so that one recipient's events keep their order. Payloads carry ids, dates, grounds and amounts only: never
 * the application's project description, contacts or team (F-48 fields stay in services). A change
 * that removes or retypes a field is a new version (`…V2`), published beside the old one.
 */
const topic = TOPICS.services.name;

/** F-43: who receives a service — a legal entity (BIN) or an individual (named by a pseudonym, F-42). */
export const ServiceRecipientKindSchema = z.enum(['legal-entity', 'individual']);
/**
 * ADR 0069 (amends ADR 0063): a legal entity's BIN (12 digits), or an individual's pseudonym — a uuid that
 * services keeps for the person; the IIN itself stays encrypted in services (F-42). Events published
 * before ADR 0069 named an individual by the IIN; no consumer reads an individual's id.
 */
export const ServiceRecipientIdSchema = z
  .string()
  .regex(/^(\d{12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, 'a BIN (12 digits) or an individual recipient’s pseudonym (uuid)')
  .describe('BIN of a legal entity (12 digits) or the pseudonym (uuid) of an individual — never an IIN (F-42, ADR 0069)');

/** F-44 … F-46, F-6: the programme direction a service belongs to. */
export const PROGRAMME_DIRECTIONS = ['acceleration', 'business-incubation', 'consultation', 'educational-event', 'investor-search'] as const;
export const ProgrammeDirectionSchema = z.enum(PROGRAMME_DIRECTIONS);

/** F-53: the three grounds for refusing to conclude a service contract. */
export const SERVICE_REFUSAL_GROUNDS = ['non-compliance', 'remarks-not-eliminated', 'conditions-not-met'] as const;
export const ServiceRefusalGroundSchema = z.enum(SERVICE_REFUSAL_GROUNDS);

/**
 * F-48: every field path of a service application — what F-52 remarks may name (the `fields` of
 * `services.application-remarks-issued`). Services refuses a remark on any other path; consumers that
 * name fields to people (notifications' labels) keep one label per path, checked against this list.
 */
export const SERVICE_APPLICATION_FIELDS = [
  'project.name',
  'project.direction',
  'project.summary',
  'project.expectedResults',
  'contacts.phone',
  'contacts.email',
  'contacts.city',
  'contacts.country',
  'readiness.stage',
  'readiness.technologies',
  'readiness.problem',
  'readiness.businessModel',
  'readiness.lifetime',
  'team.size',
  'team.involvement',
  'pitchUrl',
] as const;
export type ServiceApplicationField = (typeof SERVICE_APPLICATION_FIELDS)[number];

const recipient = { recipientKind: ServiceRecipientKindSchema, recipientId: ServiceRecipientIdSchema };

export const ServiceApplicationFiledV1 = defineIntegrationEvent({
  type: 'services.application-filed',
  version: 1,
  topic,
  description:
    'A service recipient filed an electronic service application inside the call’s intake window (F-47, F-48); the Fund reviews it by reviewDueOn (working days per call, ADR 0061).',
  payload: z.object({
    applicationId: z.uuid(),
    callId: z.uuid(),
    serviceId: z.uuid(),
    ...recipient,
    /** Whether the recipient was an active Astana Hub participant when filing (participation's facts). */
    participant: z.boolean(),
    language: z.enum(['kk', 'ru', 'en']),
    /** F-49: an English application gets a Kazakh or Russian translation by the Fund. */
    translationRequired: z.boolean(),
    filedAt: z.iso.datetime({ offset: true }),
    reviewDueOn: IsoDateSchema,
  }),
});

export const ServiceApplicationRemarksIssuedV1 = defineIntegrationEvent({
  type: 'services.application-remarks-issued',
  version: 1,
  topic,
  description: 'The Fund found the application not matching F-48 and sent the applicant its remarks (F-52): the field paths only, the texts stay in services.',
  payload: z.object({
    applicationId: z.uuid(),
    ...recipient,
    /** F-48 field paths (SERVICE_APPLICATION_FIELDS); typed as strings so that a path added later is not a new version. */
    fields: z.array(z.string()).min(1),
    issuedAt: z.iso.datetime({ offset: true }),
    /**
     * Added in v1 (ADR 0107, additive): for an individual's application, the portal subject (the
     * identity provider's `sub`) of the person who filed it — whom notifications tells (F-52, ADR 0094).
     * Never the IIN (F-42). Absent for a legal entity (its representatives are reached by BIN) and on
     * events published before.
     */
    filedBy: z.string().min(1).max(200).optional(),
  }),
});

export const ServiceApplicationDecisionMadeV1 = defineIntegrationEvent({
  type: 'services.application-decision-made',
  version: 1,
  topic,
  description:
    'The Fund decided on a service application (F-51): conclude a contract, or refuse on an F-53 ground; a refused applicant may apply again once the reasons are removed (F-54).',
  payload: z.object({
    applicationId: z.uuid(),
    callId: z.uuid(),
    serviceId: z.uuid(),
    ...recipient,
    outcome: z.enum(['conclude-contract', 'refuse']),
    /** F-53 ground; null when the outcome is conclude-contract. */
    ground: ServiceRefusalGroundSchema.nullable(),
    decidedAt: z.iso.datetime({ offset: true }),
    ruleIds: z.array(z.string()).min(1),
  }),
});

export const ServiceContractSignedV1 = defineIntegrationEvent({
  type: 'services.contract-signed',
  version: 1,
  topic,
  description:
    'A service contract was concluded (F-51, F-55) at the price of the Fund’s price list in force on signedOn, for the recipient’s status on that day (F-56); the price is fixed and never follows later list changes.',
  payload: z.object({
    contractId: z.uuid(),
    applicationId: z.uuid(),
    serviceId: z.uuid(),
    ...recipient,
    priceTiyn: TiynSchema,
    priceBasis: z.enum(['participant', 'non-participant']),
    priceListEntryId: z.uuid(),
    signedOn: IsoDateSchema,
  }),
});

// ---- Acceleration cohorts (F-44, F-59 … F-62): the facts housing builds its eligibility on ----

/**
 * A town where a programme runs, as a KATO code (Kazakhstan's classifier of administrative-territorial
 * objects, 9 digits) with its name for people. Housing compares it with the town of the dwelling
 * (F-59: housing only for those without housing in the programme's town).
 */
export const TownSchema = z.object({
  katoCode: z.string().regex(/^\d{9}$/, 'a KATO code is exactly 9 digits'),
  name: z.string().min(1).max(200),
});

/**
 * A person in acceleration, v1. The IIN is restricted personal data (F-42): it travelled on the services
 * topic in these three events, because housing must match the person who asks for a dwelling to the
 * enrolment (F-59). Superseded by v2 (ADR 0123: the ASVS finding — no IIN on the bus); v1 stays
 * readable for the events already on the topic, services publishes it no more.
 */
const enrolledPerson = {
  enrolmentId: z.uuid(),
  cohortId: z.uuid(),
  serviceId: z.uuid(),
  ...recipient,
  personIin: z.string().regex(/^\d{12}$/, 'an IIN is exactly 12 digits'),
};

export const CohortEnrolmentMadeV1 = defineIntegrationEvent({
  type: 'services.cohort-enrolment-made',
  version: 1,
  topic,
  description:
    'A person was enrolled in an acceleration cohort under a signed service contract (F-44, F-55): from enrolledOn until the cohort ends (endsOn) the person is "in acceleration" and may ask housing for a dwelling in the cohort’s town (F-59).',
  payload: z.object({
    ...enrolledPerson,
    contractId: z.uuid(),
    town: TownSchema,
    cohortStartsOn: IsoDateSchema,
    cohortEndsOn: IsoDateSchema,
    enrolledOn: IsoDateSchema,
  }),
});

/** Why a person left a cohort before its end; the texts stay in services (F-35). */
export const COHORT_EXPULSION_GROUNDS = ['programme-conditions-breached', 'contract-terminated', 'own-request', 'other'] as const;
export const CohortExpulsionGroundSchema = z.enum(COHORT_EXPULSION_GROUNDS);

export const CohortExpulsionMadeV1 = defineIntegrationEvent({
  type: 'services.cohort-expulsion-made',
  version: 1,
  topic,
  description:
    'A person was expelled from an acceleration cohort (or left it) before its end: from expelledOn the person is no longer in acceleration; housing starts the 2-working-day vacate deadline (F-61).',
  payload: z.object({
    ...enrolledPerson,
    ground: CohortExpulsionGroundSchema,
    expelledOn: IsoDateSchema,
  }),
});

export const CohortCompletionMadeV1 = defineIntegrationEvent({
  type: 'services.cohort-completion-made',
  version: 1,
  topic,
  description:
    'A person completed an acceleration cohort on completedOn (the programme ended for them): housing ends the housing contract on the date its ADR names (F-60).',
  payload: z.object({
    ...enrolledPerson,
    completedOn: IsoDateSchema,
  }),
});

/**
 * ADR 0123: the person's pseudonymous reference — the platform's blind index of the IIN (HMAC-SHA256 under
 * the shared PII index key `HUB_PII_INDEX_KEY` of `@hub/pii`, base64url, 43 characters). The IIN cannot be
 * read back from it; a context holding the same index key matches a person who gives their IIN (housing,
 * F-59) by computing the same index. It is personal data still (a pseudonym, F-42): never logged.
 */
export const PersonRefSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'a person reference is the 43-character blind index of the IIN')
  .describe('The person’s blind index (HMAC-SHA256 of the IIN under the platform’s PII index key, base64url) — never the IIN (ADR 0123)');

/** A person in acceleration, v2 (ADR 0123): named by the pseudonymous reference, never by the IIN (F-42). */
const enrolledPersonV2 = {
  enrolmentId: z.uuid(),
  cohortId: z.uuid(),
  serviceId: z.uuid(),
  ...recipient,
  personRef: PersonRefSchema,
};

export const CohortEnrolmentMadeV2 = defineIntegrationEvent({
  type: 'services.cohort-enrolment-made',
  version: 2,
  topic,
  description:
    'A person was enrolled in an acceleration cohort under a signed service contract (F-44, F-55): from enrolledOn until the cohort ends (endsOn) the person is "in acceleration" and may ask housing for a dwelling in the cohort’s town (F-59). v2 (ADR 0123): the person is `personRef`, the blind index of the IIN — the IIN is no longer on the bus.',
  payload: z.object({
    ...enrolledPersonV2,
    contractId: z.uuid(),
    town: TownSchema,
    cohortStartsOn: IsoDateSchema,
    cohortEndsOn: IsoDateSchema,
    enrolledOn: IsoDateSchema,
  }),
});

export const CohortExpulsionMadeV2 = defineIntegrationEvent({
  type: 'services.cohort-expulsion-made',
  version: 2,
  topic,
  description:
    'A person was expelled from an acceleration cohort (or left it) before its end: from expelledOn the person is no longer in acceleration; housing starts the 2-working-day vacate deadline (F-61). v2 (ADR 0123): `personRef`, never the IIN.',
  payload: z.object({ ...enrolledPersonV2, ground: CohortExpulsionGroundSchema, expelledOn: IsoDateSchema }),
});

export const CohortCompletionMadeV2 = defineIntegrationEvent({
  type: 'services.cohort-completion-made',
  version: 2,
  topic,
  description:
    'A person completed an acceleration cohort on completedOn (the programme ended for them): housing ends the housing contract on the date its ADR names (F-60). v2 (ADR 0123): `personRef`, never the IIN.',
  payload: z.object({ ...enrolledPersonV2, completedOn: IsoDateSchema }),
});

// ---- Contract money and delivery (F-55, ADR 0066) ----

const ofContract = {
  invoiceId: z.uuid(),
  number: z.string().min(1).describe('The invoice number the payer quotes (SRV-YYYY-NNNNNN)'),
  applicationId: z.uuid(),
  contractId: z.uuid(),
  ...recipient,
};

export const ServiceInvoiceIssuedV1 = defineIntegrationEvent({
  type: 'services.invoice-issued',
  version: 1,
  topic,
  description:
    'The Fund issued an invoice under a service contract (F-55): part or all of the contract amount fixed at signing (F-56), due on a working day (ADR 0066).',
  payload: z.object({ ...ofContract, amountTiyn: TiynSchema, issuedOn: IsoDateSchema, dueOn: IsoDateSchema }),
});

export const ServiceInvoicePaidV1 = defineIntegrationEvent({
  type: 'services.invoice-paid',
  version: 1,
  topic,
  description: 'An invoice under a service contract is paid in full (F-55); paidOn is the value date of the payment that completed it.',
  payload: z.object({ ...ofContract, amountTiyn: TiynSchema, paidOn: IsoDateSchema }),
});

export const ServiceInvoiceOverdueV1 = defineIntegrationEvent({
  type: 'services.invoice-overdue',
  version: 1,
  topic,
  description: 'The due day of an invoice under a service contract ended and it is not paid in full (F-55, ADR 0066).',
  payload: z.object({ ...ofContract, dueOn: IsoDateSchema }),
});

const ofAct = { actId: z.uuid(), number: z.string().min(1).describe('ACT-YYYY-NNNNNN'), applicationId: z.uuid(), contractId: z.uuid(), ...recipient };

export const ServiceDeliveryActIssuedV1 = defineIntegrationEvent({
  type: 'services.delivery-act-issued',
  version: 1,
  topic,
  description: 'The Fund issued an act of the services delivered under a contract up to deliveredTo (F-55); the recipient accepts or disputes it.',
  payload: z.object({ ...ofAct, deliveredTo: IsoDateSchema }),
});

export const ServiceDeliveryActAnsweredV1 = defineIntegrationEvent({
  type: 'services.delivery-act-answered',
  version: 1,
  topic,
  description: 'The recipient accepted a delivery act or disputed it (F-55); the reasons of a dispute stay in services.',
  payload: z.object({ ...ofAct, answer: z.enum(['accepted', 'disputed']), answeredAt: z.iso.datetime({ offset: true }) }),
});

/** Every event of services, for a consumer's EventRegistry. */
export const servicesEvents = [
  ServiceApplicationFiledV1,
  ServiceApplicationRemarksIssuedV1,
  ServiceApplicationDecisionMadeV1,
  ServiceContractSignedV1,
  CohortEnrolmentMadeV1,
  CohortExpulsionMadeV1,
  CohortCompletionMadeV1,
  CohortEnrolmentMadeV2,
  CohortExpulsionMadeV2,
  CohortCompletionMadeV2,
  ServiceInvoiceIssuedV1,
  ServiceInvoicePaidV1,
  ServiceInvoiceOverdueV1,
  ServiceDeliveryActIssuedV1,
  ServiceDeliveryActAnsweredV1,
] as const;
