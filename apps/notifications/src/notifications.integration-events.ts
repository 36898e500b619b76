import { Injectable } from '@nestjs/common';
import { NoticeDeliveredV1 } from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import { IntegrationEventMapper, type OutboxMessage, outboxMessage } from '@hub/nest-commons';
import type { NoticeEvent } from './notices/domain/notice.aggregate.js';

const isNoticeEvent = (e: DomainEvent): e is NoticeEvent => e.name === 'NoticeDelivered';

/**
 * Notifications' published language seen from its domain (ADR 0035 §3, ADR 0090): the proof of
 * delivery of a notice, keyed by the company's BIN. Everything else stays internal.
 */
@Injectable()
export class NotificationsIntegrationEvents extends IntegrationEventMapper {
  map(event: DomainEvent): readonly OutboxMessage[] {
    if (!isNoticeEvent(event)) return [];
    return [
      outboxMessage(
        NoticeDeliveredV1,
        event.aggregateId,
        {
          noticeId: event.aggregateId,
          bin: event.bin,
          sourceEventId: event.sourceEventId,
          sourceEventType: event.sourceEventType,
          ruleId: event.ruleId,
          channel: event.channel,
          deliveredAt: event.occurredAt.toISOString(),
          dueOn: event.dueOn,
        },
        event.bin,
      ),
    ];
  }
}
