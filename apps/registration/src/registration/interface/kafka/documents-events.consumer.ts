import { DocumentVerifiedV1, EventRegistry, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { DocumentVerifiedHandler } from '../../application/event-handlers/document-verified.handler.js';

/** Registration's consumer of documents' events (issue #10): the verified uploads an application may refer to. */
export const DOCUMENTS_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'registration.documents-events',
  topics: [TOPICS.documents.name],
  registry: new EventRegistry([DocumentVerifiedV1]),
  handlers: [DocumentVerifiedHandler],
};
