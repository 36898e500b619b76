import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { z } from 'zod';
import type { MessageBus } from '@hub/messaging';
import { UnitOfWork } from '../database/unit-of-work.js';
import { Endpoint } from '../http/endpoint.js';
import { MESSAGE_BUS } from '../messaging/tokens.js';

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref())]);

const HealthSchema = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.record(z.string(), z.object({ status: z.enum(['up', 'down']), detail: z.string().optional() })) });

/** Liveness (the process answers) and readiness (its database and the broker answer). */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  @Get('live')
  @Endpoint({ summary: 'Liveness', tags: ['health'], access: 'public', response: HealthSchema })
  live(): z.infer<typeof HealthSchema> {
    return { status: 'ok', checks: {} };
  }

  @Get('ready')
  @HttpCode(200)
  @Endpoint({ summary: 'Readiness: database and Kafka', tags: ['health'], access: 'public', response: HealthSchema, errors: [503] })
  async ready(): Promise<z.infer<typeof HealthSchema>> {
    const checks: z.infer<typeof HealthSchema>['checks'] = {};
    await Promise.all([
      withTimeout(this.uow.reader().execute('select 1'), 2_000, 'PostgreSQL').then(
        () => void (checks.database = { status: 'up' }),
        (e: Error) => void (checks.database = { status: 'down', detail: e.message }),
      ),
      withTimeout(this.bus.ping(), 3_000, 'Kafka').then(
        () => void (checks.kafka = { status: 'up' }),
        (e: Error) => void (checks.kafka = { status: 'down', detail: e.message }),
      ),
    ]);
    const ok = Object.values(checks).every((c) => c.status === 'up');
    if (!ok) throw new ServiceUnavailableException({ status: 'unavailable', checks, message: 'not ready' });
    return { status: 'ok', checks };
  }
}
