import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParticipationStartedV1, TOPICS } from '@hub/contracts';
import { makeBin } from '@hub/identifiers';
import { uuidv7 } from '@hub/kernel';
import { createMessageBus, PrefixedMessageBus } from '@hub/messaging';
import { TopicProbe, anIin, testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { ProcessFleet, fleetEnv } from '../support/processes.js';

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const shift = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A 6-month course with every one of its 24 weeks described (F-65(1), F-68(6), F-68(7)). */
const course = (name: string, priceTiyn: number) => ({
  name,
  description: 'An ICT course',
  curriculum: Array.from({ length: 24 }, (_, i) => ({ week: i + 1, topics: `Week ${i + 1}`, academicHours: 12 })),
  durationMonths: 6,
  studentSelectionCriteria: 'An entrance test',
  priceTiyn,
});

/**
 * Issue #13 through the admin gateway, each app its own process (`node dist/main.js`, its own
 * database migrated by its CLI, workers on, the real broker): training behind the gateway. The
 * participants are announced on participation's topic as participation publishes them (the
 * participation process itself is covered by cross-context.e2e). A participant provider applies,
 * gets remarks, fixes them, is reviewed complete; a second one is complete too; a non-participant
 * is refused (F-77); the Commission declares, the presentations are scheduled (F-72), the members vote after each; the decision allocates the quotas; the
 * notice is sent, the contract signed, the trainees listed; the facts reach training's topic.
 */
describe('training through the admin gateway: apply, remarks, Commission, quotas, contract, trainees (issue #13)', () => {
  const fleet = new ProcessFleet();
  const topicPrefix = `t.${uniqueName('train-e2e').replace(/_/g, '-')}.`;
  const serial = 4000 + (process.pid % 5000);
  const binA = makeBin({ year: 2018, month: 3, serial });
  const binB = makeBin({ year: 2018, month: 4, serial });
  const outsider = makeBin({ year: 2018, month: 5, serial });
  let gw: string;
  let bus: PrefixedMessageBus;
  const t: Record<string, string> = {};
  const auth = (who: string) => ({ authorization: `Bearer ${t[who]}` });
  const ok = (res: request.Response, status: number, what: string) => {
    if (res.status !== status)
      throw new Error(`${what}: expected ${status}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 1500)}\n${fleet.logs('training').slice(-3000)}`);
    return res.body as Record<string, unknown>;
  };

  beforeAll(async () => {
    const started = performance.now();
    const stage = (what: string) => process.stdout.write(`training e2e: ${what} after ${Math.round(performance.now() - started)} ms\n`);
    await fleet.createTopics(topicPrefix);
    stage('topics created');
    await fleet.token('bootstrap', ['auditor']);
    const [trainingDb, gwDb] = await Promise.all([fleet.createDatabase('training'), fleet.createDatabase('gateway')]);
    await Promise.all([fleet.migrate('training', trainingDb), fleet.migrate('admin-gateway', gwDb)]);
    stage('databases migrated');
    const training = await fleet.startApp('training', {
      ...fleetEnv(fleet, topicPrefix),
      DATABASE_URL: trainingDb,
      HUB_PII_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
      HUB_PII_ACTIVE_KEY: 'e2e',
      TRAINING_REGISTERS: 'development',
    });
    stage('training started');
    gw = await fleet.startApp('admin-gateway', {
      HUB_AUTH_ISSUER: fleet.issuerUrl,
      HUB_AUTH_JWKS_FILE: fleet.jwksFile,
      DATABASE_URL: gwDb,
      HUB_GATEWAY_UPSTREAMS: JSON.stringify({ training: training }),
    });
    stage('gateway started');
    bus = new PrefixedMessageBus(createMessageBus({ clientId: 'training-gw-e2e', brokers: testKafkaBrokers() }), topicPrefix);
    t.officer = await fleet.token('tamara-training', ['training-officer']);
    t.secretary = await fleet.token('saule-secretary', ['commission-secretary']);
    t.fund = await fleet.token('member-fund', ['commission-member']);
    t.ict = await fleet.token('member-ict', ['commission-member']);
    t.intl = await fleet.token('member-intl', ['commission-member']);
    t.a = await fleet.token('rep-a', ['applicant'], [binA]);
    t.b = await fleet.token('rep-b', ['applicant'], [binB]);
    t.out = await fleet.token('rep-out', ['applicant'], [outsider]);
  }, 300_000); // a fleet start took over 2 minutes on this machine under load (load average ~28 on 2 cores)

  afterAll(async () => {
    await bus?.close();
    await fleet.close();
  }, 60_000);

  it('the whole path', async () => {
    // participation's facts, as participation publishes them (ADR 0062), reach training through its inbox
    for (const bin of [binA, binB]) {
      const participationId = uuidv7();
      await bus.publish([
        {
          topic: TOPICS.participation.name,
          key: bin,
          value: JSON.stringify({
            id: uuidv7(),
            type: ParticipationStartedV1.type,
            version: ParticipationStartedV1.version,
            occurredAt: new Date().toISOString(),
            correlationId: uuidv7(),
            causationId: null,
            aggregateId: participationId,
            payload: {
              participationId,
              participantId: uuidv7(),
              bin,
              companyName: `Training company ${bin}`,
              activityTypeCodes: ['PH-01'],
              certificateNumber: `AH-${bin}`,
              termStart: '2026-01-05',
              termEnd: '2029-12-31',
              extensionDeadline: null,
            },
          }),
        },
      ]);
    }

    const intake = ok(
      await request(gw)
        .post('/api/training/intakes')
        .set(auth('officer'))
        .send({
          title: 'ICT training intake (e2e)',
          opensOn: shift(-7),
          closesOn: shift(30),
          selectionCriteria: { version: '1', text: 'Criteria' },
          intakeOrder: { version: '1', text: 'Order' },
        }),
      201,
      'announce',
    );
    const intakeId = intake.id as string;
    const body = (bin: string, price: number) => ({
      intakeId,
      bin,
      language: 'ru',
      courses: [course(`Course of ${bin}`, price)],
      attachments: [],
      declarationOfAccuracy: true,
    });

    // F-77: filing waits until the participation arrived over Kafka
    const a = await waitFor(
      'A is a participant in training',
      async () => {
        const res = await request(gw).post('/api/training/provider-applications').set(auth('a')).send(body(binA, 45_000_000));
        return res.status === 201 ? (res.body as { id: string }) : undefined;
      },
      { timeoutMs: 30_000 },
    );
    const b = await waitFor(
      'B is a participant in training',
      async () => {
        const res = await request(gw).post('/api/training/provider-applications').set(auth('b')).send(body(binB, 90_000_000));
        return res.status === 201 ? (res.body as { id: string }) : undefined;
      },
      { timeoutMs: 30_000 },
    );
    // a non-participant provider is refused, nothing stored
    const refused = await request(gw).post('/api/training/provider-applications').set(auth('out')).send(body(outsider, 45_000_000));
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('F-77');

    // remarks (F-70), fixed by the applicant (F-71), then the review (F-68)
    ok(
      await request(gw)
        .post(`/api/training/provider-applications/${a.id}/remarks`)
        .set(auth('officer'))
        .send({ items: ['Describe the premises'] }),
      200,
      'remarks',
    );
    const fixed = ok(
      await request(gw)
        .post(`/api/training/provider-applications/${a.id}/remarks/fix`)
        .set(auth('a'))
        .send({ courses: [course(`Course of ${binA}`, 45_000_000)], attachments: [{ kind: 'premises-rights', documentId: 'lease-1', title: 'Lease' }] }),
      200,
      'fix remarks',
    );
    expect(fixed.status).toBe('resubmitted');
    const findings = {
      findings: {
        falseInformation: { found: false },
        bankruptcyOrLiquidation: { inProceedings: false, source: 'stat.gov.kz' },
        internetResource: { url: 'https://school.example.kz', statesParticipation: true },
      },
    };
    for (const id of [a.id, b.id])
      expect(
        ok(await request(gw).post(`/api/training/provider-applications/${id}/completeness-review`).set(auth('officer')).send(findings), 201, 'review').result,
      ).toBe('complete');

    // the Commission (F-69, F-72)
    for (const [subject, affiliation] of [
      ['member-fund', 'fund'],
      ['member-ict', 'ict-specialist'],
      ['member-intl', 'international-expert'],
    ])
      ok(
        await request(gw).post(`/api/training/intakes/${intakeId}/commission/members`).set(auth('officer')).send({ subject, fullName: subject, affiliation }),
        201,
        'appoint',
      );
    expect((await request(gw).get(`/api/training/intakes/${intakeId}/commission/applications`).set(auth('fund'))).status).toBe(409);
    for (const m of ['fund', 'ict', 'intl'])
      ok(
        await request(gw).post(`/api/training/intakes/${intakeId}/commission/declaration`).set(auth(m)).send({ hasConflict: false, statement: 'No interests' }),
        200,
        'declare',
      );
    // F-72: the presentation schedule — one-minute slots back to back; an overlapping slot is refused
    const firstSlot = Date.now() + 3_000;
    const slots = [
      [a.id, new Date(firstSlot)],
      [b.id, new Date(firstSlot + 60_000)],
    ] as const;
    for (const [id, at] of slots)
      ok(
        await request(gw).post(`/api/training/provider-applications/${id}/presentation`).set(auth('secretary')).send({ at: at.toISOString(), minutes: 1 }),
        200,
        'schedule the presentation',
      );
    const overlap = await request(gw)
      .post(`/api/training/provider-applications/${b.id}/presentation`)
      .set(auth('secretary'))
      .send({ at: new Date(firstSlot + 30_000).toISOString(), minutes: 1 });
    expect(overlap.status).toBe(409);
    const schedule = ok(await request(gw).get(`/api/training/intakes/${intakeId}/commission/schedule`).set(auth('fund')), 200, 'schedule') as {
      slots: { applicationId: string }[];
    };
    expect(schedule.slots.map((x) => x.applicationId)).toEqual([a.id, b.id]);
    // the applicant sees its own slot
    expect(ok(await request(gw).get(`/api/training/provider-applications/${a.id}`).set(auth('a')), 200, 'own application').presentationAt).toBe(
      slots[0][1].toISOString(),
    );
    // a vote before the applicant has presented is refused; each member votes once the presentation began
    expect(
      (await request(gw).post(`/api/training/provider-applications/${b.id}/votes`).set(auth('fund')).send({ choice: 'admit', score: 80, reason: 'Early' }))
        .status,
    ).toBe(409);
    for (const [id, at] of slots) {
      await new Promise((r) => setTimeout(r, Math.max(0, at.getTime() - Date.now() + 250)));
      for (const m of ['fund', 'ict', 'intl'])
        ok(
          await request(gw).post(`/api/training/provider-applications/${id}/votes`).set(auth(m)).send({ choice: 'admit', score: 80, reason: 'Strong' }),
          201,
          'vote',
        );
    }
    const protocol = ok(
      await request(gw).post(`/api/training/intakes/${intakeId}/commission/decision`).set(auth('secretary')).send({ budget: 30 }),
      201,
      'decide',
    ) as {
      applications: { applicationId: string; quotas: number }[];
    };
    const quotas = Object.fromEntries(protocol.applications.map((x) => [x.applicationId, x.quotas]));
    // same score and length, B's place costs twice A's: weights 2 : 1 → 20 + 10
    expect(quotas).toEqual({ [a.id]: 20, [b.id]: 10 });
    const csv = await request(gw).get(`/api/training/intakes/${intakeId}/quota-calculation.csv`).set(auth('a'));
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('training-quota-v1,30,');

    // notice (F-74), contract (F-75), trainees (F-76)
    ok(await request(gw).post(`/api/training/provider-applications/${a.id}/decision-notice`).set(auth('officer')).send({}), 200, 'notice');
    ok(
      await request(gw)
        .post(`/api/training/provider-applications/${a.id}/contract`)
        .set(auth('officer'))
        .send({ number: `TR-${binA}`, signedOn: TODAY, documentId: 'contract-a' }),
      200,
      'contract',
    );
    const people = [anIin('1999-01-02'), anIin('2000-03-04', 'male')];
    expect(
      ok(
        await request(gw)
          .put(`/api/training/provider-applications/${a.id}/trainees`)
          .set(auth('a'))
          .send({ trainees: people.map((iin, i) => ({ iin, fullName: `Trainee ${i}` })) }),
        200,
        'trainees',
      ),
    ).toEqual({ count: 2 });
    const read = ok(await request(gw).get(`/api/training/provider-applications/${a.id}/trainees`).set(auth('officer')), 200, 'read trainees') as unknown as {
      iin: string;
    }[];
    expect(read.map((x) => x.iin).sort()).toEqual([...people].sort());
    // the provider lists them back (F-76; the read is logged, F-42)
    const own = ok(await request(gw).get(`/api/training/provider-applications/${a.id}/trainees`).set(auth('a')), 200, 'own trainees') as unknown as {
      iin: string;
      fullName: string;
    }[];
    expect(own.map((x) => x.iin).sort()).toEqual([...people].sort());
    expect(ok(await request(gw).get(`/api/training/provider-applications/${a.id}`).set(auth('a')), 200, 'own application')).toMatchObject({
      status: 'admitted',
      quotas: 20,
      traineeCount: 2,
      contract: { number: `TR-${binA}` },
    });
    // another company's representative cannot read them through the gateway
    expect((await request(gw).get(`/api/training/provider-applications/${a.id}/trainees`).set(auth('b'))).status).toBe(404);

    // the facts on training's topic, without personal data (outbox relay → Kafka)
    const probe = await TopicProbe.start(bus, TOPICS.training.name);
    try {
      for (const type of ['training.remarks-fixed', 'training.decision-made', 'training.contract-signed', 'training.trainee-list-changed'])
        await probe.waitFor(`${type} of A on the training topic`, (m) => (m.value ?? '').includes(type) && (m.value ?? '').includes(a.id));
    } finally {
      await probe.stop();
    }
    const seen = probe.messages.map((m) => m.value ?? '');
    for (const iin of people) expect(seen.join('\n')).not.toContain(iin);
  }, 300_000);
});
