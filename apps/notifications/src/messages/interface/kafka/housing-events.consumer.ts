import { EventRegistry, HousingPremisesAllocatedV1, HousingPremisesHandBackOverdueV1, HousingPremisesReleasedV1, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import {
  HousingPremisesAllocatedHandler,
  HousingPremisesHandBackOverdueHandler,
  HousingPremisesReleasedHandler,
} from '../../application/event-handlers/housing.handlers.js';

/**
 * Notifications's consumer of housing's events: the F-57/F-58 premises messages to the participant
 * company (ADR 0053). Other types on the topic (dwellings, acts) are skipped; an unknown version of a
 * listed one goes to the dead-letter topic.
 */
export const HOUSING_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'notifications.housing-events',
  topics: [TOPICS.housing.name],
  registry: new EventRegistry([HousingPremisesAllocatedV1, HousingPremisesReleasedV1, HousingPremisesHandBackOverdueV1]),
  handlers: [HousingPremisesAllocatedHandler, HousingPremisesReleasedHandler, HousingPremisesHandBackOverdueHandler],
};
