/**
 * Demo data for DATABASE_URL (what `tools/hub up` and the web's browser fleet run), ADR 0085.
 *
 * The only real rule set (the 2015 rules, ADR 0080) is repealed, so no round can be announced under it
 * today (C-3), and a historical round (2016 … 2022) cannot run through the handlers: `@hub/calendar`
 * holds the RK working-day calendar from 2024 only (C-12, C-13, C-17, C-18, C-21 count working days).
 * So the demo runs under a **demonstration rule set as data** — `demo-2026` in
 * `data/cluster-selection-rules.demo.json`, the 2015 parameters, titled "DEMONSTRATION ONLY, not law",
 * loaded only where `CLUSTERS_RULE_SETS_FILE` names that file (never in production) — and runs the
 * **real command handlers on a controlled clock** (`@nestjs/testing` overriding `Clock` with a
 * `ManualClock`, as registration's and services' seeds do), stepping through each round's history on
 * working days of today's calendar. Every row, outbox event and timer is one the app itself would
 * have produced on those days. Nothing is written by SQL and no rule is bent.
 *
 * Four rounds under `demo-2026`:
 *  - "results published": four participants — one returned (C-12), one withdrawn (C-9), two through the
 *    expert stage (C-13 … C-18), the Commission's votes (C-19), the protocol (C-20), published (C-21);
 *  - "before the Commission": two applications with the institute's opinions before the Commission;
 *    member b has voted, members a and c have not — `demo-commission-member-a` votes on the web, then
 *    the secretary records the protocol (quorum ⅔ of 3, ADR 0083);
 *  - "at the national institute": its deadline passed, two applications sent to the institute (C-13), no
 *    opinion yet — `demo-cluster-expert` gives them, compares and hands them to the organiser on the web
 *    (C-14 … C-17);
 *  - "accepting applications": announced three working days ago, its deadline 75 CD later (C-5).
 * Idempotent: with any round in the database, nothing is added.
 *
 *   CLUSTERS_RULE_SETS_FILE=data/cluster-selection-rules.demo.json \
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_clusters node dist/cli/seed.js
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { type IsoDate, addCalendarDays, almatyDate, kzCalendar, startOfAlmatyDay } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { makeBin, makeIin } from '@hub/identifiers';
import { Clock, ManualClock } from '@hub/kernel';
import { KnownDocumentsModule } from '@hub/nest-commons';
import { clustersPlatform } from '../app.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { AnnounceRoundCommand } from '../selection/application/commands/announce-round.js';
import { CheckComplianceCommand, FileApplicationCommand, WithdrawApplicationCommand } from '../selection/application/commands/application-commands.js';
import { CastVoteCommand, FormCommissionCommand } from '../selection/application/commands/commission-commands.js';
import {
  GiveComparativeAssessmentCommand,
  GiveOpinionCommand,
  HandOpinionsToOrganiserCommand,
  PutBeforeCommissionCommand,
  SendToInstituteCommand,
} from '../selection/application/commands/expert-stage-commands.js';
import { PublishResultsCommand, RecordProtocolCommand } from '../selection/application/commands/results-commands.js';
import { SelectionQueries } from '../selection/application/queries/selection.queries.js';
import type { ApplicationContent } from '../selection/domain/application.aggregate.js';
import type { VoteChoice } from '../selection/domain/rules/commission-decision.rule.js';
import { SelectionModule } from '../selection/selection.module.js';

/** The demonstration rule set of data/cluster-selection-rules.demo.json (ADR 0085). */
export const DEMO_RULE_SET = 'demo-2026';
/** The Commission of the demo rounds: token subjects (sign in as one of them with the dev issuer's "someone else" form). */
export const DEMO_COMMISSION = ['demo-commission-member-a', 'demo-commission-member-b', 'demo-commission-member-c'] as const;

const organiser: Actor = { subject: 'demo-cluster-organiser', roles: ['cluster-organiser'], companies: [], name: 'Cluster selection organiser' };
const expert: Actor = { subject: 'demo-cluster-expert', roles: ['cluster-expert'], companies: [], name: 'Expert of the national institute' };
const secretary: Actor = { subject: 'demo-commission-secretary', roles: ['cluster-commission-secretary'], companies: [], name: 'Commission secretary' };
const member = (subject: string): Actor => ({ subject, roles: ['cluster-commission-member'], companies: [], name: subject });
const applicant = (bin: string): Actor => ({ subject: `demo-cluster-rep-${bin}`, roles: ['applicant'], companies: [bin], name: `Representative of ${bin}` });

interface Cluster {
  readonly serial: number;
  readonly applicantName: string;
  readonly clusterName: string;
  readonly region: string;
  readonly sectors: readonly string[];
}

