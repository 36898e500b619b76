/**
 * Demo data for DATABASE_URL (what `tools/hub up` shows a new user): requests of a few companies,
 * made through the real command handler — the same transactions, outbox events and timers as the
 * HTTP API. Idempotent: a company that already has requests is skipped.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_housing node dist/cli/seed.js
 *
 * The events stay in the outbox until the app's relay publishes them (HUB_RUN_WORKERS=true).
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { makeBin } from '@hub/identifiers';
import { housingPlatform } from '../app.module.js';
import { OpenRequestCommand } from '../requests/application/commands/open-request/open-request.command.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { RequestsQueries } from '../requests/application/queries/requests.queries.js';
import { RequestsModule } from '../requests/requests.module.js';

const COMPANIES: readonly { serial: number; name: string; subjects: readonly string[] }[] = [
  { serial: 20101, name: 'Alatau Analytics LLP', subjects: ['First demo request', 'Second demo request'] },
  { serial: 20202, name: 'Steppe Games LLP', subjects: ['A demo request of Steppe Games'] },
];

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/hub_housing)\n');
    process.exit(78);
  }
  const env = {
    PORT: process.env.PORT ?? '3104',
    DATABASE_URL: url,
    HUB_KAFKA_BROKERS: process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092',
    HUB_AUTH_ISSUER: process.env.HUB_AUTH_ISSUER ?? 'seed',
    // The seed verifies no token: a JWKS URL that is never fetched is enough when none is configured.
    ...(process.env.HUB_AUTH_JWKS_FILE
      ? { HUB_AUTH_JWKS_FILE: process.env.HUB_AUTH_JWKS_FILE }
      : { HUB_AUTH_JWKS_URL: process.env.HUB_AUTH_JWKS_URL ?? 'http://127.0.0.1:9/unused' }),
    HUB_LOG_LEVEL: 'warn',
    HUB_RUN_WORKERS: 'false',
  };
  @Module({ imports: [housingPlatform(env), RequestsModule, ParticipantsModule] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  const staff: Actor = { subject: 'seed-fund-officer', roles: ['fund-officer'], companies: [], name: 'Seed' };
  let created = 0;
  try {
    const bus = app.get(CommandBus);
    const queries = app.get(RequestsQueries);
    for (const c of COMPANIES) {
      const bin = makeBin({ year: 2019, month: 1 + (c.serial % 12), serial: c.serial });
      if ((await queries.list(staff, { bin })).length > 0) continue;
      const representative: Actor = { subject: `seed-rep-${bin}`, roles: ['applicant'], companies: [bin], name: `Representative of ${c.name}` };
      for (const subject of c.subjects) {
        await bus.execute(new OpenRequestCommand({ bin, subject }, representative));
        created += 1;
      }
    }
    const total = (await queries.list(staff, {})).length;
    process.stdout.write(`housing seed: ${created} new request(s); ${total} request(s) in the database\n`);
  } finally {
    await app.close();
  }
}

await main();
