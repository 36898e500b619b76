import { ClustersApplicationReturnedV1, ClustersResultsPublishedV1, EventRegistry, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { ClustersApplicationReturnedHandler, ClustersResultsPublishedHandler } from '../../application/event-handlers/clusters.handlers.js';

/** Notifications's consumer of clusters' events: the C-12 notice of return (statutory) and the C-21 message to each winner. */
export const CLUSTERS_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'notifications.clusters-events',
  topics: [TOPICS.clusters.name],
  registry: new EventRegistry([ClustersApplicationReturnedV1, ClustersResultsPublishedV1]),
  handlers: [ClustersApplicationReturnedHandler, ClustersResultsPublishedHandler],
};
