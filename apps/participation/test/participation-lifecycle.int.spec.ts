import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { uuidv7 } from '@hub/kernel';
import { sql } from '@hub/messaging';
import { Harness, body, items } from './support/harness.js';

describe('participation lifecycle on the real database (F-24, F-25, F-27)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await Harness.start({ prefix: 'part_life' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('F-24: participant-registered starts a participation and publishes participation-started keyed by BIN', async () => {
    const { id, bin } = await h.register();
    const res = await h.http().get(`/participations/${id}`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, bin, status: 'active', termStart: '2026-03-02', termEnd: '2027-03-01', activityTypeCodes: ['62.01'] });
    // F-25: 10 WD before 2027-03-01 (Mon) is 2027-02-15 (Mon).
    expect(body(res).extensionDeadline).toBe('2027-02-15');
    const started = (await h.outbox('participation.participation-started')).filter((e) => e.payload.bin === bin);
    expect(started).toHaveLength(1);
    expect(started[0]!.key).toBe(bin);
    const timers = await sql<{ kind: string; due_at: Date }>(
      h.orm.em.fork(),
      `select kind, due_at from hub_timer where timer_key = ? and status = 'scheduled' order by kind`,
      [id],
    );
    expect(timers.map((t) => t.kind)).toEqual(['participation.planned-end', 'participation.quarter-closed']);
    // F-27: the planned end fires at the first instant after 2027-03-01 in Almaty (UTC+5).
    expect(new Date(timers[0]!.due_at).toISOString()).toBe('2027-03-01T19:00:00.000Z');
  });

  it('replaying the same participant-registered twice (and the same fact under a new event id) starts one participation', async () => {
    const env = h.registeredEnvelope();
    expect(await h.deliver(env, '10')).toBe('handled');
    expect(await h.deliver(env, '10')).toBe('duplicate');
    expect(await h.deliver({ ...env, id: '018f0000-0000-7000-8000-00000000abcd' }, '11')).toBe('handled');
    const rows = await sql<{ n: string }>(h.orm.em.fork(), 'select count(*)::text as n from participation where participant_id = ?', [
      env.payload.participantId,
    ]);
    expect(rows[0]!.n).toBe('1');
    const started = (await h.outbox('participation.participation-started')).filter((e) => e.payload.participantId === env.payload.participantId);
    expect(started).toHaveLength(1);
  });

  it('F-24: a term shorter than the configured minimum is refused (dead-lettered, nothing written)', async () => {
    const env = h.registeredEnvelope({ termEnd: '2027-02-27' });
    expect(await h.deliver(env, '12')).toBe('dead-lettered');
    const rows = await sql(h.orm.em.fork(), 'select 1 from participation where participant_id = ?', [env.payload.participantId]);
    expect(rows).toHaveLength(0);
  });

  it('F-20: activity-types-changed replaces the activity types', async () => {
    const { id, bin, participantId } = await h.register();
    const outcome = await h.deliver({
      id: '018f0000-0000-7000-8000-0000000000a1',
      type: 'registration.activity-types-changed',
      version: 1,
      occurredAt: h.clock.now().toISOString(),
      correlationId: 'c-1',
      causationId: null,
      aggregateId: bin,
      payload: {
        participantId,
        applicationId: '018f0000-0000-7000-8000-0000000000a2',
        bin,
        activityTypes: [
          { code: '62.02', name: 'Consulting', works: [] },
          { code: '63.11', name: 'Data processing', works: [] },
        ],
        added: ['62.02', '63.11'],
        removed: ['62.01'],
        effectiveFrom: '2026-03-10',
      },
    });
    expect(outcome).toBe('handled');
    const res = await h.http().get(`/participations/${id}`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect(body(res).activityTypeCodes).toEqual(['62.02', '63.11']);
  });

  it('F-35: an applicant sees only its own company', async () => {
    const { id, bin } = await h.register();
    const other = await h.register();
    const own = await h.applicant(bin);
    expect((await h.http().get(`/participations/${id}`).set('authorization', `Bearer ${own}`)).status).toBe(200);
    // F-35, ADR 0141: another company's participation is the same 404 as an unknown id — its existence is not disclosed
    const others = await h.http().get(`/participations/${other.id}`).set('authorization', `Bearer ${own}`);
    const unknown = await h.http().get(`/participations/${uuidv7()}`).set('authorization', `Bearer ${own}`);
    expect([others.status, unknown.status]).toEqual([404, 404]);
    expect(body(others).title).toBe(body(unknown).title);
    expect(JSON.stringify(others.body)).not.toContain(other.bin);
    for (const path of [`/participations/${other.id}/fees`, `/participations/${other.id}/quarterly-reports`, `/participations/${other.id}/extensions`])
      expect(`${path} → ${(await h.http().get(path).set('authorization', `Bearer ${own}`)).status}`).toBe(`${path} → 404`);
    // … and each of these routes documents that 404 in its OpenAPI (the web's generated client reads it)
    const openapi = (await h.http().get('/openapi.json')).body as { paths: Record<string, { get?: { responses?: Record<string, unknown> } }> };
    for (const route of ['/participations/{id}', '/participations/{id}/fees', '/participations/{id}/quarterly-reports', '/participations/{id}/extensions'])
      expect(`${route}: ${Object.keys(openapi.paths[route]?.get?.responses ?? {}).includes('404')}`).toBe(`${route}: true`);
    const terminate = await h
      .http()
      .post(`/participations/${other.id}/early-terminations`)
      .set('authorization', `Bearer ${own}`)
      .send({ ground: 'voluntary-withdrawal', reason: 'not ours' });
    expect(terminate.status).toBe(404);
    expect(body(terminate).title).toBe(body(unknown).title);
    const list = await h.http().get('/participations').set('authorization', `Bearer ${own}`);
    expect(items(list).map((p) => p.bin)).toEqual([bin]);
  });

  it('F-25: a late extension application is refused with a message pointing to re-registration under F-8', async () => {
    const { id, bin } = await h.register();
    h.clock.set('2027-02-15T18:00:00.000Z'); // 23:00 on 15 Feb in Almaty: the last day, still in time
    const applicant = await h.applicant(bin);
    const inTime = await h.http().post(`/participations/${id}/extensions`).set('authorization', `Bearer ${applicant}`).send({ requestedTermEnd: '2028-03-01' });
    expect(inTime.status).toBe(201);
    // ADR 0105: the application in time is published (notifications stops the F-25 window reminder).
    const filed = (await h.outbox('participation.extension-filed')).filter((e) => e.payload.participationId === id);
    expect(filed.map((e) => [e.key, e.payload.extensionId, e.payload.filedOn, e.payload.requestedTermEnd])).toEqual([
      [bin, body(inTime).id, '2027-02-15', '2028-03-01'],
    ]);
    await h
      .http()
      .post(`/participations/${id}/extensions/${body(inTime).id}/decision`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ decision: 'reject', reason: 'plan not updated' })
      .expect(200);
    // ADR 0107: the refusal is published (notifications re-arms the F-25 window reminder), without its reason.
    const refused = (await h.outbox('participation.extension-refused')).filter((e) => e.payload.participationId === id);
    expect(refused.map((e) => [e.key, e.payload.extensionId, e.payload.termEnd])).toEqual([[bin, body(inTime).id, '2027-03-01']]);
    expect(JSON.stringify(refused[0]!.payload)).not.toContain('plan not updated');
    h.clock.set('2027-02-15T19:00:00.000Z'); // 16 Feb in Almaty: one day late
    const res = await h.http().post(`/participations/${id}/extensions`).set('authorization', `Bearer ${applicant}`).send({ requestedTermEnd: '2028-03-01' });
    h.clock.set('2026-03-02T04:00:00.000Z');
    expect(res.status).toBe(422);
    expect(body(res).ruleId).toBe('F-25');
    expect(body(res).detail).toMatch(/F-8/);
    expect(body(res).detail).toMatch(/re-registration/);
  });

  it('F-25: bad input names the field', async () => {
    const { id } = await h.register();
    const res = await h
      .http()
      .post(`/participations/${id}/extensions`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ requestedTermEnd: '2027-02-30' });
    expect(res.status).toBe(400);
    expect(body(res).errors[0]!.field).toBe('body.requestedTermEnd');
  });

  it('F-25, F-27: an approved extension issues the Annex 3 certificate, moves the end and re-arms the planned-end timer', async () => {
    const { id, bin } = await h.register();
    const applicant = await h.applicant(bin);
    const filed = await h.http().post(`/participations/${id}/extensions`).set('authorization', `Bearer ${applicant}`).send({ requestedTermEnd: '2028-03-01' });
    expect(filed.status).toBe(201);
    expect(body(filed).status).toBe('submitted');
    const decided = await h
      .http()
      .post(`/participations/${id}/extensions/${body(filed).id}/decision`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ decision: 'approve' });
    expect(decided.status).toBe(200);
    expect(body(decided).certificateNumber).toMatch(/^EXT-/);
    const p = await h.http().get(`/participations/${id}`).set('authorization', `Bearer ${applicant}`);
    expect(p.body, JSON.stringify(p.body)).toMatchObject({ termEnd: '2028-03-01' });
    const timers = await sql<{ due_at: Date }>(
      h.orm.em.fork(),
      `select due_at from hub_timer where kind = 'participation.planned-end' and timer_key = ? and status = 'scheduled'`,
      [id],
    );
    expect(timers).toHaveLength(1);
    expect(new Date(timers[0]!.due_at).toISOString()).toBe('2028-03-01T19:00:00.000Z');
    const extended = (await h.outbox('participation.participation-extended')).find((e) => e.payload.participationId === id);
    expect(extended?.payload).toMatchObject({ previousTermEnd: '2027-03-01', newTermEnd: '2028-03-01' });
    const pdf = await h
      .http()
      .get(`/participations/${id}/extensions/${body(filed).id}/certificate.pdf`)
      .set('authorization', `Bearer ${applicant}`)
      .buffer(true);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Annex 3, rendered with an embedded Unicode font (the company name stays in Cyrillic)
    expect((pdf.body as Buffer).toString('latin1')).toContain('(Extension certificate \\(Annex 3\\))');
    expect((pdf.body as Buffer).toString('latin1')).toMatch(/DejaVuSans/);
    // deciding twice is an illegal transition naming the state
    const again = await h
      .http()
      .post(`/participations/${id}/extensions/${body(filed).id}/decision`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ decision: 'approve' });
    expect(again.status).toBe(409);
    expect(body(again).detail).toMatch(/approved/);
  });

  it('Annex 3 (ADR 0051): the extension certificate is issued once — stored with its own number, issue date and SHA-256, immutable, the same bytes on every download', async () => {
    const { id, bin, participantId } = await h.register();
    const applicant = await h.applicant(bin);
    const filed = await h.http().post(`/participations/${id}/extensions`).set('authorization', `Bearer ${applicant}`).send({ requestedTermEnd: '2028-03-01' });
    const decided = await h
      .http()
      .post(`/participations/${id}/extensions/${body(filed).id}/decision`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ decision: 'approve' });
    expect(decided.status).toBe(200);
    const [row] = await sql<{ number: string; issued_on: string; valid_from: string; valid_to: string; sha256: string; content: Buffer }>(
      h.orm.em.fork(),
      `select number, to_char(issued_on, 'YYYY-MM-DD') as issued_on, to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, sha256, content
         from extension_certificate where extension_id = ?`,
      [body(filed).id],
    );
    expect(row).toMatchObject({ number: body(decided).certificateNumber, issued_on: '2026-03-02', valid_from: '2027-03-02', valid_to: '2028-03-01' });
    expect(createHash('sha256').update(row!.content).digest('hex')).toBe(row!.sha256);
    const download = async () =>
      (
        await h
          .http()
          .get(`/participations/${id}/extensions/${body(filed).id}/certificate.pdf`)
          .set('authorization', `Bearer ${applicant}`)
          .buffer(true)
      ).body as Buffer;
    const first = await download();
    expect(first.equals(row!.content)).toBe(true);
    // F-20: the company's activity types change later — the issued certificate does not
    expect(
      await h.deliver({
        id: uuidv7(),
        type: 'registration.activity-types-changed',
        version: 1,
        occurredAt: h.clock.now().toISOString(),
        correlationId: 'c-annex3',
        causationId: null,
        aggregateId: bin,
        payload: {
          participantId,
          applicationId: uuidv7(),
          bin,
          activityTypes: [{ code: '63.11', name: 'Обработка данных', works: [] }],
          added: ['63.11'],
          removed: ['62.01'],
          effectiveFrom: '2026-03-10',
        },
      }),
    ).toBe('handled');
    const second = await download();
    expect(createHash('sha256').update(second).digest('hex')).toBe(row!.sha256);
    // immutable at rest
    await expect(sql(h.orm.em.fork(), `update extension_certificate set number = 'X' where extension_id = ?`, [body(filed).id])).rejects.toThrow(/immutable/);
  });

  it('F-25: one pending application at a time; only the Fund decides; a rejection states its reason', async () => {
    const { id, bin } = await h.register();
    const applicant = await h.applicant(bin);
    const first = await h.http().post(`/participations/${id}/extensions`).set('authorization', `Bearer ${applicant}`).send({ requestedTermEnd: '2028-03-01' });
    expect(first.status).toBe(201);
    const second = await h.http().post(`/participations/${id}/extensions`).set('authorization', `Bearer ${applicant}`).send({ requestedTermEnd: '2029-03-01' });
    expect(second.status).toBe(409);
    expect(body(second).detail).toMatch(/awaits/);
    expect(
      (
        await h
          .http()
          .post(`/participations/${id}/extensions/${body(first).id}/decision`)
          .set('authorization', `Bearer ${applicant}`)
          .send({ decision: 'approve' })
      ).status,
    ).toBe(403);
    const noReason = await h
      .http()
      .post(`/participations/${id}/extensions/${body(first).id}/decision`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ decision: 'reject' });
    expect(noReason.status).toBe(422);
    expect(body(noReason).errors[0]!.field).toBe('reason');
    const rejected = await h
      .http()
      .post(`/participations/${id}/extensions/${body(first).id}/decision`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ decision: 'reject', reason: 'business plan for the new term missing' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'business plan for the new term missing' });
    // F-25 (ADR 0050): the length is the Fund's decision within its configured bounds — six months is fine, beyond the bounds is not
    const tooLong = await h
      .http()
      .post(`/participations/${id}/extensions`)
      .set('authorization', `Bearer ${applicant}`)
      .send({ requestedTermEnd: '2030-03-02' });
    expect(tooLong.status).toBe(422);
    expect(body(tooLong).errors[0]!.field).toBe('requestedTermEnd');
    const sixMonths = await h
      .http()
      .post(`/participations/${id}/extensions`)
      .set('authorization', `Bearer ${applicant}`)
      .send({ requestedTermEnd: '2027-09-01' });
    expect(sixMonths.status).toBe(201);
  });

  it('F-25 (ADR 0050): an extension filed in time holds the planned end until decided — approval after the original end then works', async () => {
    const { id, bin } = await h.register({ termStart: '2026-03-02', termEnd: '2027-03-01' });
    const applicant = await h.applicant(bin);
    h.clock.set('2027-02-15T04:00:00.000Z'); // the last day (10 WD before 2027-03-01)
    const filed = await h.http().post(`/participations/${id}/extensions`).set('authorization', `Bearer ${applicant}`).send({ requestedTermEnd: '2028-03-01' });
    expect(filed.status).toBe(201);
    await h.at('2027-03-03T04:00:00.000Z'); // the planned-end timer is due and fires
    const held = await h.http().get(`/participations/${id}`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect(held.body).toMatchObject({ status: 'active', termEnd: '2027-03-01' });
    expect((await h.outbox('participation.participation-terminated')).filter((e) => e.payload.participationId === id)).toHaveLength(0);
    const decided = await h
      .http()
      .post(`/participations/${id}/extensions/${body(filed).id}/decision`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ decision: 'approve' });
    expect(decided.status).toBe(200);
    expect(body(await h.http().get(`/participations/${id}`).set('authorization', `Bearer ${h.tokens.officer}`))).toMatchObject({
      status: 'active',
      termEnd: '2028-03-01',
    });
    const extended = (await h.outbox('participation.participation-extended')).find((e) => e.payload.participationId === id);
    expect(extended?.payload).toMatchObject({
      previousTermEnd: '2027-03-01',
      newTermEnd: '2028-03-01',
      issuedOn: '2027-03-03',
      certificateNumber: body(decided).certificateNumber,
    });
    h.clock.set('2026-03-02T04:00:00.000Z');
  });

  it('F-25, F-27 (ADR 0050): an in-time extension refused after the original end ends the participation as planned on that end', async () => {
    const { id, bin } = await h.register({ termStart: '2026-03-02', termEnd: '2027-03-01' });
    const applicant = await h.applicant(bin);
    h.clock.set('2027-02-10T04:00:00.000Z');
    const filed = await h.http().post(`/participations/${id}/extensions`).set('authorization', `Bearer ${applicant}`).send({ requestedTermEnd: '2028-03-01' });
    expect(filed.status).toBe(201);
    await h.at('2027-03-04T04:00:00.000Z');
    const refused = await h
      .http()
      .post(`/participations/${id}/extensions/${body(filed).id}/decision`)
      .set('authorization', `Bearer ${h.tokens.officer}`)
      .send({ decision: 'reject', reason: 'no business plan for the new term' });
    expect(refused.status).toBe(200);
    expect(body(await h.http().get(`/participations/${id}`).set('authorization', `Bearer ${h.tokens.officer}`))).toMatchObject({
      status: 'ended',
      endedOn: '2027-03-01',
      terminationGround: 'term-expired',
    });
    const ended = (await h.outbox('participation.participation-terminated')).filter((e) => e.payload.participationId === id);
    expect(ended.map((e) => e.payload)).toEqual([
      expect.objectContaining({ kind: 'planned', ground: 'term-expired', endedOn: '2027-03-01', ruleIds: ['F-26', 'F-27', 'F-25'] }),
    ]);
    h.clock.set('2026-03-02T04:00:00.000Z');
  });

  it('F-27: the participation ends as planned when its term passes, publishing participation-terminated (term-expired)', async () => {
    const { id } = await h.register({ termStart: '2026-03-02', termEnd: '2027-03-01' });
    await h.at('2027-03-01T18:59:00.000Z');
    expect(body(await h.http().get(`/participations/${id}`).set('authorization', `Bearer ${h.tokens.officer}`)).status).toBe('active');
    await h.at('2027-03-01T19:00:01.000Z');
    const p = await h.http().get(`/participations/${id}`).set('authorization', `Bearer ${h.tokens.officer}`);
    expect(p.body).toMatchObject({ status: 'ended', endedOn: '2027-03-01', terminationGround: 'term-expired' });
    const ended = (await h.outbox('participation.participation-terminated')).find((e) => e.payload.participationId === id);
    expect(ended?.payload).toMatchObject({ kind: 'planned', ground: 'term-expired', groundNumber: null, endedOn: '2027-03-01', ruleIds: ['F-26', 'F-27'] });
    h.clock.set('2026-03-02T04:00:00.000Z');
  });

  it('/metrics: the domain figures — participations by status, open obligations by kind and rule (F-21, F-37), no company data', async () => {
    await h.register();
    const res = await h.http().get('/metrics');
    expect(res.status).toBe(200);
    const active = /hub_participation_participations\{status="active"[^}]*\} (\d+)/.exec(res.text);
    expect(Number(active?.[1])).toBeGreaterThanOrEqual(1);
    expect(res.text).toContain('# TYPE hub_participation_obligations_open gauge');
    expect(res.text).toContain('hub_participation_early_terminations_open');
    expect(res.text).not.toMatch(/\b\d{12}\b/); // no BIN in any label
  });
});
