import { validate, v4, v7 } from 'uuid';

/**
 * UUID v7 (RFC 9562) from the `uuid` package: time-ordered, so primary keys and outbox rows sort by
 * creation and B-tree inserts stay local. Used for aggregate ids and event ids. `now` (epoch ms)
 * lets a handler tie the id's time to the Clock port instead of the wall clock.
 */
export function uuidv7(now?: number): string {
  return now === undefined ? v7() : v7({ msecs: now });
}

export const uuidv4 = (): string => v4();

export const isUuid = (value: string): boolean => validate(value);
