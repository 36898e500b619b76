import { FeeAssessedV1, FeeOverdueV1, FeePaidV1 } from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { outboxMessage, type OutboxMessage } from '@hub/nest-commons';
import type { FeeEvent } from './domain/fee.events.js';
import { legacyKztNumber, type Tiyn } from '@hub/kernel';

const kzt = (t: Tiyn | null): number | null => (t === null ? null : legacyKztNumber(t));

const FEE_EVENTS: ReadonlySet<string> = new Set<FeeEvent['name']>(['FeeOpened', 'FeeAssessed', 'FeePaymentReceived', 'FeeBecameOverdue']);

export const isFeeEvent = (e: DomainEvent): e is FeeEvent => FEE_EVENTS.has(e.name);

/**
 * The fees module's part of participation's published language (ADR 0035 §3, ADR 0036): which
 * recorded fee event becomes which integration event. Keyed by BIN (one company's events keep their
 * order); the aggregate id on the wire stays the participation's, as first published. Amounts go out
 * as integer tiyn (`…Tiyn`, added to v1 — additive) and, for v1 consumers, as the KZT numbers
 * derived from them. FeeOpened and a payment that leaves something owed stay internal; the fee paid in
 * full — by a payment, or at a declaration earlier payments already cover — is published as
 * `participation.fee-paid` v1 (ADR 0107, F-21: no amount, no payer; notifications stops the reminder).
 * Any other event → [].
 * Composed into the context's IntegrationEventMapper by participation.integration-events.ts.
 */
function feePaid(event: FeeEvent): OutboxMessage {
  return outboxMessage(
    FeePaidV1,
    event.participationId,
    {
      feeId: event.aggregateId,
      participationId: event.participationId,
      bin: event.bin,
      year: event.year,
      quarter: event.quarter,
      dueDate: event.dueDate,
      settledAt: event.occurredAt.toISOString(),
    },
    event.bin,
  );
}

export function mapFeeEvent(event: DomainEvent): OutboxMessage[] {
  if (!isFeeEvent(event)) return [];
  switch (event.name) {
    case 'FeeAssessed':
      return [
        outboxMessage(
          FeeAssessedV1,
          event.participationId,
          {
            feeId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            year: event.year,
            quarter: event.quarter,
            declaredIncomeKzt: legacyKztNumber(event.declaredIncome),
            feeKzt: legacyKztNumber(event.fee),
            declaredIncomeTiyn: event.declaredIncome,
            feeTiyn: event.fee,
            tariffId: event.tariffId,
            dueDate: event.dueDate,
          },
          event.bin,
        ),
        ...(event.settled === true ? [feePaid(event)] : []),
      ];
    case 'FeeBecameOverdue':
      return [
        outboxMessage(
          FeeOverdueV1,
          event.participationId,
          {
            feeId: event.aggregateId,
            participationId: event.participationId,
            bin: event.bin,
            year: event.year,
            quarter: event.quarter,
            dueDate: event.dueDate,
            reason: event.reason,
            feeKzt: kzt(event.fee),
            paidKzt: legacyKztNumber(event.paid),
            outstandingKzt: kzt(event.outstanding),
            feeTiyn: event.fee,
            paidTiyn: event.paid,
            outstandingTiyn: event.outstanding,
            ground: 'membership-fees-not-paid',
          },
          event.bin,
        ),
      ];
    case 'FeePaymentReceived':
      return event.settled ? [feePaid(event)] : [];
    case 'FeeOpened':
      return [];
  }
}