const CLUSTERS: readonly Cluster[] = [
  {
    serial: 21101,
    applicantName: 'Association of textile producers',
    clusterName: 'Shymkent textile cluster',
    region: 'Turkistan region',
    sectors: ['Textiles', 'Apparel'],
  },
  {
    serial: 21202,
    applicantName: 'Pavlodar Chamber of Entrepreneurs',
    clusterName: 'Pavlodar petrochemical cluster',
    region: 'Pavlodar region',
    sectors: ['Petrochemicals'],
  },
  {
    serial: 21303,
    applicantName: 'Group of dairy farms',
    clusterName: 'North Kazakhstan dairy cluster',
    region: 'North Kazakhstan region',
    sectors: ['Dairy'],
  },
  {
    serial: 21404,
    applicantName: 'Astana IT business association',
    clusterName: 'Astana software cluster',
    region: 'Astana',
    sectors: ['Software', 'IT services'],
  },
  {
    serial: 21707,
    applicantName: 'East Kazakhstan metallurgists',
    clusterName: 'Ust-Kamenogorsk non-ferrous metals cluster',
    region: 'East Kazakhstan region',
    sectors: ['Non-ferrous metals'],
  },
  {
    serial: 21808,
    applicantName: 'Kostanay grain association',
    clusterName: 'Kostanay grain processing cluster',
    region: 'Kostanay region',
    sectors: ['Grain'],
  },
  { serial: 21505, applicantName: 'Almaty tourism SEC', clusterName: 'Almaty mountain tourism cluster', region: 'Almaty region', sectors: ['Tourism'] },
  {
    serial: 21606,
    applicantName: 'Karaganda machine-builders',
    clusterName: 'Karaganda mining machinery cluster',
    region: 'Karaganda region',
    sectors: ['Machinery'],
  },
];

const cluster = (serial: number): Cluster => CLUSTERS.find((c) => c.serial === serial)!;
const binOf = (c: Cluster): string => makeBin({ year: 2019, month: 4, serial: c.serial });

function content(c: Cluster): ApplicationContent {
  return {
    form: { participantKind: 'business-association', applicantName: c.applicantName, clusterName: c.clusterName, region: c.region },
    memberConsents: [
      {
        memberId: makeBin({ year: 2018, month: 2, serial: c.serial + 7 }),
        idKind: 'bin',
        memberName: `${c.clusterName}: anchor member LLP`,
        consentDocumentRef: `consent-${c.serial}-1`,
      },
      {
        memberId: makeIin({ birthDate: '1981-03-12', sex: 'male', serial: c.serial % 10_000 }),
        idKind: 'iin',
        memberName: 'Individual entrepreneur member',
        consentDocumentRef: `consent-${c.serial}-2`,
      },
    ],
    information: {
      location: c.region,
      sectors: [...c.sectors],
      keyMembers: [{ name: `${c.clusterName}: anchor member LLP`, role: 'Anchor producer' }],
      goals: `A complete regional value chain for ${c.sectors.join(', ').toLowerCase()}`,
      developmentLevel: { interlinkedFirms: '24 firms', chainExtensionProjects: 'A processing plant', additionalFunding: 'Regional budget co-financing' },
      structureAndSpecialisation: {
        outsidePartners: 'Two universities',
        internationalisation: 'Export to Central Asia',
        valueChains: 'Raw materials → processing → products',
      },
      prospects: {
        strategicGoals: 'Double export in five years',
        targetIndicators: [{ name: 'Export', unit: 'mln KZT', baseline: 800, target: 1600, year: 2031 }],
        proposedSupportMeasures: 'A training centre',
        commonProblems: 'Logistics',
      },
      resources: { humanResources: 'College graduates of the region' },
      strategyAlignment: 'The regional development programme to 2030',
      importance: {
        employment: [{ year: 2025, value: 2100 }],
        output: [{ year: 2025, tiyn: 6_000_000_000_00 }],
        export: [{ year: 2025, tiyn: 900_000_000_00 }],
      },
    },
    documentIndex: [
      { number: 1, title: 'Application (Annex 1)', documentRef: `annex-1-${c.serial}` },
      { number: 2, title: 'Consents of the members (Annex 2)', documentRef: `annex-2-${c.serial}` },
      { number: 3, title: 'Information on the cluster (Annex 3)', documentRef: `annex-3-${c.serial}` },
    ],
  } as unknown as ApplicationContent;
}

