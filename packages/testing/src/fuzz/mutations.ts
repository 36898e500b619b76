import type { JsonSchema } from './schema-sample.js';

/** A deterministic PRNG (mulberry32): a fuzz run is reproduced from its printed seed. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }
}

/**
 * Values that break careless code: wrong types, empty and huge strings, control characters and
 * emoji, bidi overrides, injection shapes, impossible dates (30 February, year 9999), invalid
 * BIN/IIN/UUID, numbers past every range, prototype-pollution keys.
 */
export const NASTY_VALUES: readonly unknown[] = [
  '',
  ' ',
  'x'.repeat(20_000),
  '\u0000',
  '\u0000\u0001\u0007\u001b[31m',
  '\u202e\u202dreversed',
  '😀🇰🇿👨‍👩‍👧‍👦'.repeat(50),
  'ƒøø ùñíçødé',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '2026-13-01T25:61:61Z',
  '000000000000',
  '123456789012',
  '99999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  -1,
  0,
  1.5,
  -0.000001,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  false,
  null,
  [],
  [null],
  {},
  { $gt: '' },
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  { constructor: { prototype: { polluted: true } } },
];

/** Path parameter values: ids of nothing, traversal, encodings, huge, emoji. */
export const NASTY_PATH_VALUES: readonly string[] = [
  '0',
  '-1',
  'null',
  'undefined',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-7fff-bfff-ffffffffffff',
  'not-a-uuid',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%F0%9F%98%80',
  'x'.repeat(3000),
  '123456789012',
  '2026-02-30',
  '__proto__',
  'constructor',
];

export type BodyMutation =
  | { readonly kind: 'raw'; readonly label: string; readonly raw: string; readonly contentType: string }
  | { readonly kind: 'json'; readonly label: string; readonly value: unknown };

function deepNesting(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** Every field path of a sample (objects and the first element of arrays). */
export function fieldPaths(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length > 0 ? [[...prefix, 0], ...fieldPaths(value[0], [...prefix, 0])] : [];
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...fieldPaths(v, [...prefix, k])]);
  }
  return [];
}

const clone = <T>(v: T): T => structuredClone(v);

function setAt(root: unknown, path: readonly (string | number)[], value: unknown, remove = false): unknown {
  const copy = clone(root);
  if (path.length === 0) return value;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/** One body mutation of a baseline sample, chosen at random. */
export function mutateBody(random: Random, baseline: unknown, _schema: JsonSchema | undefined): BodyMutation {
  const paths = fieldPaths(baseline);
  const roll = random.int(100);
  if (roll < 4) return { kind: 'raw', label: 'malformed JSON', raw: '{"a": [1, 2,', contentType: 'application/json' };
  if (roll < 6) return { kind: 'raw', label: 'empty body', raw: '', contentType: 'application/json' };
  if (roll < 8) return { kind: 'raw', label: 'deep nesting', raw: deepNesting(random.pick([200, 5_000])), contentType: 'application/json' };
  if (roll < 10) return { kind: 'raw', label: 'wrong content type', raw: JSON.stringify(baseline), contentType: 'text/plain' };
  if (roll < 11) return { kind: 'raw', label: 'oversized body', raw: JSON.stringify({ blob: 'x'.repeat(3 * 1024 * 1024) }), contentType: 'application/json' };
  if (roll < 14) return { kind: 'json', label: 'not an object', value: random.pick([null, [], 'text', 42, true, [baseline]]) };
  if (roll < 17) {
    return {
      kind: 'raw',
      label: 'prototype pollution keys',
      raw: JSON.stringify(baseline).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},'),
      contentType: 'application/json',
    };
  }
  if (roll < 22) return { kind: 'json', label: 'extra field', value: { ...(baseline as object), unexpectedField: random.pick(NASTY_VALUES) } };
  if (roll < 25) return { kind: 'json', label: 'baseline', value: baseline };
  if (paths.length === 0) return { kind: 'json', label: 'not an object', value: random.pick(NASTY_VALUES) };
  const path = random.pick(paths);
  if (roll < 40) return { kind: 'json', label: `missing ${path.join('.')}`, value: setAt(baseline, path, undefined, true) };
  const nasty = random.pick(NASTY_VALUES);
  const second = random.int(3) === 0 ? random.pick(paths) : undefined;
  let value = setAt(baseline, path, nasty);
  if (second && second.join('.') !== path.join('.') && !second.join('.').startsWith(path.join('.'))) {
    try {
      value = setAt(value, second, random.pick(NASTY_VALUES));
    } catch {
      // the second path went through the first mutation's value: one mutation is enough
    }
  }
  return { kind: 'json', label: `nasty ${path.join('.')}`, value };
}
