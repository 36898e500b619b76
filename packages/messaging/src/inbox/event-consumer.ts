import {
  type DecodeFailureReason,
  type EventEnvelope,
  type EventRegistry,
  HEADERS,
  type IntegrationEventDefinition,
  type PayloadOf,
  dlqTopicOf,
} from '@hub/contracts';
import { DomainError } from '@hub/kernel';
import type { IncomingMessage, MessageBus, Subscription } from '../bus/message-bus.js';
import { MessageContexts } from '../context/message-context.js';
import { type MessagingLogger, stderrLogger } from '../logger.js';
import { withConsumeSpan } from '../tracing/trace-context.js';
import { isDatabaseUnavailable } from '../database-unavailable.js';
import { type Em, backoffMs, sleep, sql, sqlRun } from '../sql.js';

/** Handles one integration event inside the transaction that also records it in the inbox. */
export interface EventHandler<D extends IntegrationEventDefinition = IntegrationEventDefinition> {
  readonly event: D;
  handle(event: EventEnvelope<PayloadOf<D>>, em: Em): Promise<void>;
}

export function eventHandler<D extends IntegrationEventDefinition>(
  event: D,
  handle: (event: EventEnvelope<PayloadOf<D>>, em: Em) => Promise<void>,
): EventHandler<D> {
  return { event, handle };
}

export interface EventConsumerOptions {
  /** Consumer group id, also the inbox's consumer name: one per (context, purpose). */
  readonly name: string;
  readonly topics: readonly string[];
  readonly handlers: readonly EventHandler[];
  readonly registry: EventRegistry;
  /** Attempts for a handler that throws before the message goes to the dead-letter topic. */
  readonly maxAttempts?: number;
  /**
   * Partitions handled in parallel; events of one aggregate share a partition, so their order holds.
   * Default 6, the most partitions a platform topic has (ADR 0140): kafkajs fetches again only when
   * every batch of the last fetch is handled, so with fewer workers than partitions the batches wait
   * for each other in waves and a new event waits for all of them. Each worker holds one pooled
   * connection while its batch's transaction runs.
   */
  readonly partitionsConcurrently?: number;
  /**
   * Messages of one partition handled in one transaction (ADR 0126; default 100). 1 = one
   * transaction per message. A batch that fails for any reason is rolled back and its messages are
   * handled one at a time with the usual retries and dead-lettering, so handlers with effects outside
   * the database must be idempotent (as timer handlers are, ADR 0086).
   */
  readonly maxBatch?: number;
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly logger?: MessagingLogger;
  /**
   * Wraps each handler call inside the inbox transaction (the platform passes its unit of work here,
   * so handlers use the context's repositories and their aggregates' recorded events are published).
   */
  readonly around?: TransactionWrapper;
  /**
   * After the bus reports the subscription dead (e.g. the broker refused the group: ACLs), rejoin
   * after this long (default 30 s) — an operator who fixes the ACL needs no restart of the pod.
   */
  readonly rejoinAfterCrashMs?: number;
}

/** ADR 0140: as many workers as the platform's largest topic has partitions (contracts' TOPICS: 6). */
export const DEFAULT_PARTITIONS_CONCURRENTLY = 6;

/** Runs `work` as part of the transaction `em` belongs to. */
export type TransactionWrapper = <T>(em: Em, work: () => Promise<T>) => Promise<T>;

export type DlqReason = DecodeFailureReason | 'handler-rejected' | 'handler-failed';

export type ConsumeOutcome = 'handled' | 'duplicate' | 'skipped' | 'dead-lettered';

