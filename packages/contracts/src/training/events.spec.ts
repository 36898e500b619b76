import { describe, expect, it } from 'vitest';
import { TrainingDecisionMadeV1 } from './events.js';

/** training.decision-made v1: the outcome decides the rest (issue #13; F-72 … F-75). */
const admitted = {
  applicationId: '0194f3a0-0000-7000-8000-000000000001',
  intakeId: '0194f3a0-0000-7000-8000-000000000002',
  bin: '180340004007',
  outcome: 'admitted' as const,
  quotas: 20,
  reasons: [],
  decidedOn: '2026-11-16',
  noticeDueOn: '2026-11-23',
  contractDueOn: '2026-11-30',
  decidedAt: '2026-11-16T04:00:00.000Z',
};
const rejected = { ...admitted, outcome: 'rejected' as const, quotas: null, contractDueOn: null, reasons: ['F-72: no majority'] };
const issues = (payload: unknown) => {
  const r = TrainingDecisionMadeV1.payload.safeParse(payload);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('training.decision-made v1', () => {
  it('an admission with quotas and its F-75 contract day, and a reasoned refusal without either, are valid', () => {
    expect(issues(admitted)).toEqual([]);
    expect(issues(rejected)).toEqual([]);
  });
  it('F-75: an admission without its contract day (or its quotas) is not a valid message — the producer’s outbox refuses it', () => {
    expect(issues({ ...admitted, contractDueOn: null })).toEqual(['contractDueOn']);
    expect(issues({ ...admitted, quotas: null })).toEqual(['quotas']);
  });
  it('F-74: a refusal carries reasons and neither quotas nor a contract day', () => {
    expect(issues({ ...rejected, reasons: [] })).toEqual(['reasons']);
    expect(issues({ ...rejected, contractDueOn: '2026-11-30', quotas: 3 })).toEqual(['contractDueOn', 'quotas']);
  });
});
