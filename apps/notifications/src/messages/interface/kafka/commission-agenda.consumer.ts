import {
  ClustersCommissionAgendaChangedV1,
  CommissionVoteCastV1,
  DecisionMadeV1,
  EventRegistry,
  SentToCommissionV1,
  TOPICS,
  TrainingCommissionAgendaChangedV1,
} from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import {
  ClustersCommissionAgendaHandler,
  CommissionItemDecidedHandler,
  CommissionItemOpenedHandler,
  CommissionVoteCastHandler,
  TrainingCommissionAgendaHandler,
} from '../../application/event-handlers/commission-agenda.handlers.js';

/**
 * Notifications's consumer of the Commissions' agendas (issue #16, ADR 0138 §2–§3): registration's
 * sent-to-commission / vote-cast / decision-made, training's and clusters' commission-agenda-changed — into
 * the projection the members' digest reads. Its own consumer (and inbox) beside the notices' consumers of
 * the same topics, so `registration.decision-made` both closes the item here and makes the F-17 notice
 * there, each once. Other types on the topics are skipped.
 */
export const COMMISSION_AGENDA_CONSUMER: ConsumerSpec = {
  name: 'notifications.commission-agendas',
  topics: [TOPICS.registration.name, TOPICS.training.name, TOPICS.clusters.name],
  registry: new EventRegistry([SentToCommissionV1, CommissionVoteCastV1, DecisionMadeV1, TrainingCommissionAgendaChangedV1, ClustersCommissionAgendaChangedV1]),
  handlers: [
    CommissionItemOpenedHandler,
    CommissionVoteCastHandler,
    CommissionItemDecidedHandler,
    TrainingCommissionAgendaHandler,
    ClustersCommissionAgendaHandler,
  ],
};
