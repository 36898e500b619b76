import { describe, expect, it } from 'vitest';
import { EventRegistry } from '../event-definition.js';
import { TOPICS } from '../topics.js';
import {
  EarlyTerminationGroundSchema,
  GROUND_NUMBER,
  ParticipationExtendedV1,
  ParticipationTerminatedV1,
  TERMINATION_GROUNDS,
  participationEvents,
} from './events.js';
import { NonResidentsSchema } from './http.js';

describe("participation's published language", () => {
  it('every event travels on the participation topic, versioned, registered once', () => {
    const registry = new EventRegistry([...participationEvents]);
    expect(registry.all()).toHaveLength(participationEvents.length);
    for (const e of participationEvents) {
      expect(e.topic).toBe(TOPICS.participation.name);
      expect(e.fullName).toMatch(/^participation\.[a-z-]+\.v1$/);
    }
  });

  it('F-28: the seven early-termination grounds are numbered 1–7 in the order of the rules; term-expired is the planned end (F-27)', () => {
    expect(TERMINATION_GROUNDS[0]).toBe('term-expired');
    expect(EarlyTerminationGroundSchema.options.map((g) => GROUND_NUMBER[g])).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('participation-terminated always carries its ground', () => {
    const base = {
      participationId: '018f0000-0000-7000-8000-000000000001',
      participantId: '018f0000-0000-7000-8000-000000000002',
      bin: '190540000011',
      kind: 'early',
      groundNumber: 6,
      decidedBy: 'fund',
      decisionReference: null,
      endedOn: '2026-06-01',
      ruleIds: ['F-28(6)'],
    };
    expect(ParticipationTerminatedV1.payload.safeParse({ ...base, ground: 'membership-fees-not-paid' }).success).toBe(true);
    expect(ParticipationTerminatedV1.payload.safeParse(base).success).toBe(false);
    expect(ParticipationTerminatedV1.payload.safeParse({ ...base, ground: 'bored' }).success).toBe(false);
  });

  it('F-26 … F-28, F-35: participation-terminated tells registration the ground category and the date, and no reasons (issue #9)', () => {
    expect(Object.keys(ParticipationTerminatedV1.payload.shape).sort()).toEqual(
      ['bin', 'decidedBy', 'decisionReference', 'endedOn', 'ground', 'groundNumber', 'kind', 'participantId', 'participationId', 'ruleIds'].sort(),
    );
  });

  it('F-25, Annex 3: participation-extended carries the new term end and the extension certificate number and issue date', () => {
    const ok = {
      participationId: '018f0000-0000-7000-8000-000000000001',
      participantId: '018f0000-0000-7000-8000-000000000002',
      bin: '190540000011',
      extensionId: '018f0000-0000-7000-8000-000000000003',
      previousTermEnd: '2027-03-31',
      newTermEnd: '2028-03-31',
      certificateNumber: 'EXT-AH-2026-000001-20280331',
      issuedOn: '2027-03-20',
    };
    expect(ParticipationExtendedV1.payload.safeParse(ok).success).toBe(true);
    for (const field of ['newTermEnd', 'certificateNumber', 'issuedOn'] as const) {
      const { [field]: _dropped, ...without } = ok;
      expect(ParticipationExtendedV1.payload.safeParse(without).success).toBe(false);
    }
  });

  it('F-42: a stay is given as month and year', () => {
    const r = NonResidentsSchema.safeParse({ engaged: [{ expectedStayFrom: '2026-13' }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.find((i) => i.path.join('.') === 'engaged.0.expectedStayFrom')?.message).toBe('must be YYYY-MM');
  });
});

describe('ADR 0107: fee-paid and extension-refused carry nothing personal', () => {
  it('F-21: participation.fee-paid v1 names the fee and its quarter, no amount or payer', async () => {
    const { FeePaidV1 } = await import('./events.js');
    const ok = {
      feeId: '018f0000-0000-7000-8000-0000000000f1',
      participationId: '018f0000-0000-7000-8000-000000000001',
      bin: '190540000011',
      year: 2026,
      quarter: 1,
      dueDate: '2026-04-27',
      settledAt: '2026-04-20T04:00:00.000Z',
    };
    expect(FeePaidV1.payload.safeParse(ok).success).toBe(true);
    expect(Object.keys(FeePaidV1.payload.shape).sort()).toEqual(['bin', 'dueDate', 'feeId', 'participationId', 'quarter', 'settledAt', 'year']);
    expect(FeePaidV1.payload.safeParse({ ...ok, quarter: 5 }).success).toBe(false);
  });

  it('F-25: participation.extension-refused v1 leaves the reason out', async () => {
    const { ExtensionRefusedV1 } = await import('./events.js');
    expect(Object.keys(ExtensionRefusedV1.payload.shape).sort()).toEqual(['bin', 'extensionId', 'participationId', 'refusedOn', 'termEnd']);
  });
});
