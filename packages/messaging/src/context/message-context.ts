import { AsyncLocalStorage } from 'node:async_hooks';
import { uuidv7 } from '@hub/kernel';

/**
 * Correlation and causation ids, carried through async calls. The HTTP layer opens a context per
 * request (correlation id from `x-correlation-id` or new); the consumer opens one per event
 * (correlation id of the event, causation id = the event's id); the outbox writer stamps both on
 * every event it writes. So an id given at the front door can be followed through every hop.
 */
export interface MessageContext {
  readonly correlationId: string;
  /** Id of the message (request id or event id) that caused the work in progress. */
  readonly causationId: string | null;
  /** Who acts, when known (subject of the verified token); never personal data beyond an id. */
  readonly actorId?: string;
}

const storage = new AsyncLocalStorage<MessageContext>();

export const MessageContexts = {
  run<T>(ctx: MessageContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  current(): MessageContext | undefined {
    return storage.getStore();
  },
  /** The current context, or a fresh one for work that starts without a cause (a timer, a job). */
  currentOrNew(): MessageContext {
    return storage.getStore() ?? { correlationId: uuidv7(), causationId: null };
  },
};
