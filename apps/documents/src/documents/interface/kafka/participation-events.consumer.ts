import { AuditOpinionSubmittedV1, CorporateNoticeFiledV1, EventRegistry, InformationRequestAnsweredV1, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import {
  AuditOpinionSubmittedHandler,
  CorporateNoticeFiledHandler,
  InformationRequestAnsweredHandler,
} from '../../application/event-handlers/participation-documents.handlers.js';

/**
 * Documents's consumer of participation's events (issue #10, ADR 0049): the answers (F-32, F-38),
 * audit opinions (F-33) and notices (F-34) name their documents by id, and documents attaches them.
 * Other participation events are skipped.
 */
export const PARTICIPATION_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'documents.participation-events',
  topics: [TOPICS.participation.name],
  registry: new EventRegistry([InformationRequestAnsweredV1, AuditOpinionSubmittedV1, CorporateNoticeFiledV1]),
  handlers: [InformationRequestAnsweredHandler, AuditOpinionSubmittedHandler, CorporateNoticeFiledHandler],
};
