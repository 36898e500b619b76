/**
 * The deepest JSON body the platform parses (issue #18). No contract of the platform nests deeper than
 * a dozen levels (the Annex 1 business plan is the deepest); a body of thousands of levels is an attack
 * on whatever walks it later — the gateway's re-serialisation overflowed the stack on one (found by the
 * gateway's fuzz run). Refused by the body parser with 400 naming `body`, before any handler runs.
 */
export const MAX_JSON_DEPTH = 64;

/** The body-parser error for a body nested too deeply (read by the problem filter by its type). */
export class JsonTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  constructor(readonly limit: number) {
    super(`the JSON body is nested deeper than ${limit} levels`);
    this.name = 'JsonTooDeepError';
  }
}

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Does the raw JSON text nest objects and arrays deeper than `limit`? One pass over the bytes,
 * brackets inside strings ignored, stopping at the first level over the limit. Malformed text is
 * not judged here (the parser refuses it next).
 */
export function jsonDepthExceeds(bytes: Uint8Array, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) depth--;
  }
  return false;
}

/** body-parser's `verify` hook: throws JsonTooDeepError for a body nested deeper than the limit. */
export function refuseDeepJson(_req: unknown, _res: unknown, buf: Uint8Array): void {
  if (jsonDepthExceeds(buf)) throw new JsonTooDeepError(MAX_JSON_DEPTH);
}
