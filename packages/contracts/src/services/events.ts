import { z } from 'zod';
import { IsoDateSchema, TiynSchema } from '../common.js';
import { defineIntegrationEvent } from '../event-definition.js';
import { TOPICS } from '../topics.js';

/**
 * Services and pricing's published language (F-43 … F-56, issue #12). Every event is keyed by the
 * service recipient's id — the BIN of a legal entity, the IIN of an individual (F-43) — so that one
 * recipient's events keep their order. Payloads carry ids, dates, grounds and amounts only: never
 * the application's project description, contacts or team (F-48 fields stay in services). A change
 * that removes or retypes a field is a new version (`…V2`), published beside the old one.
 */
const topic = TOPICS.services.name;

/** F-43: who receives a service — a legal entity (BIN) or an individual (IIN). */
export const ServiceRecipientKindSchema = z.enum(['legal-entity', 'individual']);
export const ServiceRecipientIdSchema = z
  .string()
  .regex(/^\d{12}$/, 'a BIN or IIN is exactly 12 digits')
  .describe('BIN of a legal entity or IIN of an individual (12 digits)');

/** F-44 … F-46, F-6: the programme direction a service belongs to. */
export const PROGRAMME_DIRECTIONS = ['acceleration', 'business-incubation', 'consultation', 'educational-event', 'investor-search'] as const;
export const ProgrammeDirectionSchema = z.enum(PROGRAMME_DIRECTIONS);

/** F-53: the three grounds for refusing to conclude a service contract. */
export const SERVICE_REFUSAL_GROUNDS = ['non-compliance', 'remarks-not-eliminated', 'conditions-not-met'] as const;
export const ServiceRefusalGroundSchema = z.enum(SERVICE_REFUSAL_GROUNDS);

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
    fields: z.array(z.string()).min(1),
    issuedAt: z.iso.datetime({ offset: true }),
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

/** Every event of services, for a consumer's EventRegistry. */
export const servicesEvents = [
  ServiceApplicationFiledV1,
  ServiceApplicationRemarksIssuedV1,
  ServiceApplicationDecisionMadeV1,
  ServiceContractSignedV1,
] as const;
