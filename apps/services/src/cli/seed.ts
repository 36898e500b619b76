/**
 * Demo data for DATABASE_URL (what `tools/hub up` shows a new user): two catalogue services with
 * price lists and a call each, made through the real command handlers. Idempotent: a catalogue that
 * already has services is left as it is.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_services node dist/cli/seed.js
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { addCalendarDays, addMonths, almatyDate } from '@hub/calendar';
import { SERVICES_MODULES, servicesPlatform } from '../app.module.js';
import { AddPriceCommand, DefineServiceCommand, PublishCallCommand } from '../catalogue/application/commands/catalogue.commands.js';
import { CatalogueReadModel } from '../catalogue/application/ports/catalogue.read-model.js';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/hub_services)\n');
    process.exit(78);
  }
  const env = {
    PORT: process.env.PORT ?? '3103',
    DATABASE_URL: url,
    HUB_KAFKA_BROKERS: process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092',
    HUB_AUTH_ISSUER: process.env.HUB_AUTH_ISSUER ?? 'seed',
    ...(process.env.HUB_AUTH_JWKS_FILE
      ? { HUB_AUTH_JWKS_FILE: process.env.HUB_AUTH_JWKS_FILE }
      : { HUB_AUTH_JWKS_URL: process.env.HUB_AUTH_JWKS_URL ?? 'http://127.0.0.1:9/unused' }),
    HUB_LOG_LEVEL: 'warn',
    HUB_RUN_WORKERS: 'false',
  };
  @Module({ imports: [servicesPlatform(env), ...SERVICES_MODULES] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const bus = app.get(CommandBus);
    if ((await app.get(CatalogueReadModel).services()).length > 0) {
      process.stdout.write('services seed: the catalogue already has services\n');
      return;
    }
    const today = almatyDate(new Date());
    const opens = addCalendarDays(addMonths(today, 1), 1); // F-55: conditions published today, intake a month later
    const demo = [
      {
        code: 'acceleration-2027',
        title: 'Acceleration programme',
        direction: 'acceleration',
        eligibility: 'anyone',
        sections: { readiness: true, team: true, pitch: true },
        p: 50_000_000,
        n: 150_000_000,
      },
      {
        code: 'go-to-market-consultation',
        title: 'Go-to-market consultation',
        direction: 'consultation',
        eligibility: 'participants-only',
        sections: { readiness: true, team: false, pitch: false },
        p: 0,
        n: null,
      },
    ] as const;
    for (const d of demo) {
      const { id } = await bus.execute(
        new DefineServiceCommand({
          code: d.code,
          title: d.title,
          direction: d.direction,
          eligibility: d.eligibility,
          requiredSections: d.sections,
          delivery: 'fund',
        }),
      );
      await bus.execute(
        new AddPriceCommand(id, { effectiveFrom: today, participantPriceTiyn: d.p, nonParticipantPriceTiyn: d.n, documentRef: 'Demo price list No. 1' }),
      );
      await bus.execute(
        new PublishCallCommand({
          serviceId: id,
          title: `${d.title}: intake ${opens}`,
          contractConditions: 'Demo conditions for concluding a contract (F-55).',
          draftContract: { serviceConditions: 'Demo service conditions', paymentOrder: '100 % before the service starts', paymentAmount: 'per the price list' },
          intakeOpensOn: opens,
          intakeClosesOn: addCalendarDays(opens, 30),
        }),
      );
    }
    process.stdout.write(`services seed: ${demo.length} services with prices and calls (intake from ${opens})\n`);
  } finally {
    await app.close();
  }
}

await main();
