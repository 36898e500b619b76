import { readFileSync } from 'node:fs';
import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { IsoDateSchema } from '@hub/contracts';
import { kzCalendar } from '@hub/calendar';
import type { ServicesParameters } from '../../catalogue/domain/services-parameters.js';
import { ServicesParametersSource } from '../application/ports/services-parameters.source.js';
import { WorkingDays } from '../application/ports/working-days.js';

const ParametersFile = z.object({
  versions: z
    .array(
      z.object({
        effectiveFrom: IsoDateSchema,
        conditionsLeadMonths: z.int().min(1).max(24),
        defaultReviewWorkingDays: z.int().min(1).max(120),
        commercialOffersRequired: z.int().min(1).max(20),
        invoicePaymentWorkingDays: z.int().min(1).max(120),
        invoiceIssuer: z.object({
          nameKk: z.string().min(1),
          nameRu: z.string().min(1),
          bin: z.string().min(1),
          iban: z.string().min(1),
          bank: z.string().min(1),
          bic: z.string().min(1),
        }),
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
