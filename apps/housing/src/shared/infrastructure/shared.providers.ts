import { readFileSync } from 'node:fs';
import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { IsoDateSchema } from '@hub/contracts';
import { kzCalendar } from '@hub/calendar';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { HousingConfig } from '../../config.js';
import type { HousingParameters } from '../domain/housing-parameters.js';
import { HousingParametersSource } from '../application/ports/housing-parameters.source.js';
import { WorkingDays } from '../application/ports/working-days.js';
import { FundOwner } from '../application/ports/fund-owner.js';
import { PiiCipher, piiCipherFrom } from '@hub/pii';

const ParametersFile = z.object({
  versions: z
    .array(
      z.object({
        effectiveFrom: IsoDateSchema,
        vacateWorkingDays: z.int().min(1).max(30),
        offerAcceptanceWorkingDays: z.int().min(1).max(30),
        premisesHandBackWorkingDays: z.int().min(1).max(30),
        source: z.string().min(1),
      }),
    )
    .min(1),
});

/** Reads and checks data/housing-rules.json once at start (a bad file stops the app with the path named). */
export function loadHousingParameters(url = new URL('../../../data/housing-rules.json', import.meta.url)): readonly HousingParameters[] {
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
    provide: HousingParametersSource,
    useFactory: (): HousingParametersSource => {
      const versions = loadHousingParameters();
      return { versions: () => versions };
    },
  },
  { provide: PiiCipher, inject: [HUB_CONFIG], useFactory: (c: HousingConfig) => piiCipherFrom(c) },
  { provide: FundOwner, inject: [HUB_CONFIG], useFactory: (c: HousingConfig): FundOwner => ({ bin: c.HUB_FUND_BIN ?? null }) },
];
