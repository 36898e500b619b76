// Issue #18: bodies nested deeper than MAX_JSON_DEPTH are refused before parsing.
import { describe, expect, it } from 'vitest';
import { JsonTooDeepError, MAX_JSON_DEPTH, jsonDepthExceeds, refuseDeepJson } from './json-depth.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const nested = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays; the limit itself is allowed, one more is not', () => {
    expect(jsonDepthExceeds(bytes(nested(MAX_JSON_DEPTH)))).toBe(false);
    expect(jsonDepthExceeds(bytes(nested(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(jsonDepthExceeds(bytes('{"a":{"b":{"c":[1,{"d":2}]}}}'), 5)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":{"b":{"c":[1,{"d":2}]}}}'), 4)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(bytes(JSON.stringify({ note: '[[[[[[[[{{{{{{{{' })), 2)).toBe(false);
    expect(jsonDepthExceeds(bytes(JSON.stringify({ note: 'a "quoted [[[[[" text \\ [[[[' })), 2)).toBe(false);
  });

  it('sibling structures do not add up: depth, not count', () => {
    expect(jsonDepthExceeds(bytes(JSON.stringify(Array.from({ length: 1000 }, () => ({ a: [1] })))), 3)).toBe(false);
  });

  it('the body-parser hook throws the typed error the problem filter answers with 400', () => {
    expect(() => refuseDeepJson(undefined, undefined, bytes(nested(5000)))).toThrow(JsonTooDeepError);
    expect(() => refuseDeepJson(undefined, undefined, bytes('{"ok":true}'))).not.toThrow();
  });
});
