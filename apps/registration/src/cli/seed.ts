/**
 * Demo data for DATABASE_URL (the README's "bring the platform up"): applications in every state
 * and listed participants, so that a new user sees a living registry. It runs the real command
 * handlers (the same transactions, outbox events and deadline timers as the HTTP API) with a
 * controlled clock, stepping back in time so that each application has a believable history.
 * Idempotent: a company (BIN) that already has an application is skipped.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_registration node dist/cli/seed.js
 *
 * The events stay in the outbox until the app's relay publishes them (HUB_RUN_WORKERS=true).
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { addCalendarDays, almatyDate, kzCalendar, startOfAlmatyDay } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { makeBin } from '@hub/identifiers';
import { Clock, ManualClock } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { registrationPlatform } from '../app.module.js';
import { CastVoteCommand } from '../registration/application/commands/cast-vote/cast-vote.handler.js';
import { CreateApplicationCommand } from '../registration/application/commands/create-application/create-application.handler.js';
import { EditApplicationCommand } from '../registration/application/commands/edit-application/edit-application.handler.js';
import { IssueCertificateCommand } from '../registration/application/commands/issue-certificate/issue-certificate.handler.js';
import { IssueRemarksCommand } from '../registration/application/commands/issue-remarks/issue-remarks.handler.js';
import { ListInRegistryCommand } from '../registration/application/commands/list-in-registry/list-in-registry.handler.js';
import { RecordDecisionCommand } from '../registration/application/commands/record-decision/record-decision.handler.js';
import { RecordNotificationCommand } from '../registration/application/commands/record-notification/record-notification.handler.js';
import { ResubmitApplicationCommand } from '../registration/application/commands/resubmit-application/resubmit-application.handler.js';
import { SendToCommissionCommand } from '../registration/application/commands/send-to-commission/send-to-commission.handler.js';
import { SignContractCommand } from '../registration/application/commands/sign-contract/sign-contract.handler.js';
import { SubmitApplicationCommand } from '../registration/application/commands/submit-application/submit-application.handler.js';
import { RegistrationQueries } from '../registration/infrastructure/queries/registration.queries.js';
import type { ApplicationStatus } from '../registration/domain/application-status.js';
import { RegistrationModule } from '../registration/registration.module.js';
import { cleanDeclaration, sampleBusinessPlan, samplePlaceOfBusiness } from './sample-data.js';

type Target = Exclude<ApplicationStatus, 'resubmitted'> | 'resubmitted';

interface Scenario {
  readonly serial: number;
  readonly companyName: string;
  readonly address: string;
  readonly codes: readonly string[];
  readonly target: Target;
  readonly language?: 'kk' | 'ru' | 'en';
  /** Working days before today the application was filed. */
  readonly filedWdAgo: number;
  /** Also apply to add this activity type (F-20), approved. */
  readonly addType?: string;
}

const SCENARIOS: readonly Scenario[] = [
  {
    serial: 10101,
    companyName: 'Alatau Analytics LLP',
    address: 'Almaty, Al-Farabi 77/8',
    codes: ['PH-02'],
    target: 'listed',
    filedWdAgo: 40,
    addType: 'PH-01',
  },
  { serial: 10202, companyName: 'Steppe Games LLP', address: 'Astana, Mangilik El 55/8', codes: ['PH-06'], target: 'listed', filedWdAgo: 36 },
  {
    serial: 10303,
    companyName: 'Nomad Cloud JSC',
    address: 'Astana, Kabanbay Batyr 11',
    codes: ['PH-04', 'PH-01'],
    target: 'listed',
    filedWdAgo: 33,
    language: 'kk',
  },
  { serial: 10404, companyName: 'Baiterek Secure LLP', address: 'Karaganda, Bukhar Zhyrau 32', codes: ['PH-03'], target: 'listed', filedWdAgo: 30 },
  { serial: 10505, companyName: 'Qazaq EdTech LLP', address: 'Shymkent, Tauke Khan 15', codes: ['PH-08'], target: 'certificate-issued', filedWdAgo: 24 },
  { serial: 10606, companyName: 'Irbis Pay LLP', address: 'Almaty, Dostyk 210', codes: ['PH-05'], target: 'contract-signed', filedWdAgo: 22 },
  { serial: 10707, companyName: 'Tengri Robotics LLP', address: 'Astana, Turan 37', codes: ['PH-07'], target: 'registered', filedWdAgo: 18 },
  { serial: 10808, companyName: 'Saryarka Data LLP', address: 'Karaganda, Erubaeva 50', codes: ['PH-02'], target: 'refused', filedWdAgo: 17 },
  { serial: 10909, companyName: 'Kokshe AI LLP', address: 'Kokshetau, Abay 96', codes: ['PH-02', 'PH-01'], target: 'with-commission', filedWdAgo: 9 },
  { serial: 11010, companyName: 'Altyn Logistics Soft LLP', address: 'Aktobe, Abilkair Khan 40', codes: ['PH-01'], target: 'resubmitted', filedWdAgo: 8 },
  { serial: 11111, companyName: 'Zhibek Retail Tech LLP', address: 'Turkistan, Tauke Khan 2', codes: ['PH-05'], target: 'remarks-issued', filedWdAgo: 4 },
  { serial: 11212, companyName: 'Caspian IoT LLP', address: 'Aktau, 14 microdistrict 3', codes: ['PH-07'], target: 'submitted', filedWdAgo: 2, language: 'en' },
  { serial: 11313, companyName: 'Ulytau Dev LLP', address: 'Zhezkazgan, Alashakhan 1', codes: ['PH-01'], target: 'draft', filedWdAgo: 1 },
];

