import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBin, makeIin } from '@hub/identifiers';
import { testKafkaBrokers, uniqueName } from '@hub/testing';
import { NOT_PROXIED } from '../../src/access/route-table.js';
import { toOpenApiPath } from '../../src/access/route-pattern.js';
import { ProcessFleet, REPO } from '../support/processes.js';
import { expectStatus } from '../support/registration-path.js';

// The fleet's wall clock (test/support/shared-test-clock.mjs), moved by the test: the clusters app,
// the gateway and the token CLI all read it. The round runs under the tests' successor set (ADR 0080:
// the real 2015 set is repealed; the working-day calendar holds 2024 onwards).
const RULE_SETS_FILE = join(REPO, 'apps/clusters/test/support/rule-sets.test.json');
const ANNOUNCED = Date.parse('2026-11-16T04:00:00Z'); // Monday 16 November 2026, 09:00 Almaty
const DEADLINE = '2027-01-15T18:00:00+05:00'; // C-5: 60 CD after the announcement day
const CRITERIA = ['value-chain', 'regional-environment', 'socio-economic-impact', 'development-prospects'];

const serial = 5000 + (process.pid % 4000);
const bins = {
  returned: makeBin({ year: 2018, month: 2, serial }),
  withdrawn: makeBin({ year: 2018, month: 7, serial }),
  winner: makeBin({ year: 2018, month: 11, serial }),
};
type Who = keyof typeof bins;

/** Annex 1 form, Annex 2 consents, Annex 3 information, the numbered document index (C-6 … C-10). */
const content = (who: Who) => ({
  form: { participantKind: 'business-group', applicantName: `Group ${who}`, clusterName: `Cluster of ${who}`, region: 'Turkistan region' },
  memberConsents: [
    { memberId: makeBin({ year: 2015, month: 4, serial: serial + 1 }), idKind: 'bin', memberName: 'Ontustik Mata LLP', consentDocumentRef: 'doc-consent-1' },
    {
      memberId: makeIin({ birthDate: '1980-05-17', sex: 'female', serial: 4211 }),
      idKind: 'iin',
      memberName: 'IE Sarsenova',
      consentDocumentRef: 'doc-consent-2',
    },
  ],
  information: {
    location: 'Shymkent and the Turkistan region',
    sectors: ['Textiles'],
    keyMembers: [{ name: 'Ontustik Mata LLP', role: 'Spinning and weaving' }],
    goals: 'A complete cotton-to-garment value chain in the region',
    developmentLevel: { interlinkedFirms: '38 firms', chainExtensionProjects: 'A dyeing plant', additionalFunding: 'Regional co-financing' },
    structureAndSpecialisation: { outsidePartners: 'Two universities', internationalisation: 'Export to Uzbekistan', valueChains: 'Cotton → garments' },
    prospects: {
      strategicGoals: 'Double export in five years',
      targetIndicators: [{ name: 'Export', unit: 'mln KZT', baseline: 1200, target: 2400, year: 2031 }],
      proposedSupportMeasures: 'Training centre',
      commonProblems: 'Dyeing capacity',
    },
    strategyAlignment: 'The regional development programme to 2030',
    importance: {
      employment: [{ year: 2025, value: 4200 }],
      output: [{ year: 2025, tiyn: 1_200_000_000_000 }],
      export: [{ year: 2025, tiyn: 120_000_000_000 }],
    },
  },
  documentIndex: [
    { number: 1, title: 'Application (Annex 1)', documentRef: 'doc-annex-1' },
    { number: 2, title: 'Consents of the members (Annex 2)', documentRef: 'doc-annex-2' },
    { number: 3, title: 'Information on the cluster (Annex 3)', documentRef: 'doc-annex-3' },
  ],
});

/**
 * Issue #15 through the gateway only: the clusters app and the gateway as their own processes
 * (`node dist/main.js`, their own databases migrated by their own CLIs), tokens from the dev issuer.
 * A round is announced; three participants file; one withdraws (C-9), one is returned (C-12); the
 * third goes to the national institute (C-13), is analysed and compared (C-14 … C-16), the opinions
 * reach the organiser (C-17) and the Commission (C-18), which decides it the winner (C-19, C-20);
 * the results are published (C-21). A round under the repealed 2015 set is refused (C-3).
 */
