import { defineEntity, type EntitySchema } from '@mikro-orm/core';

/**
 * The tables every context's database has for reliable messaging. They are MikroORM entities so
 * that each app's generated migrations create them; the code below talks to them in plain SQL
 * inside the caller's transaction (ON CONFLICT, FOR UPDATE SKIP LOCKED are clearer in SQL).
 */
const p = defineEntity.properties;

export const OutboxMessageEntity = defineEntity({
  name: 'HubOutboxMessage',
  tableName: 'hub_outbox',
  properties: {
    /** Insertion order; the relay publishes in this order. */
    position: p.bigint('string').primary().autoincrement(),
    eventId: p.uuid().unique('hub_outbox_event_id_unique'),
    topic: p.string().length(200),
    messageKey: p.string().length(200),
    eventType: p.string().length(200),
    eventVersion: p.integer(),
    envelope: p.json<Record<string, unknown>>().columnType('jsonb'),
    createdAt: p.datetime().columnType('timestamptz'),
    publishedAt: p.datetime().columnType('timestamptz').nullable(),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
  },
  indexes: [
    { name: 'hub_outbox_unpublished_idx', expression: 'create index "hub_outbox_unpublished_idx" on "hub_outbox" ("position") where "published_at" is null' },
  ],
});

export const InboxMessageEntity = defineEntity({
  name: 'HubInboxMessage',
  tableName: 'hub_inbox',
  properties: {
    consumer: p.string().length(200).primary(),
    eventId: p.uuid().primary(),
    eventType: p.string().length(200),
    topic: p.string().length(200),
    partition: p.integer(),
    offset: p.string().length(40),
    handledAt: p.datetime().columnType('timestamptz'),
  },
});

export const TimerEntity = defineEntity({
  name: 'HubTimer',
  tableName: 'hub_timer',
  properties: {
    id: p.uuid().primary(),
    /** What the timer is for, e.g. `registration.completeness-review-due` (F-12). */
    kind: p.string().length(200),
    /** Usually the aggregate id: (kind, key) identifies one live timer, so a rule change re-arms it. */
    timerKey: p.string().length(200),
    dueAt: p.datetime().columnType('timestamptz'),
    payload: p.json<Record<string, unknown>>().columnType('jsonb'),
    status: p.string().length(20),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    correlationId: p.string().length(200).nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
    firedAt: p.datetime().columnType('timestamptz').nullable(),
  },
  indexes: [
    { name: 'hub_timer_due_idx', expression: `create index "hub_timer_due_idx" on "hub_timer" ("due_at") where "status" = 'scheduled'` },
    {
      name: 'hub_timer_live_key_unique',
      expression: `create unique index "hub_timer_live_key_unique" on "hub_timer" ("kind", "timer_key") where "status" = 'scheduled'`,
    },
  ],
});

/** Register these in every context's MikroORM config. */
export const messagingEntities: EntitySchema[] = [OutboxMessageEntity, InboxMessageEntity, TimerEntity];
