import { Inject, Injectable } from '@nestjs/common';
import {
  ClustersCommissionAgendaChangedV1,
  CommissionVoteCastV1,
  DecisionMadeV1,
  type EventEnvelope,
  type PayloadOf,
  SentToCommissionV1,
  TrainingCommissionAgendaChangedV1,
} from '@hub/contracts';
import type { EventHandler } from '@hub/messaging';
import { CommissionAgendas } from '../commission-agendas.js';

/** registration.sent-to-commission v1 → registration's item opens, due `decisionDueDate` (F-13, F-15; ADR 0138 §2). The BIN is not kept (F-35). */
@Injectable()
export class CommissionItemOpenedHandler implements EventHandler<typeof SentToCommissionV1> {
  readonly event = SentToCommissionV1;
  constructor(@Inject(CommissionAgendas) private readonly agendas: CommissionAgendas) {}
  async handle(envelope: EventEnvelope<PayloadOf<typeof SentToCommissionV1>>): Promise<void> {
    await this.agendas.openRegistrationItem(envelope.payload.applicationId, envelope.payload.decisionDueDate);
  }
}

/** registration.commission-vote-cast v1 → the member has voted on the item (F-15, F-16; who, never how — ADR 0138 §2). */
@Injectable()
export class CommissionVoteCastHandler implements EventHandler<typeof CommissionVoteCastV1> {
  readonly event = CommissionVoteCastV1;
  constructor(@Inject(CommissionAgendas) private readonly agendas: CommissionAgendas) {}
  async handle(envelope: EventEnvelope<PayloadOf<typeof CommissionVoteCastV1>>): Promise<void> {
    await this.agendas.markVoted(envelope.payload.applicationId, envelope.payload.member);
  }
}

/** registration.decision-made v1 → registration's item closes (F-15, F-16; ADR 0138 §2). The F-17 notice is the registration consumer's. */
@Injectable()
export class CommissionItemDecidedHandler implements EventHandler<typeof DecisionMadeV1> {
  readonly event = DecisionMadeV1;
  constructor(@Inject(CommissionAgendas) private readonly agendas: CommissionAgendas) {}
  async handle(envelope: EventEnvelope<PayloadOf<typeof DecisionMadeV1>>): Promise<void> {
    await this.agendas.closeRegistrationItem(envelope.payload.applicationId);
  }
}

/** training.commission-agenda-changed v1 → the intake's agenda replaced (F-69's conflicts already left out by training; ADR 0138 §1). */
@Injectable()
export class TrainingCommissionAgendaHandler implements EventHandler<typeof TrainingCommissionAgendaChangedV1> {
  readonly event = TrainingCommissionAgendaChangedV1;
  constructor(@Inject(CommissionAgendas) private readonly agendas: CommissionAgendas) {}
  async handle(envelope: EventEnvelope<PayloadOf<typeof TrainingCommissionAgendaChangedV1>>): Promise<void> {
    const { intakeId, ...state } = envelope.payload;
    await this.agendas.replace('training', intakeId, state);
  }
}

/** clusters.commission-agenda-changed v1 → the round's agenda replaced (C-19, C-20; ADR 0138 §1). */
@Injectable()
export class ClustersCommissionAgendaHandler implements EventHandler<typeof ClustersCommissionAgendaChangedV1> {
  readonly event = ClustersCommissionAgendaChangedV1;
  constructor(@Inject(CommissionAgendas) private readonly agendas: CommissionAgendas) {}
  async handle(envelope: EventEnvelope<PayloadOf<typeof ClustersCommissionAgendaChangedV1>>): Promise<void> {
    const { roundId, ...state } = envelope.payload;
    await this.agendas.replace('clusters', roundId, state);
  }
}
