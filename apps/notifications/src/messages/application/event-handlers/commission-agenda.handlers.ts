import { Inject, Injectable } from '@nestjs/common';
import {
  ClustersCommissionAgendaChangedV1,
  CommissionVoteCastV1,
  DecisionMadeV1,
  type EventEnvelope,
  type IntegrationEventDefinition,
  type PayloadOf,
  SentToCommissionV1,
  TrainingCommissionAgendaChangedV1,
} from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { CommissionAgendas } from '../commission-agendas.js';

/**
 * ADR 0138 §2: every fact of the agendas' consumer is one call on the projection with the event's payload —
 * the frame (the projection injected, the payload taken out of the envelope) is here once; each handler names
 * its event and what it does with the payload.
 */
@Injectable()
abstract class AgendaFactHandler<D extends IntegrationEventDefinition> implements EventHandler<D> {
  abstract readonly event: D;
  constructor(@Inject(CommissionAgendas) protected readonly agendas: CommissionAgendas) {}
  protected abstract apply(payload: PayloadOf<D>): Promise<unknown>;
  async handle(envelope: EventEnvelope<PayloadOf<D>>): Promise<void> {
    await this.apply(envelope.payload);
  }
}

/** registration.sent-to-commission v1 → registration's item opens, due `decisionDueDate` (F-13, F-15; ADR 0138 §2). The BIN is not kept (F-35). */
@Injectable()
export class CommissionItemOpenedHandler extends AgendaFactHandler<typeof SentToCommissionV1> {
  readonly event = SentToCommissionV1;
  protected apply(p: PayloadOf<typeof SentToCommissionV1>): Promise<unknown> {
    return this.agendas.openRegistrationItem(p.applicationId, p.decisionDueDate);
  }
}

/** registration.commission-vote-cast v1 → the member has voted on the item (F-15, F-16; who, never how — ADR 0138 §2). */
@Injectable()
export class CommissionVoteCastHandler extends AgendaFactHandler<typeof CommissionVoteCastV1> {
  readonly event = CommissionVoteCastV1;
  protected apply(p: PayloadOf<typeof CommissionVoteCastV1>): Promise<unknown> {
    return this.agendas.markVoted(p.applicationId, p.member);
  }
}

/** registration.decision-made v1 → registration's item closes (F-15, F-16; ADR 0138 §2). The F-17 notice is the registration consumer's. */
@Injectable()
export class CommissionItemDecidedHandler extends AgendaFactHandler<typeof DecisionMadeV1> {
  readonly event = DecisionMadeV1;
  protected apply(p: PayloadOf<typeof DecisionMadeV1>): Promise<unknown> {
    return this.agendas.closeRegistrationItem(p.applicationId);
  }
}

/** training.commission-agenda-changed v1 → the intake's agenda replaced (F-69's conflicts already left out by training; ADR 0138 §1). */
@Injectable()
export class TrainingCommissionAgendaHandler extends AgendaFactHandler<typeof TrainingCommissionAgendaChangedV1> {
  readonly event = TrainingCommissionAgendaChangedV1;
  protected apply({ intakeId, ...state }: PayloadOf<typeof TrainingCommissionAgendaChangedV1>): Promise<unknown> {
    return this.agendas.replace('training', intakeId, state);
  }
}

/** clusters.commission-agenda-changed v1 → the round's agenda replaced (C-19, C-20; ADR 0138 §1). */
@Injectable()
export class ClustersCommissionAgendaHandler extends AgendaFactHandler<typeof ClustersCommissionAgendaChangedV1> {
  readonly event = ClustersCommissionAgendaChangedV1;
  protected apply({ roundId, ...state }: PayloadOf<typeof ClustersCommissionAgendaChangedV1>): Promise<unknown> {
    return this.agendas.replace('clusters', roundId, state);
  }
}