const ORDER: readonly Target[] = [
  'draft',
  'submitted',
  'remarks-issued',
  'resubmitted',
  'with-commission',
  'registered',
  'contract-signed',
  'certificate-issued',
  'listed',
];
const reaches = (target: Target, step: Target): boolean =>
  target === 'refused' ? ['draft', 'submitted', 'with-commission'].includes(step) : ORDER.indexOf(target) >= ORDER.indexOf(step);

const officer: Actor = { subject: 'seed-fund-officer', roles: ['fund-officer'], companies: [], name: 'Aigerim Fund Officer' };
const members: Actor[] = [
  { subject: 'seed-commission-member-1', roles: ['commission-member'], companies: [], name: 'Member One' },
  { subject: 'seed-commission-member-2', roles: ['commission-member'], companies: [], name: 'Member Two (international expert)' },
  { subject: 'seed-commission-member-3', roles: ['commission-member'], companies: [], name: 'Member Three' },
];
const secretary: Actor = { subject: 'seed-commission-secretary', roles: ['commission-secretary'], companies: [], name: 'Commission Secretary' };

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/hub_registration)\n');
    process.exit(78);
  }
  const env = {
    PORT: process.env.PORT ?? '3101',
    DATABASE_URL: url,
    HUB_KAFKA_BROKERS: process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092',
    HUB_AUTH_ISSUER: process.env.HUB_AUTH_ISSUER ?? 'seed',
    // The seed verifies no token: a JWKS URL that is never fetched is enough when none is configured.
    ...(process.env.HUB_AUTH_JWKS_FILE
      ? { HUB_AUTH_JWKS_FILE: process.env.HUB_AUTH_JWKS_FILE }
      : { HUB_AUTH_JWKS_URL: process.env.HUB_AUTH_JWKS_URL ?? 'http://127.0.0.1:9/unused' }),
    HUB_LOG_LEVEL: 'warn',
    HUB_RUN_WORKERS: 'false',
    REGISTRATION_PUBLIC_BASE_URL: process.env.REGISTRATION_PUBLIC_BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3101'}`,
    ...(process.env.REGISTRATION_SIGNING_KEY_FILE ? { REGISTRATION_SIGNING_KEY_FILE: process.env.REGISTRATION_SIGNING_KEY_FILE } : {}),
  };
  const realNow = new Date();
  const clock = new ManualClock(realNow);
  @Module({ imports: [registrationPlatform(env), RegistrationModule] })
  class SeedModule {}
  const moduleRef = await Test.createTestingModule({ imports: [SeedModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await moduleRef.init();
  const bus = moduleRef.get(CommandBus);
  const reader = () => moduleRef.get(UnitOfWork).reader();
  const calendar = kzCalendar();
  const today = almatyDate(realNow);
  /** 10:00 in Almaty on the n-th working day before today, plus `hours`. */
  const at = (wdAgo: number, hours = 0): void =>
    clock.set(new Date(startOfAlmatyDay(calendar.addWorkingDays(today, -wdAgo)).getTime() + (10 + hours) * 3_600_000));
  let created = 0;
  try {
    for (const s of SCENARIOS) {
      const bin = makeBin({ year: 2019, month: 1 + (s.serial % 12), serial: s.serial });
      const existing = await reader().execute<{ n: string }[]>(`select count(*)::text n from registration_application where bin = ?`, [bin]);
      if (existing[0]?.n !== '0') continue;
      const applicant: Actor = { subject: `seed-rep-${bin}`, roles: ['applicant'], companies: [bin], name: `Representative of ${s.companyName}` };
      let wd = s.filedWdAgo;
      at(wd, -1);
      const { id } = await bus.execute(
        new CreateApplicationCommand({ kind: 'registration', bin, companyName: s.companyName, address: s.address, language: s.language ?? 'ru' }, applicant),
      );
      const filedOn = almatyDate(clock.now());
      await bus.execute(
        new EditApplicationCommand(
          id,
          {
            activityTypes: s.codes.map((code) => ({ code, works: [`${code}.1`] })),
            businessPlan: sampleBusinessPlan(s.codes, `${s.companyName.replace(/ (LLP|JSC)$/, '')} platform`),
            taxCertificate: { number: `TAX-${bin}`, issuedOn: addCalendarDays(filedOn, -3), debtTiyn: 0 },
            placeOfBusiness: { ...samplePlaceOfBusiness(), address: s.address },
            eligibility: cleanDeclaration(),
          },
          applicant,
        ),
      );
      created += 1;
      if (!reaches(s.target, 'submitted')) continue;
      at(wd);
      await bus.execute(new SubmitApplicationCommand(id, applicant));
      if (reaches(s.target, 'remarks-issued')) {
        at((wd = Math.max(wd - 2, 0)));
        await bus.execute(
          new IssueRemarksCommand(id, [{ field: 'businessPlan.projects.0.kpis', message: 'Make the KPIs measurable (numbers and dates)' }], officer),
        );
        if (reaches(s.target, 'resubmitted')) {
          const view = await moduleRef.get(RegistrationQueries).application(id, officer);
          at((wd = Math.max(wd - 1, 0)));
          await bus.execute(
            new ResubmitApplicationCommand(
              id,
              view.remarks.map((r) => ({ remarkId: r.id, answer: 'KPIs now have targets and dates' })),
              applicant,
            ),
          );
        }
      }
      if (!reaches(s.target, 'with-commission')) continue;
      at((wd = Math.max(wd - 2, 0)));
      await bus.execute(new SendToCommissionCommand(id, officer));
      if (s.target === 'with-commission') {
        await bus.execute(new CastVoteCommand(id, { vote: 'register', grounds: [] }, members[0]!));
        continue;
      }
      at((wd = Math.max(wd - 5, 0)));
      const refuse = s.target === 'refused';
      for (const m of members) {
        await bus.execute(
          new CastVoteCommand(
            id,
            refuse
              ? { vote: 'refuse', grounds: ['activity-not-in-priority-list'], comment: 'Reselling hardware is not a priority ICT activity' }
              : { vote: 'register', grounds: [] },
            m,
          ),
        );
      }
      await bus.execute(
        new RecordDecisionCommand(
          id,
          refuse
            ? {
                decision: 'refuse',
                grounds: [{ ground: 'activity-not-in-priority-list', reason: 'The project resells hardware; none of the works of the list is carried out' }],
              }
            : { decision: 'register', grounds: [] },
          secretary,
        ),
      );
      at((wd = Math.max(wd - 1, 0)));
      await bus.execute(new RecordNotificationCommand(id, officer));
      if (!reaches(s.target, 'contract-signed')) continue;
      at((wd = Math.max(wd - 2, 0)));
      await bus.execute(
        new SignContractCommand(id, { contractNumber: `SC-${filedOn.slice(0, 4)}-${s.serial}`, signedOn: almatyDate(clock.now()), termMonths: 24 }, officer),
      );
      if (!reaches(s.target, 'certificate-issued')) continue;
      at((wd = Math.max(wd - 1, 0)));
      await bus.execute(new IssueCertificateCommand(id, officer));
      if (!reaches(s.target, 'listed')) continue;
      at(wd, 1);
      await bus.execute(new ListInRegistryCommand(id, officer));
      if (s.addType) {
        at((wd = Math.max(wd - 3, 0)));
        const change = await bus.execute(
          new CreateApplicationCommand({ kind: 'activity-change', bin, companyName: s.companyName, address: s.address, language: 'ru' }, applicant),
        );
        const codes = [...s.codes, s.addType];
        await bus.execute(
          new EditApplicationCommand(
            change.id,
            { activityTypes: codes.map((code) => ({ code, works: [`${code}.1`] })), businessPlan: sampleBusinessPlan(codes) },
            applicant,
          ),
        );
        await bus.execute(new SubmitApplicationCommand(change.id, applicant));
        at((wd = Math.max(wd - 1, 0)));
        await bus.execute(new SendToCommissionCommand(change.id, officer));
        at((wd = Math.max(wd - 2, 0)));
        for (const m of members) await bus.execute(new CastVoteCommand(change.id, { vote: 'register', grounds: [] }, m));
        await bus.execute(new RecordDecisionCommand(change.id, { decision: 'register', grounds: [] }, secretary));
        await bus.execute(new RecordNotificationCommand(change.id, officer));
      }
    }
    const [summary] = await reader().execute<{ apps: string; listed: string }[]>(
      `select (select count(*) from registration_application)::text apps, (select count(*) from registration_participant where listed_on is not null)::text listed`,
    );
    process.stdout.write(
      `registration seed: ${created} new application(s); ${summary?.apps ?? '?'} application(s) and ${summary?.listed ?? '?'} listed participant(s) in the database\n`,
    );
  } finally {
    await moduleRef.close();
  }
}

await main();
