import { EventRegistry, NoticeDeliveredV1, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { NoticeDeliveredHandler } from '../../application/event-handlers/notice-delivered.handler.js';

/**
 * Training's consumer of notifications' events (issue #16, ADR 0094): the proof of delivery of the
 * F-74 decision notice records the notice and meets its 5 WD deadline. `name` is the Kafka consumer
 * group and the inbox's consumer name.
 */
export const NOTIFICATIONS_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'training.notifications-events',
  topics: [TOPICS.notifications.name],
  registry: new EventRegistry([NoticeDeliveredV1]),
  handlers: [NoticeDeliveredHandler],
};
