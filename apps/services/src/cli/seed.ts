/**
 * Demo data for DATABASE_URL (what `tools/hub up` shows a new user), made through the real command
 * handlers and use cases (the same transactions, outbox events and timers as the HTTP API):
 *  - two catalogue services with price lists and a call each, published today (F-55: their intake
 *    opens a month later);
 *  - a contract with money on it (F-55): a third service whose call was published 45 days ago, so
 *    that its intake has been running for two weeks — the seed runs its handlers on a controlled
 *    clock stepping through that history (as registration's seed does; ADR 0066 "Demo data"): the
 *    call published on day −45, a legal entity (not a participant) applies on the first working day
 *    of the intake, the Fund concludes and signs the contract at the non-participant price (F-56),
 *    and today finance issues an invoice and the Fund an act of delivery for the recipient to answer;
 *  - an acceleration cohort open for enrolment (F-44): an acceleration service whose call ran the
 *    same history, a company's signed contract under it, and a cohort in Astana that started a week
 *    ago — the staff desk enrols, expels and completes people there (ADR 0115).
 * Idempotent: each part is skipped when its data is already there.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_services node dist/cli/seed.js
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { addCalendarDays, addMonths, almatyDate, kzCalendar, startOfAlmatyDay } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock, ManualClock } from '@hub/kernel';
import { SERVICES_MODULES, servicesPlatform } from '../app.module.js';
import { DecideApplicationCommand, FileApplicationCommand, SignContractCommand } from '../applications/application/commands/application.commands.js';
import { ServiceApplicationReadModel } from '../applications/application/ports/application.read-model.js';
import { BillingUseCases } from '../billing/infrastructure/billing.use-cases.js';
import { AddPriceCommand, DefineServiceCommand, PublishCallCommand } from '../catalogue/application/commands/catalogue.commands.js';
import { CatalogueReadModel } from '../catalogue/application/ports/catalogue.read-model.js';
import { OpenCohortCommand } from '../cohorts/application/commands/cohort.commands.js';

/** The demo recipient of the contract with money on it (a legal entity, not a participant): its representative sees the invoice. */
export const DEMO_CONTRACT_BIN = '240540010013';
/** The demo company under an acceleration contract (F-44, F-55): the cohort's people are enrolled under its contract. */
export const DEMO_ACCELERATION_BIN = '240640010027';
const HISTORY_DAYS = 45;

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
    // F-42 (ADR 0068): the key ring the app itself runs with
    ...(process.env.HUB_PII_KEYS ? { HUB_PII_KEYS: process.env.HUB_PII_KEYS } : {}),
    ...(process.env.HUB_PII_ACTIVE_KEY ? { HUB_PII_ACTIVE_KEY: process.env.HUB_PII_ACTIVE_KEY } : {}),
    ...(process.env.HUB_PII_INDEX_KEY ? { HUB_PII_INDEX_KEY: process.env.HUB_PII_INDEX_KEY } : {}),
  };
  const realNow = new Date();
  const clock = new ManualClock(realNow);
  @Module({ imports: [servicesPlatform(env), ...SERVICES_MODULES] })
  class SeedModule {}
  const app = await Test.createTestingModule({ imports: [SeedModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await app.init();
  try {
    const bus = app.get(CommandBus);
    await contractWithMoney(app, clock, realNow);
    await accelerationCohort(app, clock, realNow);
    if ((await app.get(CatalogueReadModel).services()).some((s) => s.code === 'acceleration-2027')) {
      process.stdout.write('services seed: the catalogue already has services\n');
      return;
    }
    const today = almatyDate(realNow);
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

type App = Awaited<ReturnType<ReturnType<typeof Test.createTestingModule>['compile']>>;

/** F-55 on the calendar: the history of one contract, each step at its own moment (see the file's comment). */
async function contractWithMoney(app: App, clock: ManualClock, realNow: Date): Promise<void> {
  const bus = app.get(CommandBus);
  const applications = app.get(ServiceApplicationReadModel);
  if ((await applications.list({ recipientIds: [DEMO_CONTRACT_BIN] })).length > 0) {
    process.stdout.write('services seed: the demo contract is already there\n');
    return;
  }
  const calendar = kzCalendar();
  const today = almatyDate(realNow);
  /** 10:00 in Almaty on a civil day. */
  const at = (day: string): void => clock.set(new Date(startOfAlmatyDay(day).getTime() + 10 * 3_600_000));
  const published = addCalendarDays(today, -HISTORY_DAYS);
  const opens = addCalendarDays(addMonths(published, 1), 1); // F-55: a month after the conditions, to the day
  at(published);
  const { id: serviceId } = await bus.execute<DefineServiceCommand, { id: string }>(
    new DefineServiceCommand({
      code: 'pitch-consultation',
      title: 'Pitch and investor-readiness consultation',
      direction: 'consultation',
      eligibility: 'anyone',
      requiredSections: { readiness: true, team: false, pitch: false },
      delivery: 'fund',
    }),
  );
  await bus.execute(
    new AddPriceCommand(serviceId, {
      effectiveFrom: published,
      participantPriceTiyn: 20_000_000,
      nonParticipantPriceTiyn: 60_000_000,
      documentRef: 'Demo price list No. 1',
    }),
  );
  const { id: callId } = await bus.execute<PublishCallCommand, { id: string }>(
    new PublishCallCommand({
      serviceId,
      title: `Pitch consultations: intake ${opens}`,
      contractConditions: 'Demo conditions for concluding a contract (F-55).',
      draftContract: {
        serviceConditions: 'Three consultation sessions',
        paymentOrder: 'Two instalments, each due 10 working days after its invoice',
        paymentAmount: 'per the price list',
      },
      intakeOpensOn: opens,
      intakeClosesOn: addCalendarDays(opens, 60),
    }),
  );
  // the first working day of the intake (on or before today): the recipient applies, the Fund decides and signs
  let filedOn = opens;
  while (!calendar.isWorkingDay(filedOn) && filedOn < today) filedOn = addCalendarDays(filedOn, 1);
  at(filedOn);
  const applicant: Actor = {
    subject: `seed-rep-${DEMO_CONTRACT_BIN}`,
    roles: ['applicant'],
    companies: [DEMO_CONTRACT_BIN],
    name: 'Representative of Nomad Robotics LLP',
  };
  const { id } = await bus.execute<FileApplicationCommand, { id: string }>(
    new FileApplicationCommand(
      {
        callId,
        recipient: { kind: 'legal-entity', bin: DEMO_CONTRACT_BIN },
        language: 'ru',
        declarationAccepted: true,
        content: {
          project: {
            name: 'Nomad Robotics',
            direction: 'Warehouse robotics',
            summary: 'Autonomous carts for regional warehouses',
            expectedResults: 'A pitch ready for a seed round',
          },
          contacts: { phone: '+7 701 555 0101', email: 'hello@nomad-robotics.kz', city: 'Astana', country: 'Kazakhstan' },
          readiness: {
            stage: 'MVP in a pilot warehouse',
            technologies: 'ROS 2, computer vision',
            problem: 'Manual picking is slow',
            businessModel: 'Robots as a service',
            lifetime: '3 years',
          },
          team: null,
          pitchUrl: null,
        },
      },
      applicant,
    ),
  );
  clock.set(new Date(clock.now().getTime() + 2 * 3_600_000));
  await bus.execute(new DecideApplicationCommand(id, { outcome: 'conclude-contract' }));
  await bus.execute(new SignContractCommand(id));
  // today: finance invoices the first instalment, the Fund states the first session delivered
  clock.set(realNow);
  const billing = app.get(BillingUseCases);
  const finance: Actor = { subject: 'seed-finance', roles: ['finance-officer'], companies: [], name: 'Fund finance' };
  await billing.issueInvoice(id, { amountTiyn: 30_000_000, purpose: 'First instalment under the contract (50 %)' }, finance);
  await billing.issueAct(id, { deliveredFrom: filedOn, deliveredTo: today, description: 'First consultation session: pitch structure and the investor deck' });
  process.stdout.write(
    `services seed: a contract signed on ${filedOn} (intake from ${opens}) with an invoice and a delivery act for BIN ${DEMO_CONTRACT_BIN}\n`,
  );
}

/** F-44 on the calendar: an acceleration call published 45 days ago, a company contracted in its intake, a cohort running since a week ago. */
async function accelerationCohort(app: App, clock: ManualClock, realNow: Date): Promise<void> {
  const bus = app.get(CommandBus);
  if ((await app.get(ServiceApplicationReadModel).list({ recipientIds: [DEMO_ACCELERATION_BIN] })).length > 0) {
    process.stdout.write('services seed: the demo acceleration cohort is already there\n');
    return;
  }
  const calendar = kzCalendar();
  const today = almatyDate(realNow);
  const at = (day: string): void => clock.set(new Date(startOfAlmatyDay(day).getTime() + 10 * 3_600_000));
  const published = addCalendarDays(today, -HISTORY_DAYS);
  const opens = addCalendarDays(addMonths(published, 1), 1); // F-55: a month after the conditions, to the day
  at(published);
  const { id: serviceId } = await bus.execute<DefineServiceCommand, { id: string }>(
    new DefineServiceCommand({
      code: 'acceleration-winter-cohort',
      title: 'Acceleration programme: winter cohort',
      direction: 'acceleration',
      eligibility: 'anyone',
      requiredSections: { readiness: true, team: false, pitch: false },
      delivery: 'fund',
    }),
  );
  await bus.execute(
    new AddPriceCommand(serviceId, {
      effectiveFrom: published,
      participantPriceTiyn: 0,
      nonParticipantPriceTiyn: 40_000_000,
      documentRef: 'Demo price list No. 1',
    }),
  );
  const { id: callId } = await bus.execute<PublishCallCommand, { id: string }>(
    new PublishCallCommand({
      serviceId,
      title: `Acceleration, winter cohort: intake ${opens}`,
      contractConditions: 'Demo conditions for concluding a contract (F-55).',
      draftContract: {
        serviceConditions: 'Twelve weeks of acceleration in Astana',
        paymentOrder: '100 % before the cohort starts',
        paymentAmount: 'per the price list',
      },
      intakeOpensOn: opens,
      intakeClosesOn: addCalendarDays(opens, 60),
    }),
  );
  let filedOn = opens;
  while (!calendar.isWorkingDay(filedOn) && filedOn < today) filedOn = addCalendarDays(filedOn, 1);
  at(filedOn);
  const applicant: Actor = {
    subject: `seed-rep-${DEMO_ACCELERATION_BIN}`,
    roles: ['applicant'],
    companies: [DEMO_ACCELERATION_BIN],
    name: 'Representative of Steppe Sensors LLP',
  };
  const { id } = await bus.execute<FileApplicationCommand, { id: string }>(
    new FileApplicationCommand(
      {
        callId,
        recipient: { kind: 'legal-entity', bin: DEMO_ACCELERATION_BIN },
        language: 'ru',
        declarationAccepted: true,
        content: {
          project: { name: 'Steppe Sensors', direction: 'Agritech', summary: 'Soil sensors for grain farms', expectedResults: 'Five paying farms' },
          contacts: { phone: '+7 701 555 0202', email: 'team@steppe-sensors.kz', city: 'Astana', country: 'Kazakhstan' },
          readiness: {
            stage: 'Prototype',
            technologies: 'LoRaWAN',
            problem: 'Irrigation by guesswork',
            businessModel: 'Sensors with a subscription',
            lifetime: '4 years',
          },
          team: null,
          pitchUrl: null,
        },
      },
      applicant,
    ),
  );
  clock.set(new Date(clock.now().getTime() + 2 * 3_600_000));
  await bus.execute(new DecideApplicationCommand(id, { outcome: 'conclude-contract' }));
  await bus.execute(new SignContractCommand(id));
  clock.set(realNow);
  const startsOn = addCalendarDays(today, -7);
  await bus.execute(
    new OpenCohortCommand({
      serviceId,
      title: 'Winter acceleration cohort',
      town: { katoCode: '711000000', name: 'Astana' },
      startsOn,
      endsOn: addCalendarDays(startsOn, 84),
      capacity: 12,
    }),
  );
  process.stdout.write(`services seed: an acceleration cohort from ${startsOn} with a contract for BIN ${DEMO_ACCELERATION_BIN}\n`);
}

await main();
