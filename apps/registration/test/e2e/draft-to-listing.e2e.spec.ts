import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPICS, topicSpecs } from '@hub/contracts';
import { KafkaJsMessageBus, PrefixedMessageBus } from '@hub/messaging';
import { TopicProbe, testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import {
  type CertificateVerification,
  type Harness,
  type RegistryPage,
  actorsFor,
  auth,
  body,
  bus,
  completeDraft,
  startHarness,
} from '../support/registration-harness.js';

const topic = TOPICS.registration.name;

let h: Harness;
let probe: TopicProbe;
beforeAll(async () => {
  // This run's own topics (HUB_KAFKA_TOPIC_PREFIX; `t.` so that tools/hub test prunes them): the app and
  // the probe see the contract's topic name, the broker holds only this run's events.
  const prefix = `t.${uniqueName('reg-e2e').replace(/_/g, '-')}.`;
  // The topics exist before the app starts: its consumer of participation's events (ADR 0055) subscribes at boot.
  const admin = new PrefixedMessageBus(new KafkaJsMessageBus({ clientId: 'reg-e2e-admin', brokers: testKafkaBrokers() }), prefix);
  const names = [topic, TOPICS.participation.name].flatMap((t) => [t, `${t}.dlq`]);
  await admin.createTopics(topicSpecs().filter((t) => names.includes(t.name)));
  await admin.close();
  h = await startHarness('reg_e2e', { workers: true, env: { HUB_KAFKA_TOPIC_PREFIX: prefix } });
  probe = await TopicProbe.start(bus(h), topic);
});
afterAll(async () => {
  await probe?.stop();
  await h?.close();
});

const eventOf = (value: string | null) => JSON.parse(value ?? '{}') as { type: string; aggregateId: string; payload: Record<string, unknown> };

describe('end to end through HTTP and Kafka (workers on)', () => {
  it('F-8 … F-19: from draft to the public registry; every event reaches the registration topic keyed by BIN, participant-registered included', async () => {
    const a = await actorsFor(h);
    const created = await h
      .http()
      .post('/applications')
      .set(auth(a.applicant))
      .send({ bin: a.bin, companyName: 'End To End LLP', address: 'Astana, Turan 1', language: 'ru' });
    expect(created.status).toBe(201);
    const id = body(created).id;
    expect(
      (
        await h
          .http()
          .patch(`/applications/${id}`)
          .set(auth(a.applicant))
          .send(completeDraft(['PH-02'], '2026-11-14'))
      ).status,
    ).toBe(200);
    expect(body(await h.http().post(`/applications/${id}/submit`).set(auth(a.applicant))).status).toBe('submitted');
    const remarks = await h
      .http()
      .post(`/applications/${id}/remarks`)
      .set(auth(a.officer))
      .send({ remarks: [{ field: 'businessPlan.team.headcount', message: 'Confirm the headcount' }] });
    expect(
      body(
        await h
          .http()
          .post(`/applications/${id}/resubmit`)
          .set(auth(a.applicant))
          .send({ answers: [{ remarkId: body(remarks).remarks[0]!.id, answer: '15 people, confirmed' }] }),
      ).status,
    ).toBe('resubmitted');
    expect(body(await h.http().post(`/applications/${id}/send-to-commission`).set(auth(a.officer))).status).toBe('with-commission');
    await h.http().post(`/applications/${id}/votes`).set(auth(a.member1)).send({ vote: 'register' });
    await h.http().post(`/applications/${id}/votes`).set(auth(a.member2)).send({ vote: 'register' });
    expect(body(await h.http().post(`/applications/${id}/decision`).set(auth(a.secretary)).send({ decision: 'register' })).status).toBe('registered');
    await h.http().post(`/applications/${id}/notification`).set(auth(a.officer));
    const signed = await h
      .http()
      .post(`/applications/${id}/contract`)
      .set(auth(a.officer))
      .send({ contractNumber: 'SC-E2E-1', signedOn: '2026-11-16', termMonths: 24 });
    expect(body(signed).status).toBe('contract-signed');
    expect(body(await h.http().post(`/applications/${id}/certificate`).set(auth(a.officer))).status).toBe('certificate-issued');
    expect(body(await h.http().post(`/applications/${id}/listing`).set(auth(a.officer))).status).toBe('listed');

    const registered = await probe.waitFor('participant-registered for the e2e application', (m) => {
      const e = eventOf(m.value);
      return e.type === 'registration.participant-registered' && e.payload['applicationId'] === id;
    });
    expect(registered.key).toBe(a.bin);
    expect(eventOf(registered.value).payload).toMatchObject({
      bin: a.bin,
      companyName: 'End To End LLP',
      contractNumber: 'SC-E2E-1',
      termStart: '2026-11-16',
      termEnd: '2028-11-15',
      certificateNumber: body(signed).certificateNumber,
      activityTypes: [{ code: 'PH-02', name: 'Искусственный интеллект и анализ данных', works: ['Development and training of machine-learning models'] }],
    });
    const participantId = eventOf(registered.value).payload['participantId'];
    const types = await waitFor('all events of the application on the topic', () => {
      const mine = probe.messages
        .map((m) => ({ m, e: eventOf(m.value) }))
        .filter(({ e }) => e.aggregateId === id || e.payload['participantId'] === participantId);
      return mine.length >= 10 ? mine : undefined;
    });
    expect(types.map(({ e }) => e.type)).toEqual([
      'registration.application-submitted',
      'registration.remarks-issued',
      'registration.application-submitted',
      'registration.sent-to-commission',
      'registration.commission-vote-cast', // issue #16, ADR 0138 §2: each vote, who and never how
      'registration.commission-vote-cast',
      'registration.decision-made',
      'registration.participant-registered',
      'registration.certificate-issued',
      'registration.participant-listed',
    ]);
    expect(new Set(types.map(({ m }) => m.key))).toEqual(new Set([a.bin]));
    const cast = types.filter(({ e }) => e.type === 'registration.commission-vote-cast').map(({ e }) => e.payload);
    expect(cast.map((p) => [p['member'], Object.keys(p).sort()])).toEqual(
      ['member-1', 'member-2'].map((member) => [member, ['applicationId', 'bin', 'castAt', 'member']]), // no vote, grounds or comment
    );
    // The outbox is drained by the relay.
    await waitFor(
      'outbox drained',
      async () => (await h.sql<{ n: string }>(`select count(*)::text n from hub_outbox where published_at is null`))[0]!.n === '0',
    );

    const registry = await h.http().get('/registry?q=End To End');
    expect(body<RegistryPage>(registry).items).toEqual([
      expect.objectContaining({ bin: a.bin, certificateNumber: body(signed).certificateNumber, status: 'active' }),
    ]);
    const verify = await h.http().get(`/registry/certificates/${body(signed).certificateNumber}`);
    expect(body<CertificateVerification>(verify)).toMatchObject({ valid: true, validFrom: '2026-11-16', validTo: '2028-11-15' });
  });
});
