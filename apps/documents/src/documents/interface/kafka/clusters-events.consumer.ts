import { ClustersApplicationChangedV1, ClustersApplicationFiledV1, ClustersOfficeDocumentUsedV1, EventRegistry, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import {
  ClustersApplicationChangedHandler,
  ClustersApplicationFiledHandler,
  ClustersOfficeDocumentUsedHandler,
} from '../../application/event-handlers/clusters-documents.handler.js';

/** Documents's consumer of clusters' events (issue #10, ADR 0049): a filed or changed (C-9) application names its members' consents by id; an expert-stage step names an office's document (ADR 0122). Other clusters events are skipped. */
export const CLUSTERS_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'documents.clusters-events',
  topics: [TOPICS.clusters.name],
  registry: new EventRegistry([ClustersApplicationFiledV1, ClustersApplicationChangedV1, ClustersOfficeDocumentUsedV1]),
  handlers: [ClustersApplicationFiledHandler, ClustersApplicationChangedHandler, ClustersOfficeDocumentUsedHandler],
};
