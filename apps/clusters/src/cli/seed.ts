/**
 * Demo data for DATABASE_URL (what `tools/hub up` runs). The only rule set of the selection programme
 * (the 2015 rules, ADR 0080) is repealed, so no round can be announced today (C-3): the seed starts
 * the context (which checks data/cluster-selection-rules.json) and reports the rule sets and rounds.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_clusters node dist/cli/seed.js
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { KnownDocumentsModule } from '@hub/nest-commons';
import { clustersPlatform } from '../app.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { SelectionQueries } from '../selection/application/queries/selection.queries.js';
import { SelectionModule } from '../selection/selection.module.js';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/hub_clusters)\n');
    process.exit(78);
  }
  const env = {
    PORT: process.env.PORT ?? '3106',
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
  @Module({ imports: [clustersPlatform(env), SelectionModule, ParticipantsModule, KnownDocumentsModule] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const queries = app.get(SelectionQueries);
    const sets = queries.ruleSetsView();
    const rounds = await queries.rounds();
    process.stdout.write(
      `clusters seed: ${sets.length} rule set(s) (${sets.map((s) => `${s.id}${s.inForceToday ? '' : ' repealed'}`).join(', ')}); ${rounds.length} round(s); nothing to add\n`,
    );
  } finally {
    await app.close();
  }
}

await main();
