/**
 * Demo data for DATABASE_URL (what `tools/hub up` shows a new user), made through the real command
 * handlers and the real inbox handler — the same transactions, outbox events and timers as the HTTP
 * API and Kafka: a building in Astana with two dwellings and one production premises, two people
 * enrolled in an acceleration cohort in Astana (as services would publish it), both asking for housing
 * and offered beds, and two in Almaty waiting (no dwelling there yet). Idempotent: a database that has buildings is left as it is.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_housing HUB_PII_KEYS=… HUB_PII_ACTIVE_KEY=… node dist/cli/seed.js
 *
 * The events stay in the outbox until the app's relay publishes them (HUB_RUN_WORKERS=true).
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { type Actor, CohortEnrolmentMadeV2, type EventEnvelope, type PayloadOf } from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { PiiCipher } from '@hub/pii';
import { RequestHousingCommand } from '../acceleration/application/commands/acceleration.commands.js';
import { CohortEnrolmentMadeV2Handler } from '../acceleration/application/event-handlers/cohort.handlers.js';
import { HOUSING_MODULES, housingPlatform } from '../app.module.js';
import { RegisterBuildingCommand, RegisterUnitCommand } from '../inventory/application/commands/inventory.commands.js';
import { InventoryReadModel } from '../inventory/application/ports/inventory.repository.js';

const ASTANA = { katoCode: '711210000', name: 'Astana' };
const ALMATY = { katoCode: '751110000', name: 'Almaty' };
const PEOPLE = [
  { subject: 'seed-person-1', iin: '950101300011', phone: '+77010000001', enrolledOn: '2026-11-02', town: ASTANA },
  { subject: 'seed-person-2', iin: '960202400022', phone: '+77010000002', enrolledOn: '2026-11-03', town: ASTANA },
  // waiting in Almaty, where the seed has no dwelling: the housing manager registers one and offers a chosen bed (ADR 0124 session)
  { subject: 'seed-person-3', iin: '970303300033', phone: '+77010000003', enrolledOn: '2026-11-04', town: ALMATY },
  { subject: 'seed-person-4', iin: '980404400044', phone: '+77010000004', enrolledOn: '2026-11-05', town: ALMATY },
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
    // F-42: residents' IIN and contacts are encrypted with the app's key ring (tools/hub generates a development one).
    HUB_PII_KEYS: process.env.HUB_PII_KEYS,
    HUB_PII_ACTIVE_KEY: process.env.HUB_PII_ACTIVE_KEY,
    HUB_LOG_LEVEL: 'warn',
    HUB_RUN_WORKERS: 'false',
  };
  @Module({ imports: [housingPlatform(env), ...HOUSING_MODULES] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const bus = app.get(CommandBus);
    if ((await app.get(InventoryReadModel).buildings({})).length > 0) {
      process.stdout.write('housing seed: buildings exist, nothing to do\n');
      return;
    }
    const { id: buildingId } = await bus.execute(
      new RegisterBuildingCommand({ name: 'Astana Hub residence', address: 'Mangilik El 55/8, Astana', town: ASTANA }),
    );
    const meters = [
      { code: 'E-1', kind: 'electricity' as const },
      { code: 'W-1', kind: 'cold-water' as const },
    ];
    const inventory = [
      { item: 'bed', quantity: 2 },
      { item: 'wardrobe', quantity: 1 },
      { item: 'desk', quantity: 2 },
    ];
    await bus.execute(new RegisterUnitCommand(buildingId, { code: 'R-101', kind: 'dwelling', rooms: [{ code: '1', beds: ['a', 'b'] }], inventory, meters }));
    await bus.execute(new RegisterUnitCommand(buildingId, { code: 'R-102', kind: 'dwelling', rooms: [{ code: '1', beds: ['a'] }], inventory, meters }));
    await bus.execute(new RegisterUnitCommand(buildingId, { code: 'P-01', kind: 'premises', premisesKind: 'production', areaM2: '64.50' }));
    // Enrolments as services publishes them, through the real inbox handler (in a unit of work, as the platform runs it).
    // v2 (ADR 0123), as services publishes today: the person is the IIN's blind index (`personRef`, under the
    // index key services and housing share) and the individual recipient a pseudonym — no IIN on the bus (F-42).
    const enrolments = app.get(CohortEnrolmentMadeV2Handler);
    const cipher = app.get(PiiCipher);
    const uow = app.get(UnitOfWork);
    const cohortId = uuidv7();
    for (const p of PEOPLE) {
      const enrolmentId = uuidv7();
      const envelope: EventEnvelope<PayloadOf<typeof CohortEnrolmentMadeV2>> = {
        id: uuidv7(),
        type: CohortEnrolmentMadeV2.type,
        version: CohortEnrolmentMadeV2.version,
        occurredAt: new Date().toISOString(),
        correlationId: uuidv7(),
        causationId: null,
        aggregateId: enrolmentId,
        payload: {
          enrolmentId,
          cohortId,
          serviceId: uuidv7(),
          recipientKind: 'individual',
          recipientId: uuidv7(),
          personRef: cipher.blindIndex(p.iin),
          contractId: uuidv7(),
          town: p.town,
          cohortStartsOn: '2026-11-02',
          cohortEndsOn: '2027-12-31',
          enrolledOn: p.enrolledOn,
        },
      };
      await uow.run(() => enrolments.handle(envelope));
      const person: Actor = { subject: p.subject, roles: ['applicant'], companies: [], name: p.subject };
      await bus.execute(
        new RequestHousingCommand(
          {
            enrolmentId,
            iin: p.iin,
            contacts: { phone: p.phone },
            declaration: { noHousingInTown: true, evidence: `e-gov certificate: no real estate in ${p.town.name}` },
          },
          person,
        ),
      );
    }
    process.stdout.write('housing seed: 1 building, 3 units, 4 enrolments, 4 housing requests (offers for the free beds in Astana; the two in Almaty wait)\n');
  } finally {
    await app.close();
  }
}

await main();
