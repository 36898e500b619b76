import { z } from 'zod';
import { BinSchema, IsoDateSchema, ServiceRefusalGroundSchema, TiynSchema } from '@hub/contracts';

const text = (max: number) => z.string().trim().min(1).max(max);
/** F-48 (1) … (5). */
export const ContentSchema = z.object({
  project: z.object({ name: text(300), direction: text(300), summary: text(5000), expectedResults: text(5000) }).describe('F-48(1)'),
  contacts: z.object({ phone: z.string().regex(/^\+?[0-9 ()-]{7,20}$/), email: z.email(), city: text(100), country: text(100) }).describe('F-48(2)'),
  readiness: z
    .object({ stage: text(300), technologies: text(2000), problem: text(5000), businessModel: text(5000), lifetime: text(300) })
    .nullable()
    .default(null)
    .describe('F-48(3), where the service requires it'),
  team: z
    .object({ size: z.int().min(1).max(10000), involvement: text(2000) })
    .nullable()
    .default(null)
    .describe('F-48(4), where the service requires it'),
  pitchUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null)
    .describe('F-48(5), where the service requires it'),
});
export const RecipientSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('legal-entity'), bin: BinSchema }),
  z.object({ kind: z.literal('individual'), iin: z.string().regex(/^\d{12}$/, 'IIN must be exactly 12 digits') }),
]);
export const FileApplicationBody = z.object({
  callId: z.uuid(),
  recipient: RecipientSchema.describe('F-43: a legal entity (BIN) or an individual (IIN)'),
  language: z.enum(['kk', 'ru', 'en']).describe('F-49'),
  declarationAccepted: z.boolean().describe('F-50: the applicant answers for completeness and accuracy'),
  content: ContentSchema,
});
export const RemarksBody = z.object({
  remarks: z
    .array(z.object({ field: z.string().min(1).max(100), message: text(2000) }))
    .min(1)
    .max(50),
});
export const ResubmitBody = z.object({ content: ContentSchema });
/**
 * ADR 0123: the payer as the contract names it — a legal entity's name (as registered under its BIN) or
 * the individual's full name (F-42: stored encrypted, never published or logged). Printed on the invoice.
 */
export const SignContractBody = z
  .object({
    payerName: z
      .string()
      .trim()
      .min(2, 'the payer’s name as the contract states it')
      .max(300)
      .optional()
      .describe('The payer’s name on the contract and its invoices (a company’s name, or an individual’s — personal data, F-42)'),
  })
  .optional()
  .describe('Optional for the clients that signed without a body before ADR 0123; the staff desk always sends the name');

export const DecisionBody = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('conclude-contract') }),
  z.object({ outcome: z.literal('refuse'), ground: ServiceRefusalGroundSchema, reasons: text(5000) }),
]);
export const IdParams = z.object({ id: z.uuid() });
const StatusSchema = z.enum(['under-review', 'remarks-issued', 'approved', 'refused', 'contracted']);
export const ListQuery = z.object({
  callId: z.uuid().optional(),
  status: StatusSchema.optional(),
  translation: z.enum(['open', 'done']).optional().describe('F-49: English applications whose translation is still to record (open) or recorded (done)'),
});
export const TranslationBody = z.object({
  targetLanguage: z.enum(['kk', 'ru']).describe('F-49 (as F-10): the language of the Fund’s translation'),
  documentRef: z.string().min(3).max(200).describe('The translated document (its number or reference in the Fund’s records)'),
});

export const ApplicationViewSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  serviceId: z.uuid(),
  recipientKind: z.enum(['legal-entity', 'individual']),
  recipientId: z.string(),
  filedBy: z.string(),
  participantAtFiling: z.boolean(),
  language: z.enum(['kk', 'ru', 'en']),
  translationRequired: z.boolean(),
  translation: z
    .object({ language: z.enum(['kk', 'ru']), documentRef: z.string(), recordedAt: z.string() })
    .nullable()
    .describe('F-49: the Fund’s Kazakh or Russian translation of an English application, once recorded'),
  content: ContentSchema,
  status: StatusSchema,
  remarks: z.array(z.object({ field: z.string(), message: z.string(), issuedAt: z.string(), answeredAt: z.string().nullable() })),
  filedAt: z.iso.datetime({ offset: true }),
  reviewDueOn: IsoDateSchema,
  reviewOverdue: z.boolean(),
  refusalGround: ServiceRefusalGroundSchema.nullable(),
  refusalReasons: z.string().nullable(),
  contract: z
    .object({
      id: z.uuid(),
      priceTiyn: TiynSchema,
      priceBasis: z.enum(['participant', 'non-participant']),
      priceListEntryId: z.uuid(),
      signedOn: IsoDateSchema,
    })
    .nullable(),
});

/** ADR 0033's deadline item: an application waiting for the Fund's review (F-51, ADR 0061). */
export const ReviewDeadlineSchema = z.object({
  kind: z.literal('service-application-review'),
  ruleId: z.string(),
  dueDate: IsoDateSchema,
  overdue: z.boolean(),
  bin: z.string().optional().describe('A legal entity’s BIN; an individual’s IIN is not shown (F-42)'),
  subjectId: z.uuid(),
  status: z.literal('open'),
  callId: z.uuid(),
  serviceId: z.uuid(),
});

/**
 * One item of services' deadlines board (ADR 0033/0047): an application review (F-51, ADR 0061) or
 * an open invoice's payment due date (F-55, ADR 0066). The fields of the other kind are absent.
 */
export const ServicesDeadlineSchema = z.object({
  kind: z.enum(['service-application-review', 'service-invoice-payment']),
  ruleId: z.string(),
  dueDate: IsoDateSchema,
  overdue: z.boolean(),
  bin: z.string().optional().describe('A legal entity’s BIN; an individual’s IIN is not shown (F-42)'),
  subjectId: z.uuid().describe('the application (review) or the invoice (payment)'),
  status: z.literal('open'),
  callId: z.uuid().optional().describe('review: the call'),
  serviceId: z.uuid().optional().describe('review: the service'),
  applicationId: z.uuid().optional().describe('payment: the contracted application'),
  invoiceNumber: z.string().optional().describe('payment: the invoice number'),
  outstandingTiyn: z.number().int().optional().describe('payment: what is still to pay, integer tiyn'),
});
