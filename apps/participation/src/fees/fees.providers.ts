import type { Provider } from '@nestjs/common';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { ParticipationConfig } from '../config.js';
import { FeePaymentRepository, FeeRepository } from './application/ports/fee.repository.js';
import { Tariff } from './domain/tariff.js';
import { MikroOrmFeePaymentRepository, MikroOrmFeeRepository } from './infrastructure/fee.mikro-orm.repositories.js';
import { loadTariffFile } from './infrastructure/tariff-file.js';

/**
 * What the fees module's use cases inject (ADR 0035 §4, §5): its repositories and the tariff.
 * The app module registers them where the command and timer handlers can reach them (the
 * context's global providers).
 */
export const FEE_PROVIDERS: Provider[] = [
  { provide: FeeRepository, useClass: MikroOrmFeeRepository },
  { provide: FeePaymentRepository, useClass: MikroOrmFeePaymentRepository },
  { provide: Tariff, useFactory: (config: ParticipationConfig) => loadTariffFile(config.HUB_FEE_TARIFF_FILE), inject: [HUB_CONFIG] },
];

/** The tokens of FEE_PROVIDERS, for a module's `exports`. */
export const FEE_EXPORTS = [FeeRepository, FeePaymentRepository, Tariff];
