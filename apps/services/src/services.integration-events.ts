import { Injectable } from '@nestjs/common';
import {
  CohortCompletionMadeV2,
  CohortEnrolmentMadeV2,
  CohortExpulsionMadeV2,
  ServiceApplicationDecisionMadeV1,
  ServiceApplicationFiledV1,
  ServiceApplicationRemarksIssuedV1,
  ServiceContractSignedV1,
  ServiceDeliveryActAnsweredV1,
  ServiceDeliveryActIssuedV1,
  ServiceInvoiceIssuedV1,
  ServiceInvoiceOverdueV1,
  ServiceInvoicePaidV1,
} from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { IntegrationEventMapper, type OutboxMessage, outboxMessage } from '@hub/nest-commons';
import { isApplicationEvent } from './applications/domain/application.events.js';
import { type BillingEvent, isBillingEvent } from './billing/domain/billing.events.js';
import { type CohortEvent, isCohortEvent } from './cohorts/domain/cohort.events.js';

/**
 * Services' published language seen from its domain (ADR 0035 §3, ADR 0063): which recorded domain
 * event becomes which integration event, keyed by the recipient's id (BIN or IIN) so that one
 * recipient's events keep their order. Catalogue events, resubmissions, overdue reviews and the
 * participation copy stay internal.
 */
@Injectable()
export class ServicesIntegrationEvents extends IntegrationEventMapper {
  map(event: DomainEvent): readonly OutboxMessage[] {
    if (isCohortEvent(event)) return cohortMessages(event);
    if (isBillingEvent(event)) return billingMessages(event);
    if (!isApplicationEvent(event)) return [];
    const recipient = { recipientKind: event.recipientKind, recipientId: event.recipientId };
    const at = event.occurredAt.toISOString();
    switch (event.name) {
      case 'ApplicationFiled':
        return [
          outboxMessage(
            ServiceApplicationFiledV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              callId: event.callId,
              serviceId: event.serviceId,
              ...recipient,
              participant: event.participant,
              language: event.language,
              translationRequired: event.translationRequired,
              filedAt: at,
              reviewDueOn: event.reviewDueOn,
            },
            event.recipientId,
          ),
        ];
      case 'RemarksIssued':
        return [
          outboxMessage(
            ServiceApplicationRemarksIssuedV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              ...recipient,
              fields: [...event.fields],
              issuedAt: at,
              // ADR 0107: an individual is told as a person, by the portal subject who filed (never the IIN, F-42).
              ...(event.recipientKind === 'individual' && event.filedBy ? { filedBy: event.filedBy } : {}),
            },
            event.recipientId,
          ),
        ];
      case 'DecisionMade':
        return [
          outboxMessage(
            ServiceApplicationDecisionMadeV1,
            event.aggregateId,
            {
              applicationId: event.aggregateId,
              callId: event.callId,
              serviceId: event.serviceId,
              ...recipient,
              outcome: event.outcome,
              ground: event.ground,
              decidedAt: at,
              ruleIds: event.outcome === 'refuse' ? ['F-51', 'F-53'] : ['F-51'],
            },
            event.recipientId,
          ),
        ];
      case 'ContractSigned':
        return [
          outboxMessage(
            ServiceContractSignedV1,
            event.aggregateId,
            {
              contractId: event.contractId,
              applicationId: event.aggregateId,
              serviceId: event.serviceId,
              ...recipient,
              priceTiyn: event.priceTiyn,
              priceBasis: event.priceBasis,
              priceListEntryId: event.priceListEntryId,
              signedOn: event.signedOn,
            },
            event.recipientId,
          ),
        ];
      case 'ApplicationResubmitted':
      case 'ReviewBecameOverdue':
        return [];
    }
  }
}

/**
 * F-44 → housing (F-59 … F-61): the three cohort facts, keyed by the recipient's id like every services
 * event (ADR 0063), v2 (ADR 0123): the person is the blind index of the IIN (`personRef`) — the IIN no
 * longer leaves services (F-42; v1 carried it, ADR 0064).
 */
function cohortMessages(event: CohortEvent): readonly OutboxMessage[] {
  if (event.name === 'CohortOpened') return [];
  const person = {
    enrolmentId: event.aggregateId,
    cohortId: event.cohortId,
    serviceId: event.serviceId,
    recipientKind: event.recipientKind,
    recipientId: event.recipientId,
    personRef: event.personIinIndex,
  };
  switch (event.name) {
    case 'PersonEnrolled':
      return [
        outboxMessage(
          CohortEnrolmentMadeV2,
          event.aggregateId,
          {
            ...person,
            contractId: event.contractId,
            town: { katoCode: event.town.katoCode, name: event.town.name },
            cohortStartsOn: event.cohortStartsOn,
            cohortEndsOn: event.cohortEndsOn,
            enrolledOn: event.enrolledOn,
          },
          event.recipientId,
        ),
      ];
    case 'PersonExpelled':
      return [outboxMessage(CohortExpulsionMadeV2, event.aggregateId, { ...person, ground: event.ground, expelledOn: event.expelledOn }, event.recipientId)];
    case 'PersonCompleted':
      return [outboxMessage(CohortCompletionMadeV2, event.aggregateId, { ...person, completedOn: event.completedOn }, event.recipientId)];
  }
}

/** F-55 (ADR 0066): the contract's invoices and delivery acts, keyed by the recipient like every services event; payments stay internal. */
function billingMessages(event: BillingEvent): readonly OutboxMessage[] {
  const contract = { applicationId: event.applicationId, contractId: event.contractId, recipientKind: event.recipientKind, recipientId: event.recipientId };
  const invoice = { invoiceId: event.aggregateId, number: event.number, ...contract };
  const act = { actId: event.aggregateId, number: event.number, ...contract };
  const key = event.recipientId;
  switch (event.name) {
    case 'InvoiceIssued':
      return [
        outboxMessage(
          ServiceInvoiceIssuedV1,
          event.aggregateId,
          { ...invoice, amountTiyn: event.amountTiyn, issuedOn: event.issuedOn, dueOn: event.dueOn },
          key,
        ),
      ];
    case 'InvoicePaid':
      return [outboxMessage(ServiceInvoicePaidV1, event.aggregateId, { ...invoice, amountTiyn: event.amountTiyn, paidOn: event.paidOn }, key)];
    case 'InvoiceOverdue':
      return [outboxMessage(ServiceInvoiceOverdueV1, event.aggregateId, { ...invoice, dueOn: event.dueOn }, key)];
    case 'DeliveryActIssued':
      return [outboxMessage(ServiceDeliveryActIssuedV1, event.aggregateId, { ...act, deliveredTo: event.deliveredTo }, key)];
    case 'DeliveryActAccepted':
      return [outboxMessage(ServiceDeliveryActAnsweredV1, event.aggregateId, { ...act, answer: 'accepted', answeredAt: event.occurredAt.toISOString() }, key)];
    case 'DeliveryActDisputed':
      return [outboxMessage(ServiceDeliveryActAnsweredV1, event.aggregateId, { ...act, answer: 'disputed', answeredAt: event.occurredAt.toISOString() }, key)];
    case 'PaymentRecorded':
      return [];
  }
}
