/**
 * Demo data for DATABASE_URL (what `tools/hub up` shows a new user): one announced intake (F-64),
 * made through the real command handler — the same transactions, outbox events and timers as the
 * HTTP API. Idempotent: skipped when an intake exists.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_training node dist/cli/seed.js
 *
 * The events stay in the outbox until the app's relay publishes them (HUB_RUN_WORKERS=true).
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { KnownDocumentsModule } from '@hub/nest-commons';
import { trainingPlatform } from '../app.module.js';
import { AnnounceIntakeCommand } from '../intakes/application/intakes.commands.js';
import { IntakesQueries } from '../intakes/infrastructure/intakes.queries.js';
import { CommissionModule } from '../commission/commission.module.js';
import { IntakesModule } from '../intakes/intakes.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/hub_training)\n');
    process.exit(78);
  }
  const env = {
    PORT: process.env.PORT ?? '3105',
    DATABASE_URL: url,
    HUB_KAFKA_BROKERS: process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092',
    HUB_AUTH_ISSUER: process.env.HUB_AUTH_ISSUER ?? 'seed',
    // The seed verifies no token: a JWKS URL that is never fetched is enough when none is configured.
    ...(process.env.HUB_AUTH_JWKS_FILE
      ? { HUB_AUTH_JWKS_FILE: process.env.HUB_AUTH_JWKS_FILE }
      : { HUB_AUTH_JWKS_URL: process.env.HUB_AUTH_JWKS_URL ?? 'http://127.0.0.1:9/unused' }),
    HUB_LOG_LEVEL: 'warn',
    HUB_RUN_WORKERS: 'false',
    HUB_PII_KEYS: process.env.HUB_PII_KEYS,
    HUB_PII_ACTIVE_KEY: process.env.HUB_PII_ACTIVE_KEY,
  };
  // CommissionModule: the completeness review publishes the Commission's agenda (ADR 0138) through its publisher.
  @Module({ imports: [trainingPlatform(env), IntakesModule, CommissionModule, ParticipantsModule, KnownDocumentsModule] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  const officer: Actor = { subject: 'seed-training-officer', roles: ['training-officer'], companies: [], name: 'Seed' };
  try {
    const queries = app.get(IntakesQueries);
    if ((await queries.intakes()).length === 0) {
      await app.get(CommandBus).execute(
        new AnnounceIntakeCommand(
          {
            title: 'ICT training intake 2027',
            opensOn: '2026-12-01',
            closesOn: '2027-01-31',
            selectionCriteria: { version: 'demo-1', text: 'Demo selection criteria (the Fund’s internal document, F-77)' },
            intakeOrder: { version: 'demo-1', text: 'Demo intake order (the Fund’s internal document, F-77)' },
          },
          officer,
        ),
      );
    }
    process.stdout.write(`training seed: ${(await queries.intakes()).length} intake(s) in the database\n`);
  } finally {
    await app.close();
  }
}

await main();
