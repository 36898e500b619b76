import { EventRegistry, NoticeDeliveredV1, TOPICS } from '@hub/contracts';
import type { ConsumerSpec } from '@hub/nest-commons';
import { ReturnNoticeDeliveredHandler } from '../../application/event-handlers/notice-delivered.handler.js';

/**
 * Clusters' consumer of notifications' events (issue #16, ADR 0094): the proof of delivery of the
 * C-12 written notice of a return. `name` is the Kafka consumer group and the inbox's consumer name.
 */
export const NOTIFICATIONS_EVENTS_CONSUMER: ConsumerSpec = {
  name: 'clusters.notifications-events',
  topics: [TOPICS.notifications.name],
  registry: new EventRegistry([NoticeDeliveredV1]),
  handlers: [ReturnNoticeDeliveredHandler],
};
