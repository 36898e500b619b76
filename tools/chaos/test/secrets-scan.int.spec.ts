import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBin, makeIin } from '@hub/identifiers';
import { KafkaJsMessageBus } from '@hub/messaging';
import { testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { createTopics, Fleet, REPO, withDb } from '../src/fleet.js';
import { draftBody, todayInAlmaty } from '../src/journey.js';
import { databaseText, scan, type Written } from '../src/scan.js';

/**
 * Issue #18, ADR 0043 §5: secrets and restricted personal data never reach what the platform writes.
 * A whole journey runs through the gateway — registration to contract, participation started over
 * Kafka, the quarter closes (the fleet's shared clock), the company files its quarterly report with an
 * F-42 non-resident (passport number, Latin name, an IIN in the record), the Fund's officer reads the
 * non-residents, a malformed report and a tampered token are refused — with every app at log level
 * `debug`. Then everything written is scanned: each process's stdout/stderr, every row of every table
 * of the three databases (outboxes, inboxes, the gateway's audit trail and kept answers), every message
 * on the run's topics and their dead-letter twins, every error body, every app's /metrics. The access
 * token, the PII key ring, the IIN and the passport number must be nowhere. Canaries planted on purpose
 * in each channel must be found — the scan reads what it claims to read, and fails on a leak.
 */
describe('no secrets or personal data in logs, outboxes, Kafka, DLQ, error bodies or metrics', () => {
  const fleet = new Fleet();
  const clockFile = join(fleet.stateDir, 'clock-offset');
  const topicPrefix = `t.${uniqueName('scan').replace(/_/g, '-')}.`;
  const bin = makeBin({ year: 2017, month: 5, serial: 7000 + (process.pid % 9000) });
  const rand = () => randomBytes(5).toString('hex').toUpperCase();
  const piiKey = randomBytes(32).toString('base64');
  const secrets = {
    passportNumber: `PX${rand()}`,
    iin: makeIin({ birthDate: '1988-11-23', sex: 'female', serial: 1000 + (process.pid % 8000) }),
    latinName: `Zarina Q${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`,
    fullName: `Зарина ${[...randomBytes(8)].map((b) => 'абвгдежзиклмнопрстуфхцчшэюя'[b % 27]).join('')}`,
    piiKeyRing: piiKey,
  } as Record<string, string>;
  const canaries = {
    log: `canary-log-${rand()}`,
    outbox: `CanaryOutbox${rand()}`,
    dlq: `canary-dlq-${rand()}`,
    errorBody: `canary-err-${rand()}`,
  };
  const errorBodies: Written[] = [];
  const urls: Record<string, string> = {};
  const t: Record<string, string> = {};
  let gw = '';

  const call = async (method: string, path: string, who: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${gw}${path}`, {
      method,
      headers: { authorization: `Bearer ${t[who] ?? who}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (res.status >= 400) errorBodies.push({ channel: 'error-body', where: `${method} ${path} → ${res.status}`, text });
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
  };
  const ok = async (status: number, method: string, path: string, who: string, body?: unknown, headers?: Record<string, string>) => {
    const res = await call(method, path, who, body, headers);
    if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 1000)}`);
    return res.body;
  };

  // The quarter in which the company signs, and an instant after it closed (10:00 Almaty on the 5th).
  const today = todayInAlmaty();
  const [y, m] = today.split('-').map(Number) as [number, number];
  const quarter = Math.ceil(m / 3);
  const afterQuarter = quarter === 4 ? Date.UTC(y + 1, 0, 5, 4) : Date.UTC(y, quarter * 3, 5, 4);

  beforeAll(async () => {
    writeFileSync(clockFile, '0');
    // The relays keep their published rows (0 = no purge): the fleet's clock jumps a quarter ahead, past
    // the default retention, and a purge during the jump would empty the outboxes the scan must read.
    fleet.commonEnv = { HUB_TEST_CLOCK_FILE: clockFile, HUB_LOG_LEVEL: 'debug', HUB_OUTBOX_RETAIN_PUBLISHED_HOURS: '0' };
    fleet.nodeArgs = ['--import', join(REPO, 'apps/admin-gateway/test/support/shared-test-clock.mjs')];
    await fleet.init();
    const brokers = testKafkaBrokers().join(',');
    await createTopics(brokers, topicPrefix);
    const [regDb, partDb, gwDb] = await Promise.all([
      fleet.createDatabase('registration'),
      fleet.createDatabase('participation'),
      fleet.createDatabase('gateway'),
    ]);
    await Promise.all([fleet.migrate('registration', regDb), fleet.migrate('participation', partDb), fleet.migrate('admin-gateway', gwDb)]);
    Object.assign(urls, { regDb, partDb, gwDb });
    const common = { ...fleet.authEnv, HUB_KAFKA_BROKERS: brokers, HUB_KAFKA_TOPIC_PREFIX: topicPrefix, HUB_RUN_WORKERS: 'true', HUB_TIMER_POLL_MS: '200' };
    urls.registration = await fleet.start('registration', 'registration', { ...common, DATABASE_URL: regDb });
    urls.participation = await fleet.start('participation', 'participation', {
      ...common,
      DATABASE_URL: partDb,
      HUB_PII_KEYS: `scan:${piiKey}`,
      HUB_PII_ACTIVE_KEY: 'scan',
    });
    gw = await fleet.start('admin-gateway', 'admin-gateway', {
      ...fleet.authEnv,
      DATABASE_URL: gwDb,
      REGISTRATION_URL: urls.registration,
      PARTICIPATION_URL: urls.participation,
    });
    urls.gateway = gw;
    // Tokens outlive the clock jump (the apps check expiry against the shifted clock).
    const ttl = 120 * 24 * 3600;
    t.alice = await fleet.token('alice-rep', ['applicant'], [bin], ttl);
    t.olga = await fleet.token('olga-officer', ['fund-officer'], [], ttl);
    t.marat = await fleet.token('marat-member', ['commission-member'], [], ttl);
    t.saule = await fleet.token('saule-secretary', ['commission-secretary'], [], ttl);
    for (const [who, token] of Object.entries(t)) secrets[`token of ${who}`] = token;
  }, 150_000);

  afterAll(async () => {
    await fleet.close();
  }, 60_000);

  it('a full journey writes none of the secrets anywhere, and every planted canary is found', async () => {
    // F-8 … F-18 through the gateway; the company name carries the outbox canary, one request the log canary.
    const base = '/api/registration/applications';
    const created = await ok(201, 'POST', base, 'alice', { bin, companyName: `Scan ${canaries.outbox}`, address: 'Astana', language: 'ru' });
    const id = String(created.id);
    await ok(200, 'PATCH', `${base}/${id}`, 'alice', draftBody(today), { 'x-correlation-id': canaries.log });
    await ok(200, 'POST', `${base}/${id}/submit`, 'alice', {});
    await ok(200, 'POST', `${base}/${id}/send-to-commission`, 'olga', {});
    await ok(200, 'POST', `${base}/${id}/votes`, 'marat', { vote: 'register' });
    await ok(200, 'POST', `${base}/${id}/decision`, 'saule', { decision: 'register' });
    await ok(200, 'POST', `${base}/${id}/notification`, 'olga', {});
    await ok(200, 'POST', `${base}/${id}/contract`, 'olga', { contractNumber: `SC-${bin}`, signedOn: today }, { 'idempotency-key': randomUUID() });
    const participationId = await waitFor(
      'participation started over Kafka',
      async () => {
        const res = await call('GET', `/api/participation/participations?bin=${bin}`, 'alice');
        return ((res.body?.items as { id: string; status: string }[] | undefined) ?? []).find((p) => p.status === 'active')?.id;
      },
      { timeoutMs: 30_000 },
    );
    // The quarter closes for the whole fleet; its report can be filed.
    writeFileSync(clockFile, String(afterQuarter - Date.now()));
    await waitFor(
      'the quarter closed (fee opened by the durable timer)',
      async () => {
        const res = await call('GET', `/api/participation/participations/${participationId}/fees`, 'alice');
        return Array.isArray(res.body) && (res.body as { year: number; quarter: number }[]).some((f) => f.year === y && f.quarter === quarter)
          ? true
          : undefined;
      },
      { timeoutMs: 30_000 },
    );
    const nonResident = {
      fullName: secrets.fullName,
      fullNameLatin: secrets.latinName,
      dateOfBirth: '1988-11-23',
      status: 'foreign-citizen',
      citizenship: 'Kyrgyzstan',
      countryOfPermanentResidence: 'Kyrgyzstan',
      passport: { number: secrets.passportNumber, issuedOn: '2022-02-02', issuedBy: 'Bishkek office 1' },
      expectedStayFrom: `${y}-${String(quarter * 3 - 2).padStart(2, '0')}`,
      expectedStayUntil: `${y + 1}-12`,
      qualifications: 'MSc, distributed systems',
      visaExtension: `residence permit, IIN ${secrets.iin}`,
      purposeOfStay: 'employment as engineer',
    };
    const report = (nonResidents: unknown) => ({
      resultsAnalysis: 'The product went to production; revenue met the plan.',
      indicators: {
        revenueTiyn: 1_000_000_000,
        exportRevenueTiyn: 200_000_000,
        headcount: 10,
        residentHeadcount: 9,
        nonResidentHeadcount: 1,
        investmentsAttractedTiyn: 0,
      },
      nonResidents,
    });
    const reportPath = `/api/participation/participations/${participationId}/quarterly-reports/${y}/${quarter}`;
    // Refused input that carries the personal data: the 400 names the field, never echoes the value.
    const refused = await call('POST', reportPath, 'alice', report({ engaged: [{ ...nonResident, dateOfBirth: '1988-02-30' }], familyMembers: [] }));
    expect(refused.status).toBe(400);
    // A tampered token: 401, and the token is not echoed or logged.
    expect((await call('GET', `/api/participation/participations?bin=${bin}`, `${t.alice}x`)).status).toBe(401);
    // The error-body canary: a path value the problem document names as the instance.
    await call('GET', `/api/registration/applications/${canaries.errorBody}`, 'alice');
    const filed = await ok(200, 'POST', reportPath, 'alice', report({ engaged: [nonResident], familyMembers: [] }), { 'idempotency-key': randomUUID() });
    // F-42: the officer reads the non-residents (the only place the values may appear: this answer).
    const read = await fetch(`${gw}/api/participation/quarterly-reports/${String(filed.id)}/non-residents`, { headers: { authorization: `Bearer ${t.olga}` } });
    expect(read.status).toBe(200);
    expect(await read.text()).toContain(secrets.passportNumber); // decrypted for the reader: the values did go in

    // Back to the real clock: the broker refuses message timestamps far ahead of its own, so what
    // participation published while the fleet lived in the next quarter waits in its outbox until now.
    writeFileSync(clockFile, '0');
    await waitFor(
      "participation's outbox published",
      () => withDb(urls.partDb!, async (c) => ((await c.query(`select 1 from hub_outbox where published_at is null`)).rowCount === 0 ? true : undefined)),
      { timeoutMs: 45_000 },
    );

    // A poison message on registration's topic: participation's consumer dead-letters it.
    const bus = new KafkaJsMessageBus({ clientId: 'secrets-scan', brokers: testKafkaBrokers() });
    const topics = (await bus.listTopics()).filter((n) => n.startsWith(topicPrefix));
    const registrationTopic = topics.find((n) => n.includes('registration') && !n.endsWith('.dlq'))!;
    await bus.publish([{ topic: registrationTopic, key: bin, value: `{"type": "registration.participant-registered", broken JSON ${canaries.dlq}` }]);

    // Everything on the run's topics, dead-letter twins included.
    const kafka: Written[] = [];
    const sub = await bus.subscribe({
      groupId: uniqueName('scan'),
      topics,
      fromBeginning: true,
      handle: async (msg) => {
        kafka.push({
          channel: msg.topic.endsWith('.dlq') ? 'dlq' : 'kafka',
          where: `${msg.topic}@${msg.partition}:${msg.offset}`,
          text: `${msg.key ?? ''} ${JSON.stringify(msg.headers)} ${msg.value?.toString() ?? ''}`,
        });
      },
    });
    await waitFor('the poison message dead-lettered, and read back', async () => (kafka.some((k) => k.channel === 'dlq') ? true : undefined), {
      timeoutMs: 45_000,
    });
    await new Promise((r) => setTimeout(r, 2_000)); // the rest of the topics, read while the DLQ arrived
    await sub.stop();
    await bus.close();

    const metrics: Written[] = [];
    for (const app of ['registration', 'participation', 'admin-gateway'] as const) {
      const res = await fetch(`${fleet.url(app)}/metrics`);
      metrics.push({ channel: 'metrics', where: app, text: await res.text() });
    }
    await new Promise((r) => setTimeout(r, 500)); // the last log lines reach the files
    const written: Written[] = [
      ...fleet.names().map((n) => ({ channel: 'log' as const, where: fleet.logFile(n), text: fleet.logText(n) })),
      ...(await databaseText(urls.regDb!, 'registration')),
      ...(await databaseText(urls.partDb!, 'participation')),
      ...(await databaseText(urls.gwDb!, 'gateway')),
      ...kafka,
      ...errorBodies,
      ...metrics,
    ];
    const sizes = Object.fromEntries(
      ['log', 'database', 'kafka', 'dlq', 'error-body', 'metrics'].map((c) => [
        c,
        written.filter((w) => w.channel === c).reduce((n, w) => n + w.text.length, 0),
      ]),
    );
    process.stdout.write(`secrets scan: ${written.length} sources, characters per channel ${JSON.stringify(sizes)}\n`);

    // The planted canaries are found, each where it was planted: the scan reads every channel.
    const found = scan(written, canaries);
    expect(new Set(found.filter((h) => h.needle === 'log').map((h) => h.channel))).toContain('log');
    process.stdout.write(`canaries found: ${found.map((h) => `${h.needle} in ${h.channel} ${h.where}`).join('; ')}\n`);
    // The company name is in registration's and participation's outboxes (kept: no purge in this fleet) and on Kafka.
    expect(found.filter((h) => h.needle === 'outbox').map((h) => h.where)).toEqual(
      expect.arrayContaining(['registration.hub_outbox', 'participation.hub_outbox']),
    );
    expect(new Set(found.filter((h) => h.needle === 'outbox').map((h) => h.channel))).toContain('kafka');
    expect(new Set(found.filter((h) => h.needle === 'dlq').map((h) => h.channel))).toContain('dlq');
    expect(new Set(found.filter((h) => h.needle === 'errorBody').map((h) => h.channel))).toContain('error-body');
    expect(sizes.metrics).toBeGreaterThan(1000);
    expect(metrics.find((m) => m.where === 'registration')?.text).toContain('hub_outbox_pending_events');

    // …and no secret is anywhere.
    const leaks = scan(written, secrets);
    expect(leaks.map((h) => `${h.needle} in ${h.channel} ${h.where}: …${h.context}…`)).toEqual([]);
  }, 240_000);
});
