import type { Provider } from '@nestjs/common';
import { kzCalendar } from '@hub/calendar';
import { HUB_CONFIG } from '@hub/nest-commons';
import { referenceData } from '@hub/reference-data';
import type { ParticipationConfig } from '../../config.js';
import { PiiCipher, piiCipherFrom } from '@hub/pii';
import { DeadlineTimers } from '../application/ports/deadline-timers.js';
import { Deadlines } from '../domain/deadlines.js';
import { PlatformDeadlineTimers } from './deadline-timers.js';

/** The context's outside things behind their ports (ADR 0035 §4): the statutory calendar, durable timers, the F-42 cipher. */
export const sharedProviders: Provider[] = [
  { provide: Deadlines, useFactory: () => new Deadlines(kzCalendar(), referenceData()) },
  { provide: DeadlineTimers, useClass: PlatformDeadlineTimers },
  { provide: PiiCipher, inject: [HUB_CONFIG], useFactory: (c: ParticipationConfig) => piiCipherFrom(c) },
];
