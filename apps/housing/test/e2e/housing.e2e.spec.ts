import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventEnvelope, TOPICS, topicSpecs } from '@hub/contracts';
import { KafkaJsMessageBus, PrefixedMessageBus } from '@hub/messaging';
import { TopicProbe, testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { type Harness, auth, bus, cohortEnrolment, cohortExpulsion, json, newTown, startHarness } from '../support/housing-harness.js';
import { type AllocationJson, act, manager, personToken, requestHousing, townWithDwelling } from '../support/housing-fixtures.js';

const topic = TOPICS.housing.name;
const consumed = TOPICS.services.name;

let h: Harness;
let probe: TopicProbe;
beforeAll(async () => {
  // This run's own topics (HUB_KAFKA_TOPIC_PREFIX; `t.` so that tools/hub test prunes them); they
  // exist before the app starts, because with workers on its consumers subscribe while it boots.
  const prefix = `t.${uniqueName('housing-e2e').replace(/_/g, '-')}.`;
  const admin = new PrefixedMessageBus(new KafkaJsMessageBus({ clientId: 'housing-e2e-topics', brokers: testKafkaBrokers() }), prefix);
  try {
    await admin.createTopics(
      topicSpecs().filter((t) =>
        [topic, consumed, TOPICS.registration.name, TOPICS.participation.name].some((name) => t.name === name || t.name === `${name}.dlq`),
      ),
    );
  } finally {
    await admin.close();
  }
  h = await startHarness('housing_e2e', { workers: true, env: { HUB_KAFKA_TOPIC_PREFIX: prefix } });
  probe = await TopicProbe.start(bus(h), topic);
});
afterAll(async () => {
  await probe?.stop();
  await h?.close();
});

type Envelope = { type: string; version: number; payload: Record<string, unknown> };
const parse = (m: { value?: string | null }): Envelope => JSON.parse(m.value ?? '{}') as Envelope;
const published = (type: string, match: (p: Record<string, unknown>) => boolean) =>
  probe.waitFor(type, (m) => {
    const e = parse(m);
    return e.type === type && match(e.payload);
  });
const publishServices = (e: EventEnvelope) =>
  bus(h).publish([{ topic: consumed, key: (e.payload as { recipientId: string }).recipientId, value: JSON.stringify(e) }]);

describe('end to end over Kafka (workers on: consumer, outbox relay, timer poller)', () => {
  it('enrolment → waitlist → offer → check-in → expulsion → 2 WD deadline → overdue → act → the next person gets the offer', async () => {
    const town = newTown();
    await townWithDwelling(h, 1, town);
    const first = cohortEnrolment({ town, enrolledOn: '2026-11-02' });
    const second = cohortEnrolment({ town, enrolledOn: '2026-11-03' });
    await publishServices(first);
    await publishServices(second);
    await waitFor('both enrolments in housing', async () => {
      const rows = await h.sql(`select enrolment_id from housing_enrolment where enrolment_id in (?, ?)`, [
        first.payload.enrolmentId,
        second.payload.enrolmentId,
      ]);
      return rows.length === 2 ? rows : undefined;
    });
    const a = { enrolment: first, subject: 'e2e-person-a', iin: first.payload.personIin };
    const b = { enrolment: second, subject: 'e2e-person-b', iin: second.payload.personIin };
    const caseA = json<{ id: string }>(await requestHousing(h, a)).id;
    const caseB = json<{ id: string }>(await requestHousing(h, b)).id;

    const offer = await published('housing.offer-made', (p) => p['caseId'] === caseA);
    const allocationId = parse(offer).payload['allocationId'] as string;
    expect(offer.key).toBe(parse(offer).payload['unitId']);
    expect(offer.value).not.toContain(a.iin); // F-42: no personal data leaves
    expect(parse(offer).payload['personSubject']).toBe(a.subject); // ADR 0116: notifications tell the person by their portal subject

    const accepted = await h
      .http()
      .post(`/allocations/${allocationId}/accept`)
      .set(auth(await personToken(h, a)))
      .send({ acceptsDuties: true });
    expect(accepted.status).toBe(200);
    const checkedIn = await h
      .http()
      .post(`/allocations/${allocationId}/check-in`)
      .set(auth(await manager(h)))
      .send(act('2026-11-16'));
    expect(checkedIn.status).toBe(200);
    await published('housing.unit-allocated', (p) => p['allocationId'] === allocationId);
    await published('housing.act-signed', (p) => p['allocationId'] === allocationId && p['kind'] === 'check-in');

    // services expels the first person on Tuesday 15 December 2026; Wednesday 16 is Independence Day.
    h.clock.set('2026-12-15T06:00:00Z');
    await publishServices(cohortExpulsion(first, '2026-12-15'));
    const staff = await h.token(['fund-officer']);
    const vacating = await waitFor('the vacate deadline', async () => {
      const found = json<AllocationJson>(await h.http().get(`/allocations/${allocationId}`).set(auth(staff)));
      return found.status === 'vacating' ? found : undefined;
    });
    expect(vacating.vacateBy).toBe('2026-12-18');
    // ADR 0116: the F-61 notice's fact — the exact working day, to the person, nothing personal beyond their portal subject
    const required = await published('housing.vacate-required', (p) => p['allocationId'] === allocationId);
    expect(parse(required).payload).toMatchObject({ vacateBy: '2026-12-18', reason: 'expulsion', personSubject: a.subject });
    expect(required.value).not.toContain(a.iin);

    h.clock.set('2026-12-18T19:00:01Z'); // the due day has ended in Almaty; the poller fires the timer
    const overdue = await published('housing.vacate-overdue', (p) => p['allocationId'] === allocationId);
    expect(parse(overdue).payload).toMatchObject({ vacateBy: '2026-12-18', reason: 'expulsion' });
    const board = json<{ items: { subjectId: string; overdue: boolean }[] }>(await h.http().get('/deadlines').set(auth(staff))).items;
    expect(board.find((d) => d.subjectId === allocationId)?.overdue).toBe(true);

    h.clock.set('2026-12-21T05:00:00Z');
    const handover = await h
      .http()
      .post(`/allocations/${allocationId}/handover`)
      .set(auth(await manager(h)))
      .send({ ...act('2026-12-21'), damages: [] });
    expect(handover.status).toBe(200);
    await published('housing.act-signed', (p) => p['allocationId'] === allocationId && p['kind'] === 'acceptance-transfer');
    await published('housing.unit-released', (p) => p['allocationId'] === allocationId && p['releasedOn'] === '2026-12-21');
    const next = await published('housing.offer-made', (p) => p['caseId'] === caseB);
    expect(parse(next).payload).toMatchObject({ unitId: vacating.unitId, bed: vacating.bed, acceptBy: '2026-12-24' });
  });
});
