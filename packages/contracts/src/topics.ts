/**
 * Topic names and partition counts: one topic of integration events per bounded context (its
 * published language), keyed by aggregate id. Every topic has a dead-letter twin (`<name>.dlq`)
 * where consumers put what they can never handle, with the reason in headers.
 */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly retentionMs?: number;
}

const DAY = 86_400_000;

export const TOPICS = {
  registration: { name: 'hub.registration.events.v1', partitions: 6, retentionMs: 30 * DAY },
  participation: { name: 'hub.participation.events.v1', partitions: 6, retentionMs: 30 * DAY },
  services: { name: 'hub.services.events.v1', partitions: 3, retentionMs: 30 * DAY },
  housing: { name: 'hub.housing.events.v1', partitions: 3, retentionMs: 30 * DAY },
  training: { name: 'hub.training.events.v1', partitions: 3, retentionMs: 30 * DAY },
  clusters: { name: 'hub.clusters.events.v1', partitions: 3, retentionMs: 30 * DAY },
  documents: { name: 'hub.documents.events.v1', partitions: 3, retentionMs: 30 * DAY },
  notifications: { name: 'hub.notifications.events.v1', partitions: 3, retentionMs: 30 * DAY },
} as const satisfies Record<string, TopicSpec>;

export type ContextName = keyof typeof TOPICS;
export type TopicName = (typeof TOPICS)[ContextName]['name'];

export const dlqTopicOf = (topic: string): string => `${topic}.dlq`;

/** Every topic the platform needs, dead-letter topics included (tools/dev-stack creates them). */
export function topicSpecs(): TopicSpec[] {
  return Object.values(TOPICS).flatMap((t) => [t, { name: dlqTopicOf(t.name), partitions: 1, retentionMs: 90 * DAY }]);
}
