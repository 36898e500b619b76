import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPICS, type EarlyTerminationGround } from '@hub/contracts';
import { sql } from '@hub/messaging';
import { TopicProbe, produceRaw, waitFor, type ProbedMessage } from '@hub/testing';
import { Harness, body, list } from './support/harness.js';

interface Envelope {
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}
const parse = (m: ProbedMessage): Envelope => JSON.parse(m.value ?? '{}') as Envelope;
const copy = { fileName: 'decision.pdf', mediaType: 'application/pdf', sizeBytes: 2048, sha256: 'c'.repeat(64) };

/**
 * End to end over the real broker: registration's event is produced on Kafka, the app's own
 * consumer starts the participation, its relay publishes on hub.participation.events.v1, and the
 * poller fires the durable timers against a manual clock.
 */
describe('participation end to end through Kafka (F-24 … F-30)', () => {
  let h: Harness;
  let probe: TopicProbe;

  beforeAll(async () => {
    h = await Harness.start({ prefix: 'part_e2e', workers: true });
    probe = await TopicProbe.start(h.bus, TOPICS.participation.name);
  });
  afterAll(async () => {
    await probe?.stop();
    await h?.close();
  });

  /** Produces participant-registered on Kafka and waits until the participation exists. */
  async function registerViaKafka(overrides: Record<string, unknown> = {}): Promise<{ id: string; bin: string }> {
    const env = h.registeredEnvelope(overrides);
    await produceRaw(h.bus, h.topics.registration!, [{ key: env.payload.bin, value: JSON.stringify(env) }]);
    const id = await waitFor(`participation of ${env.payload.bin}`, async () => {
      const rows = await sql<{ id: string }>(h.orm.em.fork(), 'select id from participation where bin = ?', [env.payload.bin]);
      return rows[0]?.id;
    });
    return { id, bin: env.payload.bin };
  }

  const published = (type: string, participationId: string, timeoutMs = 30_000): Promise<Envelope> =>
    probe
      .waitFor(
        `${type} of ${participationId}`,
        (m) => {
          const e = parse(m);
          return e.type === type && e.payload.participationId === participationId;
        },
        timeoutMs,
      )
      .then(parse);

  async function terminated(participationId: string, ground: EarlyTerminationGround): Promise<Envelope> {
    const e = await published('participation.participation-terminated', participationId);
    expect(e.payload).toMatchObject({ kind: 'early', ground });
    const p = await h.http().get(`/participations/${participationId}`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect(p.body).toMatchObject({ status: 'terminated', terminationGround: ground });
    return e;
  }

  let planned: { id: string; bin: string };

  it('F-24, F-27: participant-registered on Kafka → participation-started on Kafka (keyed by BIN)', async () => {
    planned = await registerViaKafka();
    const started = await probe.waitFor(
      'participation-started',
      (m) => parse(m).type === 'participation.participation-started' && parse(m).payload.bin === planned.bin,
    );
    expect(started.key).toBe(planned.bin);
    expect(parse(started).payload).toMatchObject({ participationId: planned.id, termEnd: '2027-03-01', extensionDeadline: '2027-02-15' });
  });

  describe('the seven early-termination grounds (F-28), each ending with participation-terminated on Kafka', () => {
    beforeAll(() => {
      h.clock.set('2026-06-01T04:00:00.000Z'); // Monday 1 June 2026, 09:00 in Almaty: Q1 fee and report are overdue
    });

    it('F-28(1), F-30, F-40: monitoring "not expedient" → notification event → Commission terminates', async () => {
      const p = await registerViaKafka();
      const c = await h.http().post(`/participations/${p.id}/monitoring-conclusions`).set('authorization', `Bearer ${h.tokens.officer}`).send({
        project: 'AI platform',
        periodFrom: '2026-03-02',
        periodTo: '2026-05-31',
        conclusion: 'not-expedient',
        reasoning: 'KPIs of the business plan missed by 80 %',
      });
      expect(c.status).toBe(201);
      await published('participation.monitoring-not-expedient', p.id);
      const noBasis = await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${h.tokens.officer}`)
        .send({ ground: 'monitoring-not-expedient', reason: 'monitoring' });
      expect(noBasis.status).toBe(422);
      expect(noBasis.body).toMatchObject({ ruleId: 'F-28(1)', field: 'basisId' });
      const opened = await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${h.tokens.officer}`)
        .send({ ground: 'monitoring-not-expedient', reason: 'monitoring', basisId: body(c).id });
      expect(opened.body).toMatchObject({ status: 'pending-commission', groundNumber: 1 });
      await published('participation.early-termination-referred', p.id);
      const pending = await h.http().get('/early-terminations?status=pending-commission').set('authorization', `Bearer ${h.tokens.secretary}`);
      expect(list(pending).map((x) => x.id)).toContain(body(opened).id);
      expect(
        (
          await h
            .http()
            .post(`/early-terminations/${body(opened).id}/commission-decision`)
            .set('authorization', `Bearer ${h.tokens.officer}`)
            .send({ decision: 'terminate', protocolNumber: 'P-1', decidedOn: '2026-06-01' })
        ).status,
      ).toBe(403);
      const decided = await h
        .http()
        .post(`/early-terminations/${body(opened).id}/commission-decision`)
        .set('authorization', `Bearer ${h.tokens.secretary}`)
        .send({ decision: 'terminate', protocolNumber: 'P-1', decidedOn: '2026-06-01' });
      expect(decided.status).toBe(200);
      const e = await terminated(p.id, 'monitoring-not-expedient');
      expect(e.payload).toMatchObject({ groundNumber: 1, decidedBy: 'commission', decisionReference: 'P-1', endedOn: '2026-06-01' });
      expect(e.payload.ruleIds).toEqual(['F-26', 'F-28(1)', 'F-30']);
    });

    it('F-28(2), F-30: planned results achieved → Commission terminates', async () => {
      const p = await registerViaKafka();
      const opened = await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${h.tokens.officer}`)
        .send({ ground: 'planned-results-achieved', reason: 'all KPIs met' });
      expect(body(opened).status).toBe('pending-commission');
      await h
        .http()
        .post(`/early-terminations/${body(opened).id}/commission-decision`)
        .set('authorization', `Bearer ${h.tokens.secretary}`)
        .send({ decision: 'terminate', protocolNumber: 'P-2', decidedOn: '2026-06-01' })
        .expect(200);
      expect((await terminated(p.id, 'planned-results-achieved')).payload.groundNumber).toBe(2);
    });

    it('F-28(3), F-29: voluntary withdrawal needs 10 WD notice and takes effect on its date (durable timer)', async () => {
      const p = await registerViaKafka();
      const applicant = await h.applicant(p.bin);
      const tooSoon = await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${applicant}`)
        .send({ ground: 'voluntary-withdrawal', reason: 'pivot', withdrawalDate: '2026-06-12' });
      expect(tooSoon.status).toBe(422);
      expect(tooSoon.body).toMatchObject({ ruleId: 'F-29', field: 'withdrawalDate', earliestWithdrawalDate: '2026-06-15' });
      const notAllowed = await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${applicant}`)
        .send({ ground: 'contract-breach', reason: 'they breached it' });
      expect(notAllowed.status).toBe(403);
      const afterTerm = await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${applicant}`)
        .send({ ground: 'voluntary-withdrawal', reason: 'pivot', withdrawalDate: '2027-03-02' });
      expect(afterTerm.status).toBe(422);
      expect(body(afterTerm).errors[0]!.field).toBe('withdrawalDate');
      const opened = await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${applicant}`)
        .send({ ground: 'voluntary-withdrawal', reason: 'pivot', withdrawalDate: '2026-06-15' });
      expect(opened.body).toMatchObject({ status: 'scheduled', effectiveDate: '2026-06-15' });
      await h.poller.runDue();
      expect(body(await h.http().get(`/participations/${p.id}`).set('authorization', `Bearer ${applicant}`)).status).toBe('active');
      h.clock.set('2026-06-14T19:00:01.000Z'); // 15 June in Almaty
      const e = await terminated(p.id, 'voluntary-withdrawal');
      expect(e.payload).toMatchObject({ groundNumber: 3, decidedBy: 'participant', endedOn: '2026-06-15' });
      h.clock.set('2026-06-01T04:00:00.000Z');
    });

    it('F-28(4), F-37, F-39: an overdue quarterly report grounds termination by the Fund', async () => {
      const p = await registerViaKafka();
      await published('participation.report-overdue', p.id);
      const reports = await h.http().get(`/participations/${p.id}/quarterly-reports`).set('authorization', `Bearer ${h.tokens.officer}`);
      const overdue = list(reports).find((r) => r.status === 'overdue');
      await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${h.tokens.officer}`)
        .send({ ground: 'reports-not-submitted', reason: 'Q1 report missing', basisId: overdue!.id })
        .expect(201);
      expect((await terminated(p.id, 'reports-not-submitted')).payload).toMatchObject({ groundNumber: 4, decidedBy: 'fund' });
    });

    it('F-28(5), F-34: a liquidation notice (with copies) grounds termination', async () => {
      const p = await registerViaKafka();
      const notice = await h
        .http()
        .post(`/participations/${p.id}/corporate-notices`)
        .set('authorization', `Bearer ${await h.applicant(p.bin)}`)
        .send({ kind: 'liquidation', eventDate: '2026-05-29', copies: [copy] });
      expect(notice.status).toBe(201);
      expect(notice.body).toMatchObject({ dueDate: '2026-06-12', onTime: true, copies: [copy] });
      await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${h.tokens.officer}`)
        .send({ ground: 'liquidation', reason: 'liquidated', basisId: body(notice).id })
        .expect(201);
      expect((await terminated(p.id, 'liquidation')).payload.groundNumber).toBe(5);
    });

    it('F-28(6), F-21: an overdue membership fee grounds termination', async () => {
      const p = await registerViaKafka();
      const overdueEvent = await published('participation.fee-overdue', p.id);
      await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${h.tokens.officer}`)
        .send({ ground: 'membership-fees-not-paid', reason: 'Q1 fee unpaid', basisId: overdueEvent.payload.feeId })
        .expect(201);
      expect((await terminated(p.id, 'membership-fees-not-paid')).payload.groundNumber).toBe(6);
    });

    it('F-28(7), F-30: contract breach — the Commission may let it continue, and later terminate', async () => {
      const p = await registerViaKafka();
      const first = await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${h.tokens.officer}`)
        .send({ ground: 'contract-breach', reason: 'breach of clause 4' });
      await h
        .http()
        .post(`/early-terminations/${body(first).id}/commission-decision`)
        .set('authorization', `Bearer ${h.tokens.secretary}`)
        .send({ decision: 'continue', protocolNumber: 'P-6', decidedOn: '2026-06-01' })
        .expect(200);
      expect(body(await h.http().get(`/participations/${p.id}`).set('authorization', `Bearer ${h.tokens.officer}`)).status).toBe('active');
      const second = await h
        .http()
        .post(`/participations/${p.id}/early-terminations`)
        .set('authorization', `Bearer ${h.tokens.officer}`)
        .send({ ground: 'contract-breach', reason: 'repeated breach' });
      const future = await h
        .http()
        .post(`/early-terminations/${body(second).id}/commission-decision`)
        .set('authorization', `Bearer ${h.tokens.secretary}`)
        .send({ decision: 'terminate', protocolNumber: 'P-7', decidedOn: '2026-06-02' });
      expect(future.status).toBe(422);
      await h
        .http()
        .post(`/early-terminations/${body(second).id}/commission-decision`)
        .set('authorization', `Bearer ${h.tokens.secretary}`)
        .send({ decision: 'terminate', protocolNumber: 'P-7', decidedOn: '2026-06-01' })
        .expect(200);
      expect((await terminated(p.id, 'contract-breach')).payload).toMatchObject({ groundNumber: 7, decisionReference: 'P-7' });
    });
  });

  it('F-27: with the clock past the term end the participation ends as planned, published on Kafka', async () => {
    h.clock.set('2027-03-01T19:00:01.000Z');
    const e = await published('participation.participation-terminated', planned.id, 60_000);
    expect(e.payload).toMatchObject({ kind: 'planned', ground: 'term-expired', endedOn: '2027-03-01', bin: planned.bin });
    const p = await h.http().get(`/participations/${planned.id}`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect(body(p).status).toBe('ended');
  });
});
