import { expect } from 'vitest';
import { type Harness, auth, deliverParticipation, json, participationStarted } from './training-harness.js';

/** A 6-month course with a curriculum for every one of its 24 weeks (passes F-68(6) and (7)). */
export const fullCourse = (overrides: Record<string, unknown> = {}) => ({
  name: 'Backend engineering in TypeScript',
  description: 'A full-stack course',
  curriculum: Array.from({ length: 24 }, (_, i) => ({ week: i + 1, topics: `Topic of week ${i + 1}`, academicHours: 12 })),
  durationMonths: 6,
  studentSelectionCriteria: 'An entrance test',
  priceTiyn: 45_000_000,
  ...overrides,
});

export const announceIntake = async (h: Harness, window: { opensOn: string; closesOn: string } = { opensOn: '2026-11-01', closesOn: '2026-12-31' }) =>
  json(
    await h
      .http()
      .post('/intakes')
      .set(auth(await h.token(['training-officer'])))
      .send({
        title: 'ICT training intake 2027',
        ...window,
        selectionCriteria: { version: '2026-1', text: 'Selection criteria of the Fund' },
        intakeOrder: { version: '2026-1', text: 'Intake order of the Fund' },
      }),
  ).id;

/** A company that is an active Astana Hub participant in the read model (participation's event through the real inbox). */
export const aParticipant = async (h: Harness): Promise<string> => {
  const event = participationStarted();
  expect(await deliverParticipation(h, event)).toBe('handled');
  return event.payload.bin;
};

/** What a test reads of a response. */
export interface Res {
  readonly status: number;
  readonly body: unknown;
}

export const fileApplication = async (h: Harness, intakeId: string, bin: string, overrides: Record<string, unknown> = {}): Promise<Res> =>
  h
    .http()
    .post('/provider-applications')
    .set(auth(await h.token(['applicant'], [bin])))
    .send({
      intakeId,
      bin,
      language: 'ru',
      courses: [fullCourse()],
      attachments: [{ kind: 'premises-rights', documentId: 'doc-1', title: 'Lease of the classroom' }],
      declarationOfAccuracy: true,
      ...overrides,
    });

/** An officer's F-68 review with nothing found (registers through the configured adapter). */
export const cleanReview = (overrides: Record<string, unknown> = {}) => ({
  findings: {
    falseInformation: { found: false },
    bankruptcyOrLiquidation: { inProceedings: false, source: 'stat.gov.kz register of legal entities' },
    internetResource: { url: 'https://school.example.kz/astana-hub', statesParticipation: true },
  },
  ...overrides,
});

export const review = async (h: Harness, id: string, body: Record<string, unknown> = cleanReview()): Promise<Res> =>
  h
    .http()
    .post(`/provider-applications/${id}/completeness-review`)
    .set(auth(await h.token(['training-officer'])))
    .send(body);

/** A participant's application, filed and reviewed complete (F-68): ready for the Commission. */
export const completeApplication = async (h: Harness, intakeId: string, overrides: Record<string, unknown> = {}) => {
  const started = participationStarted();
  expect(await deliverParticipation(h, started)).toBe('handled');
  const bin = started.payload.bin;
  const filed = await fileApplication(h, intakeId, bin, overrides);
  expect(filed.status).toBe(201);
  const id = json(filed).id;
  expect((await review(h, id)).status).toBe(201);
  return { id, bin, started: started.payload };
};

/** The training officer appoints a Commission member (F-69); the member acts with a commission-member token of this subject. */
export const appoint = async (h: Harness, intakeId: string, subject: string, affiliation: string): Promise<Res> =>
  h
    .http()
    .post(`/intakes/${intakeId}/commission/members`)
    .set(auth(await h.token(['training-officer'])))
    .send({ subject, fullName: `Member ${subject}`, affiliation });

export const memberToken = (h: Harness, subject: string): Promise<string> => h.token(['commission-member'], [], subject);

/**
 * F-72: the secretary schedules each application's presentation in five-minute slots starting a
 * minute from now, and the (manual) clock moves on until the last one has begun — the Commission
 * votes after hearing the applicant.
 */
export const presented = async (h: Harness, applicationIds: readonly string[]): Promise<void> => {
  const start = h.clock.now().getTime() + 60_000;
  for (const [i, id] of applicationIds.entries())
    expect(
      (
        await h
          .http()
          .post(`/provider-applications/${id}/presentation`)
          .set(auth(await h.token(['commission-secretary'])))
          .send({ at: new Date(start + i * 300_000).toISOString(), minutes: 5 })
      ).status,
    ).toBe(200);
  h.clock.advance(60_000 + applicationIds.length * 300_000);
};

/**
 * Applications admitted by a full Commission (three members: Fund, ICT specialist, international
 * expert; everyone declares, everyone votes admit) with the budget allocated, and their contracts signed.
 */
export const admitAndContract = async (h: Harness, intakeId: string, applicationIds: readonly string[], budget: number): Promise<void> => {
  const tag = `${Date.now()}-${Math.round(Math.random() * 1e6)}`;
  const members = [`f-${tag}`, `i-${tag}`, `x-${tag}`];
  await appoint(h, intakeId, members[0]!, 'fund');
  await appoint(h, intakeId, members[1]!, 'ict-specialist');
  await appoint(h, intakeId, members[2]!, 'international-expert');
  await presented(h, applicationIds);
  for (const m of members) {
    const token = await memberToken(h, m);
    expect((await h.http().post(`/intakes/${intakeId}/commission/declaration`).set(auth(token)).send({ hasConflict: false, statement: 'none' })).status).toBe(
      200,
    );
    for (const id of applicationIds)
      expect((await h.http().post(`/provider-applications/${id}/votes`).set(auth(token)).send({ choice: 'admit', score: 80, reason: 'good' })).status).toBe(
        201,
      );
  }
  const decided = await h
    .http()
    .post(`/intakes/${intakeId}/commission/decision`)
    .set(auth(await h.token(['commission-secretary'])))
    .send({ budget });
  expect(decided.status).toBe(201);
  for (const [i, id] of applicationIds.entries())
    expect(
      (
        await h
          .http()
          .post(`/provider-applications/${id}/contract`)
          .set(auth(await h.token(['training-officer'])))
          .send({ number: `TR-${tag}-${i}`, signedOn: '2026-11-16', documentId: `doc-${i}` })
      ).status,
    ).toBe(200);
};
