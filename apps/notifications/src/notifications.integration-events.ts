import { Injectable } from '@nestjs/common';
import { NoticeDeliveredV1 } from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { IntegrationEventMapper, type OutboxMessage, outboxMessage } from '@hub/nest-commons';
import { isMessageEvent } from './messages/domain/message.events.js';

/**
 * Notifications's published language seen from its domain (ADR 0035 §3): a statutory notice's
 * delivery becomes notifications.notice-delivered v1 (ADR 0092), keyed by the company's BIN, in the
 * transaction that recorded it (the worker's, or the read command's). A dead-lettered mail stays
 * internal: staff see it on the message (Not done: a staff view).
 */
@Injectable()
export class NotificationsIntegrationEvents extends IntegrationEventMapper {
  map(event: DomainEvent): readonly OutboxMessage[] {
    if (!isMessageEvent(event)) return [];
    switch (event.name) {
      case 'NoticeDelivered':
        return [
          outboxMessage(
            NoticeDeliveredV1,
            event.aggregateId,
            {
              messageId: event.aggregateId,
              sourceEventId: event.sourceEventId,
              sourceEventType: event.sourceEventType,
              subjectId: event.subjectId,
              bin: event.bin,
              ruleId: event.ruleId,
              channel: event.channel,
              deliveredAt: event.occurredAt.toISOString(),
              contentHash: event.contentHash,
            },
            event.bin,
          ),
        ];
      case 'MessageDeadLettered':
        return [];
    }
  }
}
