import {
  CohortCompletionMadeV1,
  CohortCompletionMadeV2,
  CohortEnrolmentMadeV1,
  CohortEnrolmentMadeV2,
  CohortExpulsionMadeV1,
  CohortExpulsionMadeV2,
  EventRegistry,
  TOPICS,
} from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import {
  CohortCompletionMadeHandler,
  CohortCompletionMadeV2Handler,
  CohortEnrolmentMadeHandler,
  CohortEnrolmentMadeV2Handler,
  CohortExpulsionMadeHandler,
  CohortExpulsionMadeV2Handler,
} from '../../application/event-handlers/cohort.handlers.js';

/**
 * Housing's consumer of services' acceleration-cohort events (F-59 … F-62): group and inbox name
 * `housing.services-events`. Services' other events on the topic are skipped; an unknown version
 * of these three goes to the dead-letter topic. v2 (ADR 0123) names the person by the IIN's blind index;
 * v1 (with the IIN) stays readable for the events published before.
 */
export const SERVICES_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'housing.services-events',
  topics: [TOPICS.services.name],
  registry: new EventRegistry([
    CohortEnrolmentMadeV1,
    CohortExpulsionMadeV1,
    CohortCompletionMadeV1,
    CohortEnrolmentMadeV2,
    CohortExpulsionMadeV2,
    CohortCompletionMadeV2,
  ]),
  handlers: [
    CohortEnrolmentMadeHandler,
    CohortExpulsionMadeHandler,
    CohortCompletionMadeHandler,
    CohortEnrolmentMadeV2Handler,
    CohortExpulsionMadeV2Handler,
    CohortCompletionMadeV2Handler,
  ],
};
