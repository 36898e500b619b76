import { Controller, Get, HttpCode, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { z } from 'zod';
import type { MessageBus } from '@hub/messaging';
import { UnitOfWork } from '../database/unit-of-work.js';
import { Endpoint } from '../http/endpoint.js';
import { MESSAGE_BUS } from '../messaging/tokens.js';
import { ReadinessCheck, type ReadinessCheckOptions, type ReadinessProbe } from './readiness-check.js';

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref())]);

const CheckSchema = z.object({ status: z.enum(['up', 'down']), required: z.boolean(), detail: z.string().optional() });
const HealthSchema = z.object({ status: z.enum(['ok', 'degraded', 'unavailable']), checks: z.record(z.string(), CheckSchema) });
type Health = z.infer<typeof HealthSchema>;

/**
 * Liveness (the process answers) and readiness. Readiness fails (503) only when a dependency the app
 * cannot work without is down: its database. The broker is reported, but a broker outage only makes
 * the app `degraded`: commands still commit, and their events wait in the outbox (ADR 0003, 0035).
 * An app adds its own dependencies with `@ReadinessCheck` providers (e.g. documents' object store).
 */
@Controller('health')
export class HealthController {
  constructor(
    @Optional() @Inject(UnitOfWork) private readonly uow?: UnitOfWork,
    @Optional() @Inject(MESSAGE_BUS) private readonly bus?: MessageBus,
    @Optional() @Inject(DiscoveryService) private readonly discovery?: DiscoveryService,
  ) {}

  private extraChecks?: { options: ReadinessCheckOptions; probe: ReadinessProbe }[];

  /** The app's own `@ReadinessCheck` providers, found once. */
  private checksOfTheApp(): { options: ReadinessCheckOptions; probe: ReadinessProbe }[] {
    this.extraChecks ??= (this.discovery?.getProviders({ metadataKey: ReadinessCheck.KEY }) ?? []).flatMap((w) => {
      const options = this.discovery!.getMetadataByDecorator(ReadinessCheck, w);
      const probe = w.instance as ReadinessProbe | undefined;
      return options && probe && typeof probe.check === 'function' ? [{ options, probe }] : [];
    });
    return this.extraChecks;
  }

  @Get('live')
  @Endpoint({ summary: 'Liveness', tags: ['health'], access: 'public', response: HealthSchema })
  live(): Health {
    return { status: 'ok', checks: {} };
  }

  @Get('ready')
  @HttpCode(200)
  @Endpoint({
    summary: 'Readiness: 503 when the database is down; a broker (or another optional dependency) outage shows as degraded',
    tags: ['health'],
    access: 'public',
    response: HealthSchema,
    errors: [503],
  })
  async ready(): Promise<Health> {
    const checks: Health['checks'] = {};
    const probe = async (name: string, required: boolean, p: Promise<unknown>): Promise<void> => {
      try {
        await p;
        checks[name] = { status: 'up', required };
      } catch (e) {
        checks[name] = { status: 'down', required, detail: (e as Error).message };
      }
    };
    await Promise.all([
      this.uow ? probe('database', true, withTimeout(this.uow.reader().execute('select 1'), 2_000, 'PostgreSQL')) : undefined,
      this.bus ? probe('kafka', false, withTimeout(this.bus.ping(), 3_000, 'Kafka')) : undefined,
      ...this.checksOfTheApp().map(({ options, probe: p }) =>
        probe(options.name, options.required, withTimeout(p.check(), options.timeoutMs ?? 3_000, options.name)),
      ),
    ]);
    const down = Object.values(checks).filter((c) => c.status === 'down');
    if (down.some((c) => c.required)) throw new ServiceUnavailableException({ status: 'unavailable', checks, message: 'not ready' });
    return { status: down.length ? 'degraded' : 'ok', checks };
  }
}
