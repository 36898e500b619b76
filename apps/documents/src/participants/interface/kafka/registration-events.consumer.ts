import { ApplicationSubmittedV1, EventRegistry, ParticipantRegisteredV1, TOPICS, TranslationRecordedV1 } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { ApplicationSubmittedHandler } from '../../../documents/application/event-handlers/application-submitted.handler.js';
import { TranslationRecordedHandler } from '../../../documents/application/event-handlers/translation-recorded.handler.js';
import { ParticipantRegisteredHandler } from '../../application/event-handlers/participant-registered.handler.js';

/**
 * Documents's consumer of registration's events (app.module.ts `consumers`). `name` is the Kafka
 * consumer group and the inbox's consumer name: one per (context, purpose), never shared. The
 * registry lists only the events handled here: other types on the topic are skipped, while an
 * unknown version of a listed one (a breaking change nobody announced) goes to the dead-letter topic.
 */
export const REGISTRATION_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'documents.registration-events',
  topics: [TOPICS.registration.name],
  registry: new EventRegistry([ParticipantRegisteredV1, ApplicationSubmittedV1, TranslationRecordedV1]),
  // application-submitted: the filed application's documents are attached (issue #10); translation-recorded:
  // the Fund's translation of an English application (F-10, ADR 0137).
  handlers: [ParticipantRegisteredHandler, ApplicationSubmittedHandler, TranslationRecordedHandler],
};
