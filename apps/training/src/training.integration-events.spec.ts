import { describe, expect, it } from 'vitest';
import { TrainingDecisionMadeV1 } from '@hub/contracts';
import type { CommissionDecided } from './intakes/domain/intake.events.js';
import { TrainingIntegrationEvents } from './training.integration-events.js';

/**
 * Issue #13: notifications dead-lettered "training.decision-made: an admitted application without
 * contractDueOn". The published decision is checked against its contract before it reaches the
 * outbox (packages/messaging parses every payload there), and the contract states that an admission
 * carries its F-75 contract day — so a broken decision fails the command, never a consumer.
 */
const decided = (over: Partial<CommissionDecided> = {}): CommissionDecided => ({
  name: 'CommissionDecided',
  aggregateId: '0194f3a0-0000-7000-8000-000000000001',
  occurredAt: new Date('2026-11-16T04:00:00Z'),
  intakeId: '0194f3a0-0000-7000-8000-000000000002',
  bin: '180340004007',
  outcome: 'admitted',
  quotas: 20,
  reasons: [],
  decidedOn: '2026-11-16',
  noticeDueOn: '2026-11-23',
  contractDueOn: '2026-11-30',
  ...over,
});
const payloadOf = (e: CommissionDecided) => new TrainingIntegrationEvents().map(e)[0]!.payload;

describe('training.decision-made as training publishes it', () => {
  it('F-74, F-75: an admission is published with its quotas and contract day; a refusal with its reasons', () => {
    expect(TrainingDecisionMadeV1.payload.safeParse(payloadOf(decided())).success).toBe(true);
    const refusal = payloadOf(decided({ outcome: 'rejected', quotas: null, contractDueOn: null, reasons: ['F-72: weak curriculum'] }));
    expect(TrainingDecisionMadeV1.payload.safeParse(refusal).success).toBe(true);
  });
  it('an admission without its contract day cannot be written to the outbox (the contract refuses it)', () => {
    const broken = TrainingDecisionMadeV1.payload.safeParse(payloadOf(decided({ contractDueOn: null })));
    expect(broken.success).toBe(false);
    expect(broken.error?.issues.map((i) => i.path.join('.'))).toEqual(['contractDueOn']);
  });
});
