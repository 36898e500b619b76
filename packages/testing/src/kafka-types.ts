/** A message a probe read from a topic (value decoded as UTF-8). */
export interface ProbedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

/** Where a probe collects what it reads. */
export interface ProbedTopic {
  readonly messages: ProbedMessage[];
}
