import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPICS } from '@hub/contracts';
import { TopicProbe, testKafkaBrokers, waitFor } from '@hub/testing';
import { type Harness, actorsFor, auth, completeDraft, startHarness } from '../support/registration-harness.js';

/** The registration topic exists on a dev stack (tools/dev-stack/create-topics.mjs); make sure it does here too. */
async function ensureRegistrationTopic(): Promise<void> {
  const admin = new kafkajs.Kafka({ clientId: 'registration-e2e', brokers: testKafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    if (!existing.includes(TOPICS.registration.name)) {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic: TOPICS.registration.name, numPartitions: TOPICS.registration.partitions, replicationFactor: 1 }] });
    }
  } finally {
    await admin.disconnect();
  }
}

let h: Harness;
let probe: TopicProbe;
beforeAll(async () => {
  await ensureRegistrationTopic();
  probe = await TopicProbe.start(TOPICS.registration.name);
  h = await startHarness('reg_e2e', { workers: true });
});
afterAll(async () => {
  await h?.close();
  await probe?.stop();
});

const eventOf = (value: string | null) => JSON.parse(value ?? '{}') as { type: string; aggregateId: string; payload: Record<string, unknown> };

describe('end to end through HTTP and Kafka (workers on)', () => {
  it('F-8 … F-19: from draft to the public registry; every event reaches the registration topic keyed by BIN, participant-registered included', async () => {
    const a = await actorsFor(h);
    const created = await h.http().post('/applications').set(auth(a.applicant)).send({ bin: a.bin, companyName: 'End To End LLP', address: 'Astana, Turan 1', language: 'ru' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await h.http().patch(`/applications/${id}`).set(auth(a.applicant)).send(completeDraft(['PH-02'], '2026-11-14'))).status).toBe(200);
    expect((await h.http().post(`/applications/${id}/submit`).set(auth(a.applicant))).body.status).toBe('submitted');
    const remarks = await h.http().post(`/applications/${id}/remarks`).set(auth(a.officer)).send({ remarks: [{ field: 'businessPlan.team.headcount', message: 'Confirm the headcount' }] });
    expect((await h.http().post(`/applications/${id}/resubmit`).set(auth(a.applicant)).send({ answers: [{ remarkId: remarks.body.remarks[0].id, answer: '15 people, confirmed' }] })).body.status).toBe('resubmitted');
    expect((await h.http().post(`/applications/${id}/send-to-commission`).set(auth(a.officer))).body.status).toBe('with-commission');
    await h.http().post(`/applications/${id}/votes`).set(auth(a.member1)).send({ vote: 'register' });
    await h.http().post(`/applications/${id}/votes`).set(auth(a.member2)).send({ vote: 'register' });
    expect((await h.http().post(`/applications/${id}/decision`).set(auth(a.secretary)).send({ decision: 'register' })).body.status).toBe('registered');
    await h.http().post(`/applications/${id}/notification`).set(auth(a.officer));
    const signed = await h.http().post(`/applications/${id}/contract`).set(auth(a.officer)).send({ contractNumber: 'SC-E2E-1', signedOn: '2026-11-16', termMonths: 24 });
    expect(signed.body.status).toBe('contract-signed');
    expect((await h.http().post(`/applications/${id}/certificate`).set(auth(a.officer))).body.status).toBe('certificate-issued');
    expect((await h.http().post(`/applications/${id}/listing`).set(auth(a.officer))).body.status).toBe('listed');

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
      certificateNumber: signed.body.certificateNumber,
      activityTypes: [{ code: 'PH-02', name: 'Искусственный интеллект и анализ данных', works: ['Development and training of machine-learning models'] }],
    });
    const participantId = eventOf(registered.value).payload['participantId'];
    const types = await waitFor('all events of the application on the topic', () => {
      const mine = probe.messages.map((m) => ({ m, e: eventOf(m.value) })).filter(({ e }) => e.aggregateId === id || e.payload['participantId'] === participantId);
      return mine.length >= 8 ? mine : undefined;
    });
    expect(types.map(({ e }) => e.type)).toEqual([
      'registration.application-submitted',
      'registration.remarks-issued',
      'registration.application-submitted',
      'registration.sent-to-commission',
      'registration.decision-made',
      'registration.participant-registered',
      'registration.certificate-issued',
      'registration.participant-listed',
    ]);
    expect(new Set(types.map(({ m }) => m.key))).toEqual(new Set([a.bin]));
    // The outbox is drained by the relay.
    await waitFor('outbox drained', async () => (await h.sql<{ n: string }>(`select count(*)::text n from hub_outbox where published_at is null`))[0]!.n === '0');

    const registry = await h.http().get('/registry?q=End To End');
    expect(registry.body.items).toEqual([expect.objectContaining({ bin: a.bin, certificateNumber: signed.body.certificateNumber, status: 'active' })]);
    const verify = await h.http().get(`/registry/certificates/${signed.body.certificateNumber}`);
    expect(verify.body).toMatchObject({ valid: true, validFrom: '2026-11-16', validTo: '2028-11-15' });
  });
});
