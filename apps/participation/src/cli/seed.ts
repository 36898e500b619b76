/**
 * Demo data, idempotent (run it twice: nothing changes the second time). It goes through the real
 * use cases — the registration consumer's handler, the timer poller, the command bus — with the
 * system clock, so every state it shows is one the app itself produces:
 *   Alpha Soft    active, started this quarter: no obligations yet
 *   Beta Data     Q1–Q3 fees and reports overdue (arrears), an open information request
 *   Gamma AI      fees declared and paid, Q3 report with an engaged non-resident (encrypted),
 *                 monitoring "not expedient" → early termination pending at the Commission (ground 1)
 *   Delta Labs    liquidation notice → terminated on ground (5)
 *   Epsilon Cloud extension application awaiting the Fund's decision
 * Run with the app's environment (DATABASE_URL, HUB_PII_KEYS, …), after `migrate`:
 *   node dist/cli/seed.js
 * Events go to the outbox; the app publishes them when it runs.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { ParticipantRegisteredV1, type Actor, type PayloadOf } from '@hub/contracts';
import { makeBin } from '@hub/identifiers';
import { Clock, tiyn } from '@hub/kernel';
import { TimerPoller } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { participationAppModule } from '../app.module.js';
import { DeclareIncomeCommand } from '../fees/application/commands/declare-income/declare-income.command.js';
import { RecordPaymentCommand } from '../fees/application/commands/record-payment/record-payment.command.js';
import { Fee } from '../fees/domain/fee.aggregate.js';
import { RecordConclusionCommand } from '../monitoring/application/commands/record-conclusion/record-conclusion.command.js';
import { MonitoringConclusion } from '../monitoring/domain/monitoring-conclusion.js';
import { FileCorporateNoticeCommand } from '../obligations/application/commands/file-corporate-notice/file-corporate-notice.command.js';
import { RequestInformationCommand } from '../obligations/application/commands/request-information/request-information.command.js';
import { CorporateNotice } from '../obligations/domain/corporate-notice.js';
import { InformationRequest } from '../obligations/domain/information-request.aggregate.js';
import { OpenEarlyTerminationCommand } from '../participation/application/commands/open-early-termination/open-early-termination.command.js';
import { FileExtensionCommand } from '../participation/application/commands/file-extension/file-extension.command.js';
import { ParticipantRegisteredHandler } from '../participation/application/event-handlers/participant-registered.handler.js';
import { EarlyTermination } from '../participation/domain/early-termination.aggregate.js';
import { Extension } from '../participation/domain/extension.aggregate.js';
import { Participation } from '../participation/domain/participation.aggregate.js';
import { SubmitQuarterlyReportCommand } from '../reporting/application/commands/submit-quarterly-report/submit-quarterly-report.command.js';
import { QuarterlyReport } from '../reporting/domain/quarterly-report.aggregate.js';
import { almatyDate, compareIsoDates } from '../shared/domain/calendar.js';

/** A stable UUID (v7 layout) from a name, so that the seed is idempotent. */
function stableUuid(name: string): string {
  const h = createHash('sha256').update(`participation-seed:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const SEED_ACTOR: Actor = { subject: 'seed', roles: ['fund-officer', 'finance-officer', 'commission-secretary'], companies: [] };
const file = (name: string) => ({ fileName: name, mediaType: 'application/pdf', sizeBytes: 52_431, sha256: createHash('sha256').update(name).digest('hex') });

const COMPANIES = [
  {
    key: 'alpha',
    name: 'ТОО «Alpha Soft»',
    serial: 41_001,
    termStart: '2026-10-01',
    termEnd: '2027-09-30',
    types: [{ code: '62.01', name: 'Computer programming', works: ['SaaS development'] }],
  },
  {
    key: 'beta',
    name: 'ТОО «Beta Data»',
    serial: 41_002,
    termStart: '2026-01-20',
    termEnd: '2027-01-19',
    types: [{ code: '63.11', name: 'Data processing and hosting', works: ['data platform'] }],
  },
  {
    key: 'gamma',
    name: 'ТОО «Gamma AI»',
    serial: 41_003,
    termStart: '2026-03-02',
    termEnd: '2027-03-01',
    types: [{ code: '62.01', name: 'Computer programming', works: ['machine learning'] }],
  },
  {
    key: 'delta',
    name: 'ТОО «Delta Labs»',
    serial: 41_004,
    termStart: '2026-02-16',
    termEnd: '2027-02-15',
    types: [{ code: '62.02', name: 'IT consulting', works: ['integration'] }],
  },
  {
    key: 'epsilon',
    name: 'ТОО «Epsilon Cloud»',
    serial: 41_005,
    termStart: '2026-02-02',
    termEnd: '2027-02-01',
    types: [{ code: '63.11', name: 'Data processing and hosting', works: ['cloud'] }],
  },
] as const;

const app = await NestFactory.createApplicationContext(participationAppModule({ ...process.env, HUB_RUN_WORKERS: 'false' }) as never, { logger: ['error'] });
try {
  const uow = app.get(UnitOfWork);
  const bus = app.get(CommandBus);
  const today = almatyDate(app.get(Clock).now());
  const ids: Record<string, { id: string; bin: string }> = {};

  for (const c of COMPANIES) {
    const bin = makeBin({ year: 2018, month: 4, serial: c.serial });
    const participantId = stableUuid(`participant:${c.key}`);
    const payload: PayloadOf<typeof ParticipantRegisteredV1> = {
      participantId,
      applicationId: stableUuid(`application:${c.key}`),
      bin,
      companyName: c.name,
      address: 'Astana, Mangilik El 55/8, Astana Hub',
      activityTypes: c.types.map((t) => ({ ...t, works: [...t.works] })),
      contractNumber: `PC-${c.serial}`,
      contractSignedOn: c.termStart,
      termStart: c.termStart,
      termEnd: c.termEnd,
      certificateNumber: `AH-${c.serial}`,
      certificateDueDate: c.termStart,
    };
    await uow.run(() =>
      app.get(ParticipantRegisteredHandler).handle({
        id: stableUuid(`event:${c.key}`),
        type: ParticipantRegisteredV1.type,
        version: 1,
        occurredAt: `${c.termStart}T04:00:00.000Z`,
        correlationId: 'seed',
        causationId: null,
        aggregateId: bin,
        payload,
      }),
    );
    const p = await uow.reader().findOneOrFail(Participation, { participantId });
    ids[c.key] = { id: p.id, bin };
  }

  // Let time catch up: quarters close, fees and reports open, missed deadlines turn overdue.
  await app.get(TimerPoller).runDue();
  const read = (): SqlEntityManager => uow.reader();

  // Gamma: declares and pays every closed quarter, submits its latest report with a non-resident.
  const gamma = ids.gamma!;
  for (const fee of await read().find(Fee, { participationId: gamma.id }, { orderBy: { year: 'asc', quarter: 'asc' } })) {
    if (fee.declaredIncomeTiyn === null)
      await bus.execute(
        new DeclareIncomeCommand(SEED_ACTOR, gamma.id, { year: fee.year, quarter: fee.quarter, incomeTiyn: (18_500_000 + fee.quarter * 1_000_000) * 100 }),
      );
    const now = await read().findOneOrFail(Fee, { id: fee.id });
    if (now.status !== 'paid' && now.outstandingTiyn)
      await bus.execute(new RecordPaymentCommand(SEED_ACTOR, fee.id, { amountTiyn: now.outstandingTiyn, paidOn: today, reference: `SEED-${fee.id}` }));
  }
  const gammaReports = await read().find(QuarterlyReport, { participationId: gamma.id }, { orderBy: { year: 'desc', quarter: 'desc' } });
  const latest = gammaReports[0];
  if (latest && (latest.status === 'due' || latest.status === 'overdue')) {
    await bus.execute(
      new SubmitQuarterlyReportCommand(SEED_ACTOR, gamma.id, latest.year, latest.quarter, {
        resultsAnalysis: 'Model accuracy reached the plan; two enterprise pilots signed; export revenue from Uzbekistan started.',
        indicators: {
          revenueTiyn: tiyn(2_150_000_000),
          exportRevenueTiyn: tiyn(400_000_000),
          headcount: 14,
          residentHeadcount: 13,
          nonResidentHeadcount: 1,
          investmentsAttractedTiyn: tiyn(5_000_000_000),
        },
        nonResidents: {
          engaged: [
            {
              fullName: 'Алексей Демо',
              fullNameLatin: 'Aleksei Demo',
              dateOfBirth: '1987-04-12',
              status: 'foreign-citizen',
              citizenship: 'Republic of Uzbekistan',
              countryOfPermanentResidence: 'Republic of Uzbekistan',
              passport: { number: 'FA0000001', issuedOn: '2020-02-02', issuedBy: 'Demo passport office' },
              expectedStayFrom: '2026-03',
              expectedStayUntil: '2027-02',
              qualifications: 'MSc Computer Science, 10 years in ML',
              visaExtension: 'work permit to 2027-02-28',
              purposeOfStay: 'employment: ML team lead',
            },
          ],
          familyMembers: [],
        },
      }),
    );
  }
  if (!(await read().findOne(MonitoringConclusion, { participationId: gamma.id }))) {
    await bus.execute(
      new RecordConclusionCommand(SEED_ACTOR, gamma.id, {
        project: 'Retail demand forecasting',
        periodFrom: '2026-03-02',
        periodTo: '2026-09-30',
        conclusion: 'not-expedient',
        reasoning: 'No paying customers after two quarters; the pilot partner withdrew.',
      }),
    );
  }
  if (!(await read().findOne(EarlyTermination, { participationId: gamma.id }))) {
    const conclusion = await read().findOneOrFail(MonitoringConclusion, { participationId: gamma.id });
    await bus.execute(
      new OpenEarlyTerminationCommand(SEED_ACTOR, gamma.id, {
        ground: 'monitoring-not-expedient',
        reason: 'F-40 conclusion: not expedient',
        basisId: conclusion.id,
      }),
    );
  }

  // Beta: arrears as they are; an open information request.
  const beta = ids.beta!;
  if (!(await read().findOne(InformationRequest, { participationId: beta.id }))) {
    await bus.execute(new RequestInformationCommand(SEED_ACTOR, beta.id, 'tax-and-accounting', 'Financial statements for 9 months of 2026'));
  }

  // Delta: liquidation notified with copies, terminated on ground (5).
  const delta = ids.delta!;
  if (!(await read().findOne(CorporateNotice, { participationId: delta.id }))) {
    await bus.execute(
      new FileCorporateNoticeCommand(SEED_ACTOR, delta.id, {
        kind: 'liquidation',
        eventDate: today,
        description: 'Decision of the sole participant on voluntary liquidation',
        // The deprecated metadata form (issue #10): the seed has no documents context to upload to.
        documentIds: [],
        copies: [file('liquidation-decision.pdf')],
      }),
    );
  }
  const deltaP = await read().findOneOrFail(Participation, { id: delta.id });
  if (deltaP.isActive()) {
    const notice = await read().findOneOrFail(CorporateNotice, { participationId: delta.id });
    await bus.execute(new OpenEarlyTerminationCommand(SEED_ACTOR, delta.id, { ground: 'liquidation', reason: 'F-34 liquidation notice', basisId: notice.id }));
  }

  // Epsilon: an extension application awaiting the decision (only while the F-25 window is open).
  const eps = ids.epsilon!;
  const epsP = await read().findOneOrFail(Participation, { id: eps.id });
  if (!(await read().findOne(Extension, { participationId: eps.id })) && epsP.isActive()) {
    try {
      await bus.execute(new FileExtensionCommand(SEED_ACTOR, eps.id, '2028-02-01'));
    } catch (e) {
      process.stdout.write(`participation seed: extension for Epsilon not filed (${(e as Error).message})\n`);
    }
  }

  const summary = await read().find(Participation, { id: { $in: Object.values(ids).map((x) => x.id) } }, { orderBy: { bin: 'asc' } });
  for (const p of summary)
    process.stdout.write(
      `participation seed: ${p.bin} ${p.companyName} — ${p.status}${p.terminationGround ? ` (${p.terminationGround})` : ''}, term ${p.termStart} … ${p.termEnd}\n`,
    );
  if (compareIsoDates(today, '2026-10-01') < 0) process.stdout.write('participation seed: note — run after 2026-10-01 for every state above to appear\n');
} finally {
  await app.close();
}