/**
 * The receiving side. For every message: decode (JSON → envelope → known version → payload);
 * what can never be handled (bad JSON or envelope, unknown version of a known type, invalid
 * payload) goes to `<topic>.dlq` with the reason in headers and the consumer moves on. Types the
 * consumer has no handler for are skipped (publishers may add event types). A handled event's id
 * is inserted into `hub_inbox` in the same transaction as the handler's effect, so a redelivered
 * event has no second effect. A handler that throws is retried with backoff (the partition waits,
 * keeping order); a domain validation error, or running out of attempts, dead-letters it.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, EventHandler>();
  private readonly maxAttempts: number;
  private readonly maxBatch: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly logger: MessagingLogger;
  private starting: Promise<void> | undefined;
  private subscription: Subscription | undefined;
  private stopping = new AbortController();
  /** Bumped at each start: a crash report of an earlier subscription is not this one's. */
  private generation = 0;
  private rejoinTimer: NodeJS.Timeout | undefined;
  /** Subscriptions the bus reported dead (a refused group or topic), for metrics and tests. */
  crashes = 0;
  /** The last such report, until the consumer has joined again. */
  lastCrash: Error | undefined;
  /** Outcome listeners, for metrics and tests. */
  readonly outcomes: Array<(outcome: ConsumeOutcome, message: IncomingMessage, detail?: string) => void> = [];

  constructor(
    private readonly em: Em,
    private readonly bus: MessageBus,
    private readonly options: EventConsumerOptions,
  ) {
    for (const h of options.handlers) {
      if (this.handlers.has(h.event.fullName)) throw new Error(`two handlers for ${h.event.fullName} in consumer ${options.name}`);
      if (!options.registry.get(h.event.type, h.event.version)) throw new Error(`${h.event.fullName} is not in the consumer's registry`);
      this.handlers.set(h.event.fullName, h);
    }
    this.maxAttempts = options.maxAttempts ?? 5;
    this.maxBatch = Math.max(1, options.maxBatch ?? 100);
    this.baseBackoffMs = options.baseBackoffMs ?? 200;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
    this.logger = options.logger ?? stderrLogger;
  }

  /** The consumer group and inbox name. */
  get name(): string {
    return this.options.name;
  }

  /** The topics it consumes. */
  get topics(): readonly string[] {
    return this.options.topics;
  }

  /**
   * Joins the consumer group; resolves once joined. Calling it again while it joins returns the same
   * promise. The platform does not wait for it before serving HTTP (joining can take a session
   * timeout, or forever while the broker is down).
   */
  start(): Promise<void> {
    if (this.subscription) return Promise.resolve();
    if (this.starting) return this.starting;
    this.stopping = new AbortController();
    const generation = ++this.generation;
    let crashed = false;
    const starting = this.bus
      .subscribe({
        groupId: this.options.name,
        topics: this.options.topics,
        fromBeginning: true,
        partitionsConcurrently: this.options.partitionsConcurrently ?? DEFAULT_PARTITIONS_CONCURRENTLY,
        handle: (m) => this.consume(m).then(() => undefined),
        ...(this.maxBatch > 1 ? { maxBatch: this.maxBatch, handleBatch: (ms: readonly IncomingMessage[]) => this.consumeBatch(ms).then(() => undefined) } : {}),
        onCrash: (error) => {
          crashed = true;
          if (generation === this.generation) this.crashed(error);
        },
      })
      .then(async (subscription) => {
        if (this.stopping.signal.aborted || crashed) {
          await subscription.stop().catch(() => undefined); // stopped, or refused, while joining
          return;
        }
        this.subscription = subscription;
        this.lastCrash = undefined;
      })
      .finally(() => {
        if (this.starting === starting) this.starting = undefined;
      });
    this.starting = starting;
    return starting;
  }

  /**
   * Leaves the group. A consumer still joining is not waited for (the join may never end while the
   * broker is down): the bus's close() disconnects it, and a join that completes later stops itself.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.rejoinTimer);
    this.rejoinTimer = undefined;
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  /**
   * The bus gave up on the subscription for good (issue #18: a group the broker's ACLs refuse used
   * to retry for ever as "Failed to find group coordinator"). Said loudly, counted, and rejoined
   * later: nothing is consumed meanwhile, nothing is lost (offsets stay where they were).
   */
  private crashed(error: Error): void {
    this.crashes += 1;
    this.lastCrash = error;
    this.subscription = undefined;
    if (this.stopping.signal.aborted) return;
    const rejoinInMs = this.options.rejoinAfterCrashMs ?? 30_000;
    this.logger.error(
      { component: 'event-consumer', consumer: this.options.name, topics: this.options.topics, err: error.message, rejoinInMs },
      'consumer stopped: the broker refused or the bus gave up; rejoining later',
    );
    clearTimeout(this.rejoinTimer);
    this.rejoinTimer = setTimeout(() => {
      this.rejoinTimer = undefined;
      if (this.stopping.signal.aborted) return;
      this.start().catch((e: unknown) =>
        this.logger.error({ component: 'event-consumer', consumer: this.options.name, err: (e as Error).message }, 'consumer could not rejoin'),
      );
    }, rejoinInMs);
    this.rejoinTimer.unref();
  }

  /** Processes one message to a final outcome. Public so that tests can drive it directly. */
  async consume(message: IncomingMessage): Promise<ConsumeOutcome> {
    const decoded = this.options.registry.decode(message.value);
    if (!decoded.ok) {
      if (decoded.reason === 'unknown-type') return this.report('skipped', message, decoded.detail);
      return this.deadLetter(message, decoded.reason, decoded.detail);
    }
    const handler = this.handlers.get(decoded.definition.fullName);
    if (!handler) return this.report('skipped', message, `no handler for ${decoded.definition.fullName}`);
    const envelope = decoded.envelope;
    // One CONSUMER span per message, child of the producer's (ADR 0102); a no-op unless tracing is on.
    return withConsumeSpan(message, envelope, this.options.name, async (span) => {
      const outcome = await this.handleWithRetries(message, envelope, handler);
      span.setAttribute('hub.consume.outcome', outcome);
      return outcome;
    });
  }

  /**
   * Processes a partition's messages, in order, to their final outcomes (ADR 0126). Runs of
   * messages that decode are handled in one transaction: their inbox rows in one statement, then
   * each new event's handler in order, then one commit — instead of a transaction per message. A
   * message that cannot be decoded is dead-lettered on its own between runs. If the run's
   * transaction fails for any reason, nothing of it was committed, and each of its messages goes
   * through `consume` — the one-message path with its retries, backoff and dead-lettering.
   */
  async consumeBatch(messages: readonly IncomingMessage[]): Promise<ConsumeOutcome[]> {
    const outcomes: ConsumeOutcome[] = [];
    let i = 0;
    while (i < messages.length) {
      const run: Array<{ message: IncomingMessage; envelope: EventEnvelope; handler: EventHandler } | { message: IncomingMessage; skip: string }> = [];
      for (; i < messages.length; i++) {
        const message = messages[i]!;
        const decoded = this.options.registry.decode(message.value);
        if (!decoded.ok) {
          if (decoded.reason !== 'unknown-type') break; // dead-lettered below, on its own
          run.push({ message, skip: decoded.detail });
          continue;
        }
        const handler = this.handlers.get(decoded.definition.fullName);
        if (!handler) run.push({ message, skip: `no handler for ${decoded.definition.fullName}` });
        else run.push({ message, envelope: decoded.envelope, handler });
      }
      outcomes.push(...(await this.handleRun(run)));
      if (i < messages.length) outcomes.push(await this.consume(messages[i++]!));
    }
    return outcomes;
  }

  private async handleRun(
    run: ReadonlyArray<{ message: IncomingMessage; envelope: EventEnvelope; handler: EventHandler } | { message: IncomingMessage; skip: string }>,
  ): Promise<ConsumeOutcome[]> {
    const handled = run.filter((r): r is { message: IncomingMessage; envelope: EventEnvelope; handler: EventHandler } => 'handler' in r);
    // Nothing to gain from a batch of one: the one-message path, exactly as without batches.
    if (handled.length <= 1) return this.oneAtATime(run);
    let fresh: Set<string>;
    try {
      fresh = await this.em.fork().transactional(async (tx) => {
        const rows = await sql<{ event_id: string }>(
          tx,
          `insert into hub_inbox (consumer, event_id, event_type, topic, partition, "offset", handled_at)
           values ${handled.map(() => '(?, ?, ?, ?, ?, ?, now())').join(', ')} on conflict do nothing returning event_id`,
          handled.flatMap(({ message, envelope }) => [this.options.name, envelope.id, envelope.type, message.topic, message.partition, message.offset]),
        );
        const inserted = new Set(rows.map((r) => r.event_id.toLowerCase()));
        const toRun = new Set(inserted); // an event redelivered twice within the batch runs once
        for (const { message, envelope, handler } of handled) {
          if (!toRun.delete(envelope.id.toLowerCase())) continue;
          // Each handler on its own EntityManager in the batch's transaction (as timers, ADR 0086 §2):
          // no handler sees or flushes another's entities, and the unit of work publishes only the
          // events its own handler's aggregates recorded.
          const own = tx.fork({ clear: true, keepTransactionContext: true });
          await MessageContexts.run({ correlationId: envelope.correlationId, causationId: envelope.id }, () =>
            withConsumeSpan(message, envelope, this.options.name, async (span) => {
              await (this.options.around ? this.options.around(own, () => handler.handle(envelope, own)) : handler.handle(envelope, own));
              span.setAttribute('hub.consume.outcome', 'handled');
            }),
          );
        }
        // PostgreSQL answers COMMIT in an aborted transaction with a silent ROLLBACK: a handler that
        // swallowed an SQL error must not pass for a batch that was handled. This statement fails instead.
        await sql(tx, 'select 1');
        return inserted;
      });
    } catch (e) {
      if (this.stopping.signal.aborted) throw e; // nothing committed: redelivered after restart
      this.logger.warn(
        { component: 'event-consumer', consumer: this.options.name, messages: handled.length, err: (e as Error).message },
        'a batch of events failed and was rolled back; handling its events one at a time',
      );
      return this.oneAtATime(run);
    }
    const reported = new Set<string>();
    return run.map((r) => {
      if ('skip' in r) return this.report('skipped', r.message, r.skip);
      const id = r.envelope.id.toLowerCase();
      const first = fresh.has(id) && !reported.has(id);
      reported.add(id);
      return this.report(first ? 'handled' : 'duplicate', r.message);
    });
  }

  /** The run through the one-message path, in order (a batch of one, or a batch rolled back). */
  private async oneAtATime(run: ReadonlyArray<{ message: IncomingMessage; skip: string } | { message: IncomingMessage }>): Promise<ConsumeOutcome[]> {
    const outcomes: ConsumeOutcome[] = [];
    for (const r of run) outcomes.push('skip' in r ? this.report('skipped', r.message, r.skip) : await this.consume(r.message));
    return outcomes;
  }

  private async handleWithRetries(message: IncomingMessage, envelope: EventEnvelope, handler: EventHandler): Promise<ConsumeOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        const duplicate = await MessageContexts.run({ correlationId: envelope.correlationId, causationId: envelope.id }, () =>
          this.em.fork().transactional(async (tx) => {
            const inserted = await sqlRun(
              tx,
              `insert into hub_inbox (consumer, event_id, event_type, topic, partition, "offset", handled_at)
               values (?, ?, ?, ?, ?, ?, now()) on conflict do nothing`,
              [this.options.name, envelope.id, envelope.type, message.topic, message.partition, message.offset],
            );
            if (inserted === 0) return true;
            await (this.options.around ? this.options.around(tx, () => handler.handle(envelope, tx)) : handler.handle(envelope, tx));
            return false;
          }),
        );
        return this.report(duplicate ? 'duplicate' : 'handled', message);
      } catch (e) {
        const error = e as Error;
        if (e instanceof DomainError && (e.kind === 'validation' || e.kind === 'rule-violation')) {
          return this.deadLetter(message, 'handler-rejected', `${e.code}: ${e.message}`);
        }
        if (this.stopping.signal.aborted) throw error; // not handled, not committed: redelivered after restart
        // Issue #18 (chaos, PostgreSQL restart): the database being away is not the message's fault —
        // a 3 s restart dead-lettered a participant-registered event. Such failures never use up the
        // attempts: the partition waits (order kept, nothing committed) until the database is back.
        const infrastructure = isDatabaseUnavailable(e);
        if (attempt >= this.maxAttempts && !infrastructure) {
          return this.deadLetter(message, 'handler-failed', `after ${attempt} attempts: ${error.message}`);
        }
        const wait = backoffMs(Math.min(attempt, this.maxAttempts), this.baseBackoffMs, this.maxBackoffMs);
        this.logger.warn(
          { component: 'event-consumer', consumer: this.options.name, eventId: envelope.id, type: envelope.type, attempt, retryInMs: wait, err: error.message },
          'event handler failed; retrying',
        );
        await sleep(wait, this.stopping.signal);
      }
    }
  }

  private async deadLetter(message: IncomingMessage, reason: DlqReason, detail: string): Promise<ConsumeOutcome> {
    this.logger.error(
      { component: 'event-consumer', consumer: this.options.name, topic: message.topic, partition: message.partition, offset: message.offset, reason, detail },
      'message sent to the dead-letter topic',
    );
    // If this publish fails the error propagates: the offset is not committed, the message comes back.
    await this.bus.publish([
      {
        topic: dlqTopicOf(message.topic),
        key: message.key ?? '',
        value: message.value?.toString() ?? '',
        headers: {
          ...message.headers,
          [HEADERS.dlqReason]: reason,
          [HEADERS.dlqDetail]: detail.slice(0, 4000),
          [HEADERS.dlqSourceTopic]: message.topic,
          [HEADERS.dlqSourcePartition]: String(message.partition),
          [HEADERS.dlqSourceOffset]: message.offset,
          [HEADERS.dlqConsumerGroup]: this.options.name,
        },
      },
    ]);
    return this.report('dead-lettered', message, `${reason}: ${detail}`);
  }

  private report(outcome: ConsumeOutcome, message: IncomingMessage, detail?: string): ConsumeOutcome {
    for (const l of this.outcomes) l(outcome, message, detail);
    return outcome;
  }
}
