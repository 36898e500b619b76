import { readFileSync } from 'node:fs';
import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { IsoDateSchema } from '@hub/contracts';
import { kzCalendar } from '@hub/calendar';
import type { ServicesParameters } from '../../catalogue/domain/services-parameters.js';
import { ServicesParametersSource } from '../application/ports/services-parameters.source.js';
import { WorkingDays } from '../application/ports/working-days.js';

const requisites = { nameKk: z.string().min(1), nameRu: z.string().min(1), bank: z.string().min(1) };

/**
 * ADR 0123: the Fund's requisites are either explicit placeholders (any text; every invoice printed with
 * them says NOT FOR PAYMENT and shows no account) or the confirmed ones finance supplied, checked in shape.
 */
const InvoiceIssuerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('placeholder'), ...requisites, bin: z.string().min(1), iban: z.string().min(1), bic: z.string().min(1) }),
  z.object({
    status: z.literal('confirmed'),
    ...requisites,
    bin: z.string().regex(/^\d{12}$/, 'a BIN is exactly 12 digits'),
    iban: z.string().regex(/^KZ\d{2}[0-9A-Z]{16}$/, 'a Kazakh IBAN is KZ, 2 check digits and 16 letters or digits'),
    bic: z.string().regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, 'a BIC is 8 or 11 letters or digits'),
  }),
]);

const ParametersFile = z.object({
  versions: z
    .array(
      z.object({
        effectiveFrom: IsoDateSchema,
        conditionsLeadMonths: z.int().min(1).max(24),
        defaultReviewWorkingDays: z.int().min(1).max(120),
        commercialOffersRequired: z.int().min(1).max(20),
        invoicePaymentWorkingDays: z.int().min(1).max(120),
        invoiceIssuer: InvoiceIssuerSchema,
        source: z.string().min(1),
      }),
    )
    .min(1),
});

/** Reads and checks data/services-rules.json once at start (a bad file stops the app with the path named). */
export function loadServicesParameters(url = new URL('../../../data/services-rules.json', import.meta.url)): readonly ServicesParameters[] {
  const parsed = ParametersFile.safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) throw new Error(`${url.pathname}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.versions;
}

/** The context's outside things behind their ports (ADR 0035 §4). */
export const sharedProviders: Provider[] = [
  {
    provide: WorkingDays,
    useFactory: (): WorkingDays => {
      const calendar = kzCalendar();
      return { add: (date, n) => calendar.addWorkingDays(date, n) };
    },
  },
  {
    provide: ServicesParametersSource,
    useFactory: (): ServicesParametersSource => {
      const versions = loadServicesParameters();
      return { versions: () => versions };
    },
  },
];
