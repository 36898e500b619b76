// A state-changing call from a screen (ADR 0038): one Idempotency-Key per submit attempt — a fresh
// UUID when the person presses the button, the SAME key on every automatic retry of that attempt
// (no answer, 502/503/504, or the gateway's "first try still running"), so a retried submit is never
// carried out twice; the gateway replays the first answer instead.
import { useMutation } from '@tanstack/react-query';
import { ApiError } from './client';

export interface Attempt<V> {
  readonly vars: V;
  readonly idempotencyKey: string;
}

/** A network failure (no answer at all) as an ApiError with status 0, so that it is retried like a 503. */
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, { detail: e instanceof Error ? e.message : String(e) });
  }
}

export function useCommand<V, R>(fn: (vars: V, idempotencyKey: string) => Promise<R>, options: { onSuccess?: (result: R, vars: V) => unknown } = {}) {
  const mutation = useMutation<R, Error, Attempt<V>>({
    mutationFn: (a) => call(() => fn(a.vars, a.idempotencyKey)),
    retry: (failures, error) => failures < 3 && error instanceof ApiError && error.retryable,
    retryDelay: (failures) => 400 * 2 ** failures,
    onSuccess: (result, a) => options.onSuccess?.(result, a.vars),
  });
  return {
    ...mutation,
    /** Starts a submit attempt: a new Idempotency-Key, kept for this attempt's retries. */
    submit: (vars: V) => mutation.mutateAsync({ vars, idempotencyKey: crypto.randomUUID() }),
  };
}
