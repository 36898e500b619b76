import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PiiCipher } from '@hub/pii';
import { CohortCompletionMadeV2, CohortEnrolmentMadeV2, CohortExpulsionMadeV2, EventRegistry, TOPICS, topicSpecs } from '@hub/contracts';
import { KafkaJsMessageBus, PrefixedMessageBus } from '@hub/messaging';
import { TopicProbe, anIin, testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { type Harness, auth, bus, json, newBin, participationStarted, startHarness } from '../support/services-harness.js';

const topic = TOPICS.services.name;
const consumed = TOPICS.participation.name;

let h: Harness;
let probe: TopicProbe;
beforeAll(async () => {
  // This run's own topics (HUB_KAFKA_TOPIC_PREFIX, `t.` so that tools/hub test prunes them), created before the app boots.
  const prefix = `t.${uniqueName('services-e2e').replace(/_/g, '-')}.`;
  const admin = new PrefixedMessageBus(new KafkaJsMessageBus({ clientId: 'services-e2e-topics', brokers: testKafkaBrokers() }), prefix);
  try {
    await admin.createTopics(topicSpecs().filter((t) => [topic, consumed].some((name) => t.name === name || t.name === `${name}.dlq`)));
  } finally {
    await admin.close();
  }
  h = await startHarness('services_e2e', { workers: true, env: { HUB_KAFKA_TOPIC_PREFIX: prefix } });
  probe = await TopicProbe.start(bus(h), topic);
});
afterAll(async () => {
  await probe?.stop();
  await h?.close();
});

describe('end to end through HTTP, the outbox relay and Kafka (workers on)', () => {
  it('participation-started reaches services; the participant files and is contracted at the participant price; the events are on the topic keyed by the BIN', async () => {
    const started = participationStarted();
    const bin = started.payload.bin;
    await bus(h).publish([{ topic: consumed, key: bin, value: JSON.stringify(started) }]);
    await waitFor('the participation in services_participation', async () => {
      const rows = await h.sql(`select 1 from services_participation where participation_id = ?`, [started.payload.participationId]);
      return rows.length > 0 ? rows : undefined;
    });
    const officer = await h.token(['fund-officer']);
    const service = json<{ id: string }>(
      await h
        .http()
        .post('/services')
        .set(auth(officer))
        .send({
          code: 'consult-e2e',
          title: 'Consultation',
          direction: 'consultation',
          eligibility: 'participants-only',
          requiredSections: { readiness: false, team: false, pitch: false },
          delivery: 'fund',
        }),
    );
    await h
      .http()
      .post(`/services/${service.id}/prices`)
      .set(auth(officer))
      .send({ effectiveFrom: '2026-01-01', participantPriceTiyn: 500_00, nonParticipantPriceTiyn: null, documentRef: 'Order 1' });
    const call = json<{ id: string }>(
      await h
        .http()
        .post('/calls')
        .set(auth(officer))
        .send({
          serviceId: service.id,
          title: 'Consultations, December',
          contractConditions: 'Conditions',
          draftContract: { serviceConditions: 'One session', paymentOrder: 'Before', paymentAmount: 'Per the list' },
          intakeOpensOn: '2026-12-16',
          intakeClosesOn: '2026-12-31',
        }),
    );
    h.clock.set('2026-12-16T04:00:00Z');
    const filed = await h
      .http()
      .post('/service-applications')
      .set(auth(await h.token(['applicant'], [bin])))
      .send({
        callId: call.id,
        recipient: { kind: 'legal-entity', bin },
        language: 'kk',
        declarationAccepted: true,
        content: {
          project: { name: 'P', direction: 'D', summary: 'S', expectedResults: 'R' },
          contacts: { phone: '+7 701 000 0000', email: 'a@example.kz', city: 'Astana', country: 'Kazakhstan' },
        },
      });
    expect(filed.status).toBe(201);
    const id = json<{ id: string }>(filed).id;
    await h.http().post(`/service-applications/${id}/decision`).set(auth(officer)).send({ outcome: 'conclude-contract' });
    expect((await h.http().post(`/service-applications/${id}/contract`).set(auth(officer)).send()).status).toBe(200);
    const message = await probe.waitFor(
      'contract-signed of this application',
      (m) => (m.value?.includes(id) && m.value.includes('services.contract-signed')) ?? false,
    );
    expect(message.key).toBe(bin);
    expect(JSON.parse(message.value ?? '{}')).toMatchObject({
      type: 'services.contract-signed',
      version: 1,
      payload: { applicationId: id, priceTiyn: 500_00, priceBasis: 'participant', recipientId: bin },
    });
  });

  it('F-44 → housing (F-59 … F-61): enrolment, expulsion and completion reach the topic, keyed by the recipient, and decode with the contracts’ v2 definitions — the person a blind index, never the IIN (ADR 0123)', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const officer = await h.token(['fund-officer']);
    const service = json<{ id: string }>(
      await h
        .http()
        .post('/services')
        .set(auth(officer))
        .send({
          code: 'accel-e2e',
          title: 'Acceleration',
          direction: 'acceleration',
          eligibility: 'anyone',
          requiredSections: { readiness: false, team: false, pitch: false },
          delivery: 'fund',
        }),
    );
    await h
      .http()
      .post(`/services/${service.id}/prices`)
      .set(auth(officer))
      .send({ effectiveFrom: '2026-01-01', participantPriceTiyn: 100_00, nonParticipantPriceTiyn: 300_00, documentRef: 'Order 1' });
    const call = json<{ id: string }>(
      await h
        .http()
        .post('/calls')
        .set(auth(officer))
        .send({
          serviceId: service.id,
          title: 'Acceleration, winter',
          contractConditions: 'Conditions',
          draftContract: { serviceConditions: 'Twelve weeks', paymentOrder: 'Before', paymentAmount: 'Per the list' },
          intakeOpensOn: '2026-12-16',
          intakeClosesOn: '2026-12-31',
        }),
    );
    h.clock.set('2026-12-16T04:00:00Z');
    const bin = newBin();
    const filed = json<{ id: string }>(
      await h
        .http()
        .post('/service-applications')
        .set(auth(await h.token(['applicant'], [bin])))
        .send({
          callId: call.id,
          recipient: { kind: 'legal-entity', bin },
          language: 'ru',
          declarationAccepted: true,
          content: {
            project: { name: 'P', direction: 'D', summary: 'S', expectedResults: 'R' },
            contacts: { phone: '+7 701 000 0000', email: 'a@example.kz', city: 'Astana', country: 'Kazakhstan' },
          },
        }),
    );
    await h.http().post(`/service-applications/${filed.id}/decision`).set(auth(officer)).send({ outcome: 'conclude-contract' });
    expect((await h.http().post(`/service-applications/${filed.id}/contract`).set(auth(officer)).send()).status).toBe(200);
    const cohort = json<{ id: string }>(
      await h
        .http()
        .post('/cohorts')
        .set(auth(officer))
        .send({
          serviceId: service.id,
          title: 'Winter',
          town: { katoCode: '711000000', name: 'Astana' },
          startsOn: '2027-01-11',
          endsOn: '2027-04-02',
          capacity: 5,
        }),
    );
    const [stays, leaves] = [anIin(), anIin()];
    const enrolled = async (personIin: string) => {
      const res = await h.http().post(`/cohorts/${cohort.id}/enrolments`).set(auth(officer)).send({ applicationId: filed.id, personIin });
      expect(res.status).toBe(201);
      return json<{ enrolments: { id: string; personIin: string }[] }>(res).enrolments.find((e) => e.personIin === personIin)!.id;
    };
    const stayer = await enrolled(stays);
    const leaver = await enrolled(leaves);
    await h.http().post(`/cohorts/${cohort.id}/enrolments/${leaver}/expulsion`).set(auth(officer)).send({ ground: 'own-request', reasons: 'Moved abroad' });
    h.clock.set('2027-04-02T10:00:00Z');
    expect((await h.http().post(`/cohorts/${cohort.id}/enrolments/${stayer}/completion`).set(auth(officer)).send()).status).toBe(200);

    const registry = new EventRegistry([CohortEnrolmentMadeV2, CohortExpulsionMadeV2, CohortCompletionMadeV2]);
    const ref = (iin: string) => h.app.get(PiiCipher).blindIndex(iin); // ADR 0123: v2 names the person by the blind index
    const decoded = async (type: string, enrolmentId: string) => {
      const m = await probe.waitFor(`${type} of ${enrolmentId}`, (x) => (x.value?.includes(enrolmentId) && x.value.includes(`"${type}"`)) ?? false);
      expect(m.key).toBe(bin);
      for (const iin of [stays, leaves]) expect(m.value).not.toContain(iin); // no IIN on the bus (ADR 0123)
      const r = registry.decode(m.value ?? null);
      if (!r.ok) throw new Error(`${type} does not decode: ${r.reason} ${r.detail}`);
      return r.envelope.payload as Record<string, unknown>;
    };
    expect(await decoded(CohortEnrolmentMadeV2.type, stayer)).toMatchObject({
      enrolmentId: stayer,
      cohortId: cohort.id,
      recipientId: bin,
      personRef: ref(stays),
      town: { katoCode: '711000000', name: 'Astana' },
      cohortStartsOn: '2027-01-11',
      cohortEndsOn: '2027-04-02',
      enrolledOn: '2026-12-16',
    });
    expect(await decoded(CohortExpulsionMadeV2.type, leaver)).toMatchObject({ personRef: ref(leaves), ground: 'own-request', expelledOn: '2026-12-16' });
    expect(await decoded(CohortCompletionMadeV2.type, stayer)).toMatchObject({ personRef: ref(stays), completedOn: '2027-04-02' });
  });
});
