import { EventRegistry, HousingActSignedV1, HousingPremisesHandedBackV1, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { DwellingActSignedHandler, PremisesHandedBackHandler } from '../../application/event-handlers/housing-documents.handler.js';

/** Documents's consumer of housing's events (ADR 0053, ADR 0110): the act handing premises back and a dwelling's signed act name their scans by id. Other housing events are skipped. */
export const HOUSING_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'documents.housing-events',
  topics: [TOPICS.housing.name],
  registry: new EventRegistry([HousingPremisesHandedBackV1, HousingActSignedV1]),
  handlers: [PremisesHandedBackHandler, DwellingActSignedHandler],
};