// Each clock jump mints fresh tokens with the real CLI (a node process each): on a loaded 2-core machine a
// jump took up to 50 s, hence the generous timeouts.
describe('clusters through the admin gateway: announcement to published results', { timeout: 240_000 }, () => {
  const fleet = new ProcessFleet();
  const clockFile = join(fleet.stateDir, 'clock-offset');
  const setClock = (at: number) => writeFileSync(clockFile, String(at - Date.now()));
  /** Moves the fleet's clock (every process re-reads it within 50 ms) and mints fresh tokens at the new time. */
  const jump = async (at: number) => {
    setClock(at);
    await new Promise((r) => setTimeout(r, 150));
    await mintAll();
  };
  let gw: string;
  let clusters: string;
  const t: Record<string, string> = {};
  const ids: Record<Who, string> = { returned: '', withdrawn: '', winner: '' };
  let roundId: string;
  const auth = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  const api = (path: string) => `/api/clusters${path}`;
  /** Tokens for everyone, minted in parallel at the fleet's current time (a token lives an hour; the clock jumps months). */
  const mintAll = async () => {
    const specs: [string, string, string[], string[]][] = [
      ['organiser', 'aigerim-organiser', ['cluster-organiser'], []],
      ['expert', 'daniyar-expert', ['cluster-expert'], []],
      ['member', 'erlan-member', ['cluster-commission-member'], []],
      ['member2', 'saule-member', ['cluster-commission-member'], []],
      ['member3', 'timur-member', ['cluster-commission-member'], []],
      ['secretary', 'gulnar-secretary', ['cluster-commission-secretary'], []],
      ...(Object.keys(bins) as Who[]).map((who): [string, string, string[], string[]] => [who, `rep-${who}`, ['applicant'], [bins[who]]]),
    ];
    const tokens = await Promise.all(specs.map(([, sub, roles, companies]) => fleet.token(sub, roles, companies)));
    specs.forEach(([key], i) => (t[key] = tokens[i]!));
  };

  beforeAll(async () => {
    fleet.shareClock(clockFile);
    setClock(ANNOUNCED);
    await fleet.token('bootstrap', ['auditor']); // the issuer key and JWKS file
    const [clustersDb, gwDb] = await Promise.all([fleet.createDatabase('clusters'), fleet.createDatabase('gateway')]);
    await Promise.all([fleet.migrate('clusters', clustersDb), fleet.migrate('admin-gateway', gwDb)]);
    clusters = await fleet.startApp('clusters', {
      DATABASE_URL: clustersDb,
      HUB_AUTH_ISSUER: fleet.issuerUrl,
      HUB_AUTH_JWKS_FILE: fleet.jwksFile,
      HUB_KAFKA_BROKERS: testKafkaBrokers().join(','),
      HUB_KAFKA_TOPIC_PREFIX: `t.${uniqueName('clusters-e2e').replace(/_/g, '-')}.`,
      // No relay, timers or consumers: the fleet's clock runs months ahead of the broker's, which
      // refuses such message timestamps; the events are proven in apps/clusters (outbox, e2e to Kafka).
      HUB_RUN_WORKERS: 'false',
      CLUSTERS_RULE_SETS_FILE: RULE_SETS_FILE,
    });
    gw = await fleet.startApp('admin-gateway', {
      HUB_AUTH_ISSUER: fleet.issuerUrl,
      HUB_AUTH_JWKS_FILE: fleet.jwksFile,
      DATABASE_URL: gwDb,
      HUB_GATEWAY_UPSTREAMS: JSON.stringify({ clusters }),
      HUB_GATEWAY_RATE_BURST: '1000',
      HUB_GATEWAY_RATE_PER_MINUTE: '10000',
    });
    await mintAll();
  }, 300_000);

  afterAll(async () => {
    await fleet.close();
  }, 60_000);

  it('ADR 0030: every route of the running clusters app is in the gateway table (or deliberately not proxied)', async () => {
    const merged = expectStatus(await request(gw).get('/api/openapi.json'), 200, 'merged openapi') as { paths: Record<string, Record<string, unknown>> };
    const doc = (await (await fetch(`${clusters}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const internal = new Set(['/health/live', '/health/ready', '/openapi.json']);
    const undecided = Object.entries(doc.paths)
      .filter(([path]) => !internal.has(path))
      .filter(([path]) => !NOT_PROXIED.some((n) => n.upstream === 'clusters' && toOpenApiPath(n.path) === path))
      .flatMap(([path, ops]) => Object.keys(ops).map((verb) => [verb, path] as const))
      .filter(([verb, path]) => !merged.paths[`/api/clusters${path}`]?.[verb])
      .map(([verb, path]) => `${verb} ${path}`);
    expect(undecided).toEqual([]);
  });

  it('C-3 (ADR 0080): a round under the repealed 2015 set is refused with 422 naming ruleSetId; nothing is announced', async () => {
    const refused = await request(gw)
      .post(api('/rounds'))
      .set(auth('organiser'))
      .send({ ruleSetId: 'kz-2015-1212', title: 'Selection under the 2015 rules', applicationDeadline: DEADLINE });
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'rule.C-3' });
    expect(JSON.stringify(refused.body)).toContain('ruleSetId');
    expect(expectStatus(await request(gw).get(api('/rounds')), 200, 'public rounds')).toEqual([]);
  });

  it('C-3 … C-11: the round is announced publicly; three participants file; one withdraws before the deadline', async () => {
    expect(
      (await request(gw).post(api('/rounds')).set(auth('winner')).send({ ruleSetId: 'test-successor-2026', title: 'x', applicationDeadline: DEADLINE })).status,
    ).toBe(403);
    const round = expectStatus(
      await request(gw)
        .post(api('/rounds'))
        .set(auth('organiser'))
        .send({ ruleSetId: 'test-successor-2026', title: 'Selection of territorial clusters 2027', applicationDeadline: DEADLINE }),
      201,
      'announce',
    );
    roundId = round.id as string;
    expect(expectStatus(await request(gw).get(api(`/rounds/${roundId}`)), 200, 'public announcement')).toMatchObject({
      acceptingApplications: true,
      announcedOn: '2026-11-16',
    });
    for (const who of Object.keys(bins) as Who[]) {
      const filed = expectStatus(
        await request(gw)
          .post(api('/applications'))
          .set(auth(who))
          .send({ roundId, bin: bins[who], ...content(who) }),
        201,
        `file (${who})`,
      );
      ids[who] = filed.id as string;
      expect(filed).toMatchObject({ status: 'filed', complianceDueOn: '2026-11-23' });
    }
    // C-2: a participant cannot file for, or read, another company's application.
    expect(
      (
        await request(gw)
          .get(api(`/applications/${ids.winner}`))
          .set(auth('returned'))
      ).status,
    ).toBe(404);
    await jump(Date.parse('2026-11-18T05:00:00Z'));
    expect(
      expectStatus(
        await request(gw)
          .post(api(`/applications/${ids.withdrawn}/withdrawal`))
          .set(auth('withdrawn'))
          .send({}),
        200,
        'withdraw',
      ),
    ).toMatchObject({
      status: 'withdrawn',
    });
  });

  it('C-12, C-13: one is returned with a written notice; the compliant one is due at the institute on the board and is sent', async () => {
    const returned = expectStatus(
      await request(gw)
        .post(api(`/applications/${ids.returned}/compliance`))
        .set(auth('organiser'))
        .send({ compliant: false, deficiencies: [{ field: 'memberConsents', reason: 'The consent of a key member is missing' }] }),
      200,
      'return',
    );
    expect(returned).toMatchObject({ status: 'returned', returnNotice: { deficiencies: [{ field: 'memberConsents' }] } });
    expectStatus(
      await request(gw)
        .post(api(`/applications/${ids.winner}/compliance`))
        .set(auth('organiser'))
        .send({ compliant: true }),
      200,
      'compliant',
    );
    // ADR 0047: one page of the deadlines contract.
    const board = (
      expectStatus(await request(gw).get(api('/deadlines')).set(auth('organiser')), 200, 'board') as unknown as {
        items: { subjectId: string; ruleId: string; dueDate: string }[];
      }
    ).items;
    expect(board.find((d) => d.subjectId === ids.winner)).toMatchObject({ ruleId: 'C-13', dueDate: '2026-11-26' });
    expect(
      (
        await request(gw)
          .post(api(`/applications/${ids.returned}/institute-transfer`))
          .set(auth('organiser'))
          .send({ documentRef: 'letter-1' })
      ).status,
    ).toBe(409);
    const sent = expectStatus(
      await request(gw)
        .post(api(`/applications/${ids.winner}/institute-transfer`))
        .set(auth('organiser'))
        .send({ documentRef: 'letter-1' }),
      200,
      'to the institute',
    );
    expect(sent.sentToInstituteAt).toMatch(/^2026-11-18T05:0/); // the fleet's clock, moved to 18 Nov
    expect(expectStatus(await request(gw).get(api(`/rounds/${roundId}`)), 200, 'round')).toMatchObject({ expertStage: { opinionsDueOn: '2027-03-16' } });
  });

  it('C-11: after the deadline instant nothing is filed, changed or withdrawn', async () => {
    await jump(Date.parse('2027-01-15T13:00:00Z')); // the deadline instant itself
    const late = await request(gw)
      .post(api('/applications'))
      .set(auth('withdrawn'))
      .send({ roundId, bin: bins.withdrawn, ...content('withdrawn') });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'rule.C-11' });
  });

  it('C-14 … C-17: the institute sees only what was sent to it, gives its SWOT opinion per Annex 4 criterion, compares, hands the opinions to the organiser', async () => {
    await jump(Date.parse('2027-01-18T05:00:00Z')); // Monday 18 January 2027
    const seen = expectStatus(
      await request(gw)
        .get(api(`/applications?roundId=${roundId}`))
        .set(auth('expert')),
      200,
      'expert list',
    ) as unknown as { id: string }[];
    expect(seen.map((a) => a.id)).toEqual([ids.winner]);
    expect(
      (
        await request(gw)
          .post(api(`/applications/${ids.winner}/expert-opinion`))
          .set(auth('organiser'))
          .send({})
      ).status,
    ).toBe(403);
    const bad = await request(gw)
      .post(api(`/applications/${ids.winner}/expert-opinion`))
      .set(auth('expert'))
      .send({ criteria: [], conclusion: 'x', recommendation: 'recommended' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('criteria');
    expectStatus(
      await request(gw)
        .post(api(`/applications/${ids.winner}/expert-opinion`))
        .set(auth('expert'))
        .send({
          criteria: CRITERIA.map((code) => ({
            code,
            strengths: ['38 interlinked firms'],
            weaknesses: ['One dyeing plant'],
            opportunities: ['Export to Uzbekistan'],
            threats: ['Cotton price volatility'],
            finding: 'meets',
          })),
          conclusion: 'The cluster meets the Annex 4 criteria.',
          recommendation: 'recommended',
        }),
      200,
      'opinion',
    );
    expectStatus(
      await request(gw)
        .post(api(`/rounds/${roundId}/comparative-assessment`))
        .set(auth('expert'))
        .send({ summary: 'One application before the institute', ranking: [{ applicationId: ids.winner, rank: 1 }] }),
      200,
      'comparison',
    );
    const handed = expectStatus(
      await request(gw)
        .post(api(`/rounds/${roundId}/opinions-to-organiser`))
        .set(auth('expert'))
        .send({ documentRef: 'institute-letter-1' }),
      200,
      'to the organiser',
    );
    expect(handed).toMatchObject({ toCommissionDueOn: '2027-01-21' });
  });

  it('C-18 … C-20: the Commission decides only once the opinions are before it; the protocol names the winner', async () => {
    await jump(Date.parse('2027-01-19T05:00:00Z'));
    const tooEarly = await request(gw)
      .post(api(`/rounds/${roundId}/protocol`))
      .set(auth('secretary'))
      .send({ number: 'P-1', decidedOn: '2027-01-19', documentRef: 'doc-protocol-1', winnerApplicationIds: [ids.winner] });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body).toMatchObject({ code: 'rule.C-18' });
    expect(
      (
        await request(gw)
          .get(api(`/rounds/${roundId}/expert-review`))
          .set(auth('member'))
      ).status,
    ).toBe(404);
    expectStatus(
      await request(gw)
        .post(api(`/rounds/${roundId}/opinions-to-commission`))
        .set(auth('organiser'))
        .send({ documentRef: 'organiser-letter-1' }),
      200,
      'to the Commission',
    );
    const review = expectStatus(
      await request(gw)
        .get(api(`/rounds/${roundId}/expert-review`))
        .set(auth('member')),
      200,
      'Commission reads the opinions',
    );
    expect(review).toMatchObject({ applications: [{ applicationId: ids.winner, opinion: { recommendation: 'recommended' } }] });
    // C-2, C-19 (ADR 0083): the organiser forms the Commission; each member votes once.
    expectStatus(
      await request(gw)
        .post(api(`/rounds/${roundId}/commission`))
        .set(auth('organiser'))
        .send({
          decisionRef: 'order-commission-1',
          members: [
            { subject: 'erlan-member', fullName: 'Erlan B.', organisation: 'Ministry of Industry', body: 'state-body' },
            { subject: 'saule-member', fullName: 'Saule K.', organisation: 'KazakhExport', body: 'national-company' },
            { subject: 'timur-member', fullName: 'Timur A.', organisation: 'NCE Atameken', body: 'atameken' },
          ],
        }),
      200,
      'Commission formed',
    );
    for (const m of ['member', 'member2', 'member3'])
      expectStatus(
        await request(gw)
          .post(api(`/rounds/${roundId}/votes`))
          .set(auth(m))
          .send({ applicationId: ids.winner, choice: m === 'member3' ? 'against' : 'for' }),
        201,
        `vote of ${m}`,
      );
    const again = await request(gw)
      .post(api(`/rounds/${roundId}/votes`))
      .set(auth('member'))
      .send({ applicationId: ids.winner, choice: 'against' });
    expect(again.status).toBe(409);
    expect(
      expectStatus(
        await request(gw)
          .post(api(`/rounds/${roundId}/protocol`))
          .set(auth('secretary'))
          .send({ number: 'P-1', decidedOn: '2027-01-19', documentRef: 'doc-protocol-1' }),
        200,
        'protocol',
      ),
    ).toMatchObject({ status: 'winners-decided' });
    const commission = expectStatus(
      await request(gw)
        .get(api(`/rounds/${roundId}/commission`))
        .set(auth('secretary')),
      200,
      'the protocol with the votes',
    );
    expect(commission).toMatchObject({
      protocol: { number: 'P-1', winners: [{ applicationId: ids.winner }] },
      tallies: [{ applicationId: ids.winner, for: 2, against: 1, winner: true }],
    });
  });

  it('C-21: the organiser publishes the results; the public results page names the winner only; each participant still sees only its own', async () => {
    expect((await request(gw).get(api(`/rounds/${roundId}/results`))).status).toBe(404);
    expectStatus(
      await request(gw)
        .post(api(`/rounds/${roundId}/results`))
        .set(auth('organiser'))
        .send({}),
      200,
      'publish',
    );
    const page = expectStatus(await request(gw).get(api(`/rounds/${roundId}/results`)), 200, 'public results');
    expect(page).toMatchObject({
      protocolNumber: 'P-1',
      decidedOn: '2027-01-19',
      winners: [{ applicationId: ids.winner, bin: bins.winner, clusterName: 'Cluster of winner' }],
    });
    for (const who of Object.keys(bins) as Who[]) {
      const own = expectStatus(
        await request(gw)
          .get(api(`/applications?roundId=${roundId}`))
          .set(auth(who)),
        200,
        `own (${who})`,
      ) as unknown as {
        id: string;
        status: string;
      }[];
      expect(own.map((a) => a.id)).toEqual([ids[who]]);
    }
    expect(
      expectStatus(
        await request(gw)
          .get(api(`/applications/${ids.winner}`))
          .set(auth('winner')),
        200,
        'own application',
      ).expertOpinion,
    ).toBeUndefined();
  });
});
