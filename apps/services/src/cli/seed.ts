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
 *    the contracts name their payers (ADR 0123), printed on the invoice PDFs;
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
import type { ApplicationContent } from '../applications/domain/service-application.aggregate.js';
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
    const demo: DemoService[] = [
      {
        code: 'acceleration-2027',
        title: 'Acceleration programme',
        direction: 'acceleration',
        eligibility: 'anyone',
        sections: { readiness: true, team: true, pitch: true },
        prices: { participant: 50_000_000, nonParticipant: 150_000_000 },
      },
      {
        code: 'go-to-market-consultation',
        title: 'Go-to-market consultation',
        direction: 'consultation',
        eligibility: 'participants-only',
        sections: { readiness: true, team: false, pitch: false },
        prices: { participant: 0, nonParticipant: null },
      },
    ];
    for (const d of demo) {
      await serviceWithCall(bus, d, today, {
        title: `${d.title}: intake ${opens}`,
        draftContract: { serviceConditions: 'Demo service conditions', paymentOrder: '100 % before the service starts', paymentAmount: 'per the price list' },
        intakeOpensOn: opens,
        intakeClosesOn: addCalendarDays(opens, 30),
      });
    }
    process.stdout.write(`services seed: ${demo.length} services with prices and calls (intake from ${opens})\n`);
  } finally {
    await app.close();
  }
}

type App = Awaited<ReturnType<ReturnType<typeof Test.createTestingModule>['compile']>>;
type Bus = CommandBus;

/** A catalogue entry as the seed defines it: delivered by the Fund, its price list from the day it is defined. */
interface DemoService {
  code: string;
  title: string;
  direction: 'acceleration' | 'consultation';
  eligibility: 'anyone' | 'participants-only';
  sections: { readiness: boolean; team: boolean; pitch: boolean };
  /** Integer tiyn (ADR 0036); null where the Fund sets no price. */
  prices: { participant: number | null; nonParticipant: number | null };
}

/** F-43 … F-47, F-55, F-56: a service, its price in force from `on`, and one call (published on the clock's day). */
async function serviceWithCall(
  bus: Bus,
  d: DemoService,
  on: string,
  call: {
    title: string;
    draftContract: { serviceConditions: string; paymentOrder: string; paymentAmount: string };
    intakeOpensOn: string;
    intakeClosesOn: string;
  },
): Promise<{ serviceId: string; callId: string }> {
  const { id: serviceId } = await bus.execute<DefineServiceCommand, { id: string }>(
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
    new AddPriceCommand(serviceId, {
      effectiveFrom: on,
      participantPriceTiyn: d.prices.participant,
      nonParticipantPriceTiyn: d.prices.nonParticipant,
      documentRef: 'Demo price list No. 1',
    }),
  );
  const { id: callId } = await bus.execute<PublishCallCommand, { id: string }>(
    new PublishCallCommand({ serviceId, contractConditions: 'Demo conditions for concluding a contract (F-55).', ...call }),
  );
  return { serviceId, callId };
}

/** 10:00 in Almaty on a civil day, on the seed's clock. */
const tenOClock = (clock: ManualClock, day: string): void => clock.set(new Date(startOfAlmatyDay(day).getTime() + 10 * 3_600_000));

/**
 * F-47 … F-56 on the calendar: a company applies on the first working day of the call's intake (on or before
 * today), the Fund concludes and signs the contract two hours later with the payer's name (ADR 0123).
 * Returns the application and the filing day.
 */
async function contractedOnFirstIntakeDay(
  bus: Bus,
  clock: ManualClock,
  o: { callId: string; opens: string; today: string; bin: string; company: string; content: ApplicationContent },
): Promise<{ id: string; filedOn: string }> {
  const calendar = kzCalendar();
  let filedOn = o.opens;
  while (!calendar.isWorkingDay(filedOn) && filedOn < o.today) filedOn = addCalendarDays(filedOn, 1);
  tenOClock(clock, filedOn);
  const applicant: Actor = { subject: `seed-rep-${o.bin}`, roles: ['applicant'], companies: [o.bin], name: `Representative of ${o.company}` };
  const { id } = await bus.execute<FileApplicationCommand, { id: string }>(
    new FileApplicationCommand(
      { callId: o.callId, recipient: { kind: 'legal-entity', bin: o.bin }, language: 'ru', declarationAccepted: true, content: o.content },
      applicant,
    ),
  );
  clock.set(new Date(clock.now().getTime() + 2 * 3_600_000));
  await bus.execute(new DecideApplicationCommand(id, { outcome: 'conclude-contract' }));
  await bus.execute(new SignContractCommand(id, o.company));
  return { id, filedOn };
}

/** The history's dates: the call published HISTORY_DAYS ago, intake a month later to the day (F-55). */
function history(realNow: Date): { today: string; published: string; opens: string } {
  const today = almatyDate(realNow);
  const published = addCalendarDays(today, -HISTORY_DAYS);
  return { today, published, opens: addCalendarDays(addMonths(published, 1), 1) };
}

/** F-55 on the calendar: the history of one contract, each step at its own moment (see the file's comment). */
async function contractWithMoney(app: App, clock: ManualClock, realNow: Date): Promise<void> {
  const bus = app.get(CommandBus);
  if ((await app.get(ServiceApplicationReadModel).list({ recipientIds: [DEMO_CONTRACT_BIN] })).length > 0) {
    process.stdout.write('services seed: the demo contract is already there\n');
    return;
  }
  const { today, published, opens } = history(realNow);
  tenOClock(clock, published);
  const { callId } = await serviceWithCall(
    bus,
    {
      code: 'pitch-consultation',
      title: 'Pitch and investor-readiness consultation',
      direction: 'consultation',
      eligibility: 'anyone',
      sections: { readiness: true, team: false, pitch: false },
      prices: { participant: 20_000_000, nonParticipant: 60_000_000 },
    },
    published,
    {
      title: `Pitch consultations: intake ${opens}`,
      draftContract: {
        serviceConditions: 'Three consultation sessions',
        paymentOrder: 'Two instalments, each due 10 working days after its invoice',
        paymentAmount: 'per the price list',
      },
      intakeOpensOn: opens,
      intakeClosesOn: addCalendarDays(opens, 60),
    },
  );
  const { id, filedOn } = await contractedOnFirstIntakeDay(bus, clock, {
    callId,
    opens,
    today,
    bin: DEMO_CONTRACT_BIN,
    company: 'Nomad Robotics LLP',
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
  });
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
  const { today, published, opens } = history(realNow);
  tenOClock(clock, published);
  const { serviceId, callId } = await serviceWithCall(
    bus,
    {
      code: 'acceleration-winter-cohort',
      title: 'Acceleration programme: winter cohort',
      direction: 'acceleration',
      eligibility: 'anyone',
      sections: { readiness: true, team: false, pitch: false },
      prices: { participant: 0, nonParticipant: 40_000_000 },
    },
    published,
    {
      title: `Acceleration, winter cohort: intake ${opens}`,
      draftContract: {
        serviceConditions: 'Twelve weeks of acceleration in Astana',
        paymentOrder: '100 % before the cohort starts',
        paymentAmount: 'per the price list',
      },
      intakeOpensOn: opens,
      intakeClosesOn: addCalendarDays(opens, 60),
    },
  );
  await contractedOnFirstIntakeDay(bus, clock, {
    callId,
    opens,
    today,
    bin: DEMO_ACCELERATION_BIN,
    company: 'Steppe Sensors LLP',
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
  });
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
