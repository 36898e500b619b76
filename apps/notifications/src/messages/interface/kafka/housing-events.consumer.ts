import {
  EventRegistry,
  HousingActSignedV1,
  HousingOfferMadeV1,
  HousingPremisesAllocatedV1,
  HousingPremisesHandBackOverdueV1,
  HousingPremisesReleasedV1,
  HousingUnitAllocatedV1,
  HousingVacateRequiredV1,
  TOPICS,
} from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import {
  HousingPremisesAllocatedHandler,
  HousingPremisesHandBackOverdueHandler,
  HousingPremisesReleasedHandler,
} from '../../application/event-handlers/housing.handlers.js';
import {
  HousingActSignedHandler,
  HousingOfferMadeHandler,
  HousingUnitAllocatedHandler,
  HousingVacateRequiredHandler,
} from '../../application/event-handlers/housing-dwelling.handlers.js';

/**
 * Notifications's consumer of housing's events: the F-57/F-58 premises messages to the participant
 * company (ADR 0053); the dwelling's offer, contract, F-61 vacate notice and acts to the person in
 * acceleration (ADR 0116). Other types on the topic are skipped; an unknown version of a listed one goes
 * to the dead-letter topic.
 */
export const HOUSING_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'notifications.housing-events',
  topics: [TOPICS.housing.name],
  registry: new EventRegistry([
    HousingPremisesAllocatedV1,
    HousingPremisesReleasedV1,
    HousingPremisesHandBackOverdueV1,
    HousingOfferMadeV1,
    HousingUnitAllocatedV1,
    HousingVacateRequiredV1,
    HousingActSignedV1,
  ]),
  handlers: [
    HousingPremisesAllocatedHandler,
    HousingPremisesReleasedHandler,
    HousingPremisesHandBackOverdueHandler,
    HousingOfferMadeHandler,
    HousingUnitAllocatedHandler,
    HousingVacateRequiredHandler,
    HousingActSignedHandler,
  ],
};
