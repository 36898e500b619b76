import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TOPICS, topicSpecs } from '@hub/contracts';
import { KafkaJsMessageBus, PrefixedMessageBus } from '@hub/messaging';
import { HUB_LOGGER, createLogger } from '@hub/nest-commons';
import { PiiCipher, piiCipherFrom, piiConfigShape } from '@hub/pii';
import { TopicProbe, anIin, testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { type Harness, MINIMAL_CONTENT, TEST_PII, auth, bus, json, serviceWithCall, startHarness } from '../support/services-harness.js';

/**
 * F-42 (ADR 0069): an individual service recipient's IIN goes into no services row but the encrypted
 * registry, no outbox message, no Kafka key or value and no log line of a whole run — filing, remarks,
 * resubmission, decision, contract, invoice, a bank-statement payment by that IIN, a delivery act, a cohort
 * enrolment — the cohort events included since ADR 0123 (v2 names the person by the blind index, v1 carried the
 * IIN for housing, ADR 0064). Workers on: the relay publishes to this run's own topics, a probe reads them back.
 */
const topic = TOPICS.services.name;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const logLines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    logLines.push(chunk.toString());
    done();
  },
});

let h: Harness;
let probe: TopicProbe;
beforeAll(async () => {
  const prefix = `t.${uniqueName('services-pseudonym').replace(/_/g, '-')}.`;
  const admin = new PrefixedMessageBus(new KafkaJsMessageBus({ clientId: 'services-pseudonym-topics', brokers: testKafkaBrokers() }), prefix);
  try {
    await admin.createTopics(topicSpecs().filter((t) => t.name === topic || t.name === `${topic}.dlq`));
  } finally {
    await admin.close();
  }
  h = await startHarness('services_pseudonym', {
    workers: true,
    env: { HUB_KAFKA_TOPIC_PREFIX: prefix },
    // every log line of the run, at the most talkative level, into the sink the test searches
    overrides: (b) => b.overrideProvider(HUB_LOGGER).useValue(createLogger('services', 'trace', sink)),
  });
  probe = await TopicProbe.start(bus(h), topic);
});
afterAll(async () => {
  await probe?.stop();
  await h?.close();
});