function opinion(criteria: readonly string[], strong: boolean) {
  return {
    criteria: criteria.map((code) => ({
      code,
      strengths: [strong ? 'A dense network of interlinked firms' : 'An anchor producer'],
      weaknesses: [strong ? 'One processing plant' : 'Few suppliers in the region'],
      opportunities: ['Export to Central Asia'],
      threats: ['Price volatility of raw materials'],
      finding: strong ? ('meets' as const) : ('partially-meets' as const),
    })),
    conclusion: strong ? 'The cluster meets the criteria of Annex 4.' : 'The cluster meets the criteria of Annex 4 in part.',
    recommendation: strong ? ('recommended' as const) : ('not-recommended' as const),
  };
}

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
    ...(process.env.CLUSTERS_RULE_SETS_FILE ? { CLUSTERS_RULE_SETS_FILE: process.env.CLUSTERS_RULE_SETS_FILE } : {}),
  };
  const realNow = new Date();
  const clock = new ManualClock(realNow);
  @Module({ imports: [clustersPlatform(env), SelectionModule, ParticipantsModule, KnownDocumentsModule] })
  class SeedModule {}
  const moduleRef = await Test.createTestingModule({ imports: [SeedModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await moduleRef.init();
  try {
    const queries = moduleRef.get(SelectionQueries);
    const sets = queries.ruleSetsView();
    const demo = sets.find((s) => s.id === DEMO_RULE_SET);
    const existing = await queries.rounds();
    if (!demo) {
      process.stdout.write(
        `clusters seed: ${sets.length} rule set(s) (${sets.map((s) => `${s.id}${s.inForceToday ? '' : ' repealed'}`).join(', ')}); no demonstration set loaded (CLUSTERS_RULE_SETS_FILE=data/cluster-selection-rules.demo.json, ADR 0085): nothing to add\n`,
      );
      return;
    }
    if (existing.length > 0) {
      process.stdout.write(`clusters seed: ${existing.length} round(s) already there; nothing to add\n`);
      return;
    }
    const bus = moduleRef.get(CommandBus);
    const calendar = kzCalendar();
    const today = almatyDate(realNow);
    const criteria = demo.criteria.map((c) => c.code);
    /** The n-th working day before today. */
    const wd = (n: number): IsoDate => calendar.addWorkingDays(today, -n);
    const after = (day: IsoDate, n: number): IsoDate => calendar.addWorkingDays(day, n);
    /** Sets the controlled clock to `hour`:00 in Almaty on `day`. */
    const at = (day: IsoDate, hour = 10): void => clock.set(new Date(startOfAlmatyDay(day).getTime() + hour * 3_600_000));
    const deadlineAt = (day: IsoDate) => new Date(startOfAlmatyDay(day).getTime() + 18 * 3_600_000);

    const announce = async (title: string, description: string, announcedOn: IsoDate, leadCalendarDays: number) => {
      at(announcedOn);
      const deadlineDay = addCalendarDays(announcedOn, leadCalendarDays);
      const { id } = await bus.execute(
        new AnnounceRoundCommand({ ruleSetId: DEMO_RULE_SET, title, description, applicationDeadline: deadlineAt(deadlineDay) }, organiser),
      );
      return { id, deadlineDay };
    };
    const file = async (roundId: string, c: Cluster, on: IsoDate) => {
      at(on);
      const bin = binOf(c);
      return (await bus.execute(new FileApplicationCommand({ roundId, bin, content: content(c) }, applicant(bin)))).id;
    };
    const throughInstitute = async (applicationId: string, filedOn: IsoDate) => {
      at(after(filedOn, 1));
      await bus.execute(new CheckComplianceCommand(applicationId, { compliant: true }, organiser)); // C-12
      at(after(filedOn, 2));
      await bus.execute(new SendToInstituteCommand(applicationId, 'Covering letter to the national institute')); // C-13
    };
    const expertStage = async (roundId: string, ranked: readonly { id: string; strong: boolean }[], start: IsoDate) => {
      at(start);
      for (const a of ranked) await bus.execute(new GiveOpinionCommand(a.id, opinion(criteria, a.strong), expert)); // C-14, C-15
      at(after(start, 1));
      await bus.execute(
        new GiveComparativeAssessmentCommand(
          roundId,
          {
            summary: 'Ranked by the dynamics of employment, output and export and the completeness of the value chain.',
            ranking: ranked.map((a, i) => ({ applicationId: a.id, rank: i + 1 })),
          },
          expert,
        ),
      ); // C-14, C-16
      at(after(start, 2));
      await bus.execute(new HandOpinionsToOrganiserCommand(roundId, 'Covering letter of the institute with the opinions', expert)); // C-17
      at(after(start, 3));
      await bus.execute(new PutBeforeCommissionCommand(roundId, 'Materials and opinions to the Commission', organiser)); // C-18
      await bus.execute(
        new FormCommissionCommand(
          roundId,
          {
            decisionRef: 'Order of the organiser on the Commission',
            members: DEMO_COMMISSION.map((subject, i) => ({
              subject,
              fullName: ['Aliya Nurlanovna', 'Bolat Serikovich', 'Dana Askarovna'][i]!,
              organisation: ['Ministry of Industry', 'National company "Kazakh Invest"', 'NCE "Atameken"'][i]!,
              body: (['state-body', 'national-company', 'atameken'] as const)[i]!,
            })),
          },
          organiser,
        ),
      ); // C-2, C-19
    };
    const vote = (roundId: string, m: string, applicationId: string, choice: VoteChoice) =>
      bus.execute(new CastVoteCommand(roundId, { applicationId, choice, comment: `${choice} (demo)` }, member(m)));

    // 1. A round with published results: one returned (C-12), one withdrawn (C-9), two decided (C-19 … C-21).
    const r1 = await announce(
      'Cluster selection 2026 (demonstration): first round',
      'Territorial clusters of the regions; demonstration data (ADR 0085).',
      wd(110),
      65,
    );
    const r1Filed = calendar.addWorkingDays(r1.deadlineDay, -10);
    const [c1, c2, c3, c4] = [CLUSTERS[0]!, CLUSTERS[1]!, CLUSTERS[2]!, CLUSTERS[3]!];
    const a1 = await file(r1.id, c1, r1Filed);
    const a2 = await file(r1.id, c2, r1Filed);
    const a3 = await file(r1.id, c3, r1Filed);
    const a4 = await file(r1.id, c4, r1Filed);
    await throughInstitute(a1, r1Filed);
    await throughInstitute(a2, r1Filed);
    at(after(r1Filed, 1));
    await bus.execute(
      new CheckComplianceCommand(
        a3,
        { compliant: false, deficiencies: [{ field: 'memberConsents', reason: 'The consent of a key member (Annex 2) is not signed' }] },
        organiser,
      ),
    ); // C-12
    at(after(r1Filed, 3));
    await bus.execute(new WithdrawApplicationCommand(a4, applicant(binOf(c4)))); // C-9
    const r1Expert = after(r1.deadlineDay, 10);
    await expertStage(
      r1.id,
      [
        { id: a1, strong: true },
        { id: a2, strong: false },
      ],
      r1Expert,
    );
    at(after(r1Expert, 5));
    for (const m of DEMO_COMMISSION) {
      await vote(r1.id, m, a1, 'for');
      await vote(r1.id, m, a2, m === DEMO_COMMISSION[2] ? 'abstain' : 'against');
    }
    const decidedOn = after(r1Expert, 6);
    at(decidedOn);
    await bus.execute(new RecordProtocolCommand(r1.id, { number: 'P-1/2026', decidedOn, documentRef: 'Protocol of the Commission No. P-1/2026' }, secretary)); // C-19, C-20
    at(after(decidedOn, 1));
    await bus.execute(new PublishResultsCommand(r1.id)); // C-21

    // 2. A round before the Commission: member b has voted; a and c have not (the vote screen).
    const r2 = await announce('Cluster selection 2026 (demonstration): second round', 'Before the Commission; demonstration data (ADR 0085).', wd(80), 62);
    const r2Filed = calendar.addWorkingDays(r2.deadlineDay, -8);
    const b1 = await file(r2.id, cluster(21505), r2Filed);
    const b2 = await file(r2.id, cluster(21606), r2Filed);
    await throughInstitute(b1, r2Filed);
    await throughInstitute(b2, r2Filed);
    const r2Expert = after(r2.deadlineDay, 5);
    await expertStage(
      r2.id,
      [
        { id: b2, strong: true },
        { id: b1, strong: false },
      ],
      r2Expert,
    );
    at(after(r2Expert, 5));
    await vote(r2.id, DEMO_COMMISSION[1], b2, 'for');
    await vote(r2.id, DEMO_COMMISSION[1], b1, 'against');

    // 4. A round at the national institute (C-13 … C-17 on the web): its deadline passed, two compliant applications
    //    sent to the institute, no opinion yet — `demo-cluster-expert` gives them, compares and hands them over.
    const r4 = await announce('Cluster selection 2026 (demonstration): third round', 'At the national institute; demonstration data (ADR 0085).', wd(70), 61);
    const r4Filed = calendar.addWorkingDays(r4.deadlineDay, -6);
    const d1 = await file(r4.id, cluster(21707), r4Filed);
    const d2 = await file(r4.id, cluster(21808), r4Filed);
    await throughInstitute(d1, r4Filed);
    await throughInstitute(d2, r4Filed);

    // 3. A round accepting applications (C-5: announced 75 CD before its deadline).
    await announce('Cluster selection 2027 (demonstration): open round', 'Accepting applications; demonstration data (ADR 0085).', wd(3), 75);

    process.stdout.write(
      `clusters seed: 4 rounds under ${DEMO_RULE_SET} (results published; before the Commission; at the national institute; accepting applications), 10 applications\n`,
    );
  } finally {
    await moduleRef.close();
  }
}

await main();
