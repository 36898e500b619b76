import { CohortCompletionMadeV1, CohortEnrolmentMadeV1, CohortExpulsionMadeV1, EventRegistry, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { CohortCompletionMadeHandler, CohortEnrolmentMadeHandler, CohortExpulsionMadeHandler } from '../../application/event-handlers/cohort.handlers.js';

/**
 * Housing's consumer of services' acceleration-cohort events (F-59 … F-62): group and inbox name
 * `housing.services-events`. Services' other events on the topic are skipped; an unknown version
 * of these three goes to the dead-letter topic.
 */
export const SERVICES_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'housing.services-events',
  topics: [TOPICS.services.name],
  registry: new EventRegistry([CohortEnrolmentMadeV1, CohortExpulsionMadeV1, CohortCompletionMadeV1]),
  handlers: [CohortEnrolmentMadeHandler, CohortExpulsionMadeHandler, CohortCompletionMadeHandler],
};