describe('F-42 (ADR 0069): an individual recipient is a pseudonym outside the encrypted registry', () => {
  it('a whole run — outbox, Kafka keys and values, every table, every log line — holds the IIN nowhere — housing’s cohort facts included (v2, ADR 0123)', async () => {
    const officer = await h.token(['fund-officer']);
    const finance = await h.token(['finance-officer']);
    const { serviceId, callId } = await serviceWithCall(h, officer, {
      code: 'accel-person',
      direction: 'acceleration',
      participantPriceTiyn: 100_000_00,
      nonParticipantPriceTiyn: 300_000_00,
    });
    h.clock.set('2026-12-21T04:00:00Z'); // Monday, inside the intake
    const iin = anIin();
    const person = await h.token(['applicant'], [], 'person-pseudonym');
    const filed = await h
      .http()
      .post('/service-applications')
      .set(auth(person))
      .send({ callId, recipient: { kind: 'individual', iin }, language: 'ru', declarationAccepted: true, content: MINIMAL_CONTENT });
    expect(filed.status).toBe(201);
    const a = json<{ id: string; recipientId: string }>(filed);
    expect(a.recipientId).toMatch(UUID);

    const remarks = await h
      .http()
      .post(`/service-applications/${a.id}/remarks`)
      .set(auth(officer))
      .send({ remarks: [{ field: 'project.summary', message: 'Say which region' }] });
    expect(remarks.status).toBe(200);
    const resubmitted = await h
      .http()
      .post(`/service-applications/${a.id}/resubmission`)
      .set(auth(person))
      .send({ content: { ...MINIMAL_CONTENT, project: { ...MINIMAL_CONTENT.project, summary: 'Crop forecasts, Akmola region' } } });
    expect(resubmitted.status).toBe(200);
    expect((await h.http().post(`/service-applications/${a.id}/decision`).set(auth(officer)).send({ outcome: 'conclude-contract' })).status).toBe(200);
    expect((await h.http().post(`/service-applications/${a.id}/contract`).set(auth(officer)).send()).status).toBe(200);

    const invoice = await h.http().post(`/service-applications/${a.id}/invoices`).set(auth(finance)).send({ amountTiyn: 300_000_00, purpose: 'The programme' });
    expect(invoice.status).toBe(201);
    const number = json<{ number: string }>(invoice).number;
    // the statement names the payer by the IIN: looked up through the blind index, matched to the pseudonym, not stored
    const other = anIin();
    const csv = (payer: string, ref: string) => `paid_on,payer,amount_kzt,reference,invoice\n2026-12-21,${payer},300000,${ref},${number}`;
    const wrong = await h
      .http()
      .post('/invoice-payments/imports')
      .set(auth(finance))
      .send({ csv: csv(other, 'ST-OTHER') });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toContain('csv.row[2].payer');
    expect(JSON.stringify(wrong.body)).not.toContain(other);
    expect(
      (
        await h
          .http()
          .post('/invoice-payments/imports')
          .set(auth(finance))
          .send({ csv: csv(iin, 'ST-PSEUDONYM') })
      ).status,
    ).toBe(201);
    expect(
      (
        await h
          .http()
          .post(`/service-applications/${a.id}/delivery-acts`)
          .set(auth(officer))
          .send({ deliveredFrom: '2026-12-21', deliveredTo: '2026-12-21', description: 'Onboarding day' })
      ).status,
    ).toBe(201);

    // F-43 with ADR 0069: an individual's contract enrols that person (found by the IIN's index), nobody else
    const cohort = json<{ id: string }>(
      await h
        .http()
        .post('/cohorts')
        .set(auth(officer))
        .send({ serviceId, title: 'Winter', town: { katoCode: '711000000', name: 'Astana' }, startsOn: '2027-01-11', endsOn: '2027-04-02', capacity: 5 }),
    );
    const stranger = await h.http().post(`/cohorts/${cohort.id}/enrolments`).set(auth(officer)).send({ applicationId: a.id, personIin: other });
    expect(stranger.status).toBe(422);
    expect(JSON.stringify(stranger.body)).toContain('personIin');
    expect(JSON.stringify(stranger.body)).not.toContain(other);
    expect((await h.http().post(`/cohorts/${cohort.id}/enrolments`).set(auth(officer)).send({ applicationId: a.id, personIin: iin })).status).toBe(201);

    // the registry: one person, the IIN only as ciphertext bound to the pseudonym and as its blind index
    const cipher = piiCipherFrom(z.object(piiConfigShape).parse(TEST_PII));
    const people = await h.sql<{ id: string; iin_index: string; iin_cipher: string }>(`select id, iin_index, iin_cipher from services_recipient_person`);
    expect(people).toHaveLength(1);
    expect(people[0]!.id).toBe(a.recipientId);
    expect(people[0]!.iin_index).toBe(cipher.blindIndex(iin));
    expect(cipher.decrypt(people[0]!.iin_cipher, a.recipientId)).toBe(iin);

    // every message reached Kafka keyed by the pseudonym
    const outbox = await h.sql<{ event_type: string; message_key: string; envelope: { payload: Record<string, unknown> } }>(
      `select event_type, message_key, envelope from hub_outbox order by position`,
    );
    const mine = outbox.filter((m) => m.envelope.payload['recipientKind'] === 'individual');
    expect(mine.map((m) => m.event_type)).toEqual(
      expect.arrayContaining([
        'services.application-filed',
        'services.application-remarks-issued',
        'services.application-decision-made',
        'services.contract-signed',
        'services.invoice-issued',
        'services.invoice-paid',
        'services.delivery-act-issued',
        'services.cohort-enrolment-made',
      ]),
    );
    expect(new Set(mine.map((m) => m.message_key))).toEqual(new Set([a.recipientId]));
    const onTopic = await probe.waitForCount(outbox.length);
    expect(onTopic.filter((m) => m.key === a.recipientId)).toHaveLength(mine.length);
    // ADR 0123 (ASVS finding): the cohort facts are v2 — the person is the blind index, the IIN is in no event at all
    for (const m of onTopic) {
      expect(m.key).not.toContain(iin);
      expect(m.value!).not.toContain(iin);
      const e = JSON.parse(m.value!) as { type: string; version: number; payload: Record<string, unknown> };
      if (e.type.startsWith('services.cohort-')) expect(e).toMatchObject({ version: 2, payload: { personRef: h.app.get(PiiCipher).blindIndex(iin) } });
    }
    for (const m of outbox) expect(JSON.stringify(m.envelope)).not.toContain(iin);

    // no other table of services holds it in clear (the registry and the enrolment hold ciphertexts)
    const tables = await h.sql<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'hub_outbox'`,
    );
    expect(tables.length).toBeGreaterThan(10);
    for (const { table_name } of tables) {
      const rows = await h.sql<{ r: string }>(`select t::text as r from "${table_name}" t`);
      for (const { r } of rows) expect(r, table_name).not.toContain(iin);
    }

    // and no log line of the run (the logger at trace: requests, the relay, the timers)
    await waitFor('the relay’s log lines', () => (logLines.length > 0 ? logLines : undefined));
    expect(logLines.join('\n')).toContain(a.id); // the sink does hear the run
    expect(logLines.join('\n')).not.toContain(iin);
  });

  it('F-42 (ADR 0069): one person filing into two calls at once gets one pseudonym — concurrent first uses meet on the blind index', async () => {
    const officer = await h.token(['fund-officer']);
    h.clock.set('2026-11-16T04:00:00Z');
    const calls = [
      (await serviceWithCall(h, officer, { code: 'consult-a', direction: 'consultation', participantPriceTiyn: 1_00, nonParticipantPriceTiyn: 2_00 })).callId,
      (await serviceWithCall(h, officer, { code: 'consult-b', direction: 'consultation', participantPriceTiyn: 1_00, nonParticipantPriceTiyn: 2_00 })).callId,
    ];
    h.clock.set('2026-12-21T04:00:00Z');
    const iin = anIin();
    const person = await h.token(['applicant'], [], 'person-twice');
    const filed = await Promise.all(
      calls.map((callId) =>
        h
          .http()
          .post('/service-applications')
          .set(auth(person))
          .send({ callId, recipient: { kind: 'individual', iin }, language: 'kk', declarationAccepted: true, content: MINIMAL_CONTENT }),
      ),
    );
    expect(filed.map((r) => r.status)).toEqual([201, 201]);
    const ids = filed.map((r) => json<{ recipientId: string }>(r).recipientId);
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toBe(ids[0]);
    const cipher = piiCipherFrom(z.object(piiConfigShape).parse(TEST_PII));
    expect(await h.sql(`select id from services_recipient_person where iin_index = ?`, [cipher.blindIndex(iin)])).toEqual([{ id: ids[0] }]);
  });
});
