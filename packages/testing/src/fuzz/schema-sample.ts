/**
 * A plausible value for a JSON Schema (the OpenAPI 3.0 dialect zod writes): the baseline a fuzz case
 * mutates, so that a mutation reaches past the first missing field. It aims at "well-formed", not
 * "accepted": a BIN with a bad checksum or a date in the past is fine — the server must answer it
 * with a 4xx naming the field, never a 5xx.
 */
export type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number | boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly nullable?: boolean;
  readonly default?: unknown;
  readonly additionalProperties?: boolean | JsonSchema;
};

const PATTERN_SAMPLES: readonly [RegExp, string][] = [
  [/\\d\{12\}/, '123456789012'],
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}/, '2026-11-16'],
  [/\\d\{4\}-Q/, '2026-Q4'],
  [/\\d\{4\}/, '2026'],
];

function stringSample(schema: JsonSchema): string {
  const format: string = schema.format ?? 'none';
  switch (format) {
    case 'uuid':
      return '0193a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b';
    case 'date':
      return '2026-11-16';
    case 'date-time':
      return '2026-11-16T04:00:00.000Z';
    case 'email':
      return 'someone@example.kz';
    case 'uri':
    case 'url':
      return 'https://example.kz/a';
    default:
      break;
  }
  if (schema.pattern) {
    for (const [probe, sample] of PATTERN_SAMPLES) if (probe.test(schema.pattern)) return sample;
  }
  const min = schema.minLength ?? 1;
  const base = 'sample text';
  const text = base.length >= min ? base : base.padEnd(min, 'x');
  return schema.maxLength !== undefined ? text.slice(0, Math.max(schema.maxLength, min)) : text;
}

function numberSample(schema: JsonSchema, integer: boolean): number {
  const lower = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : (schema.minimum ?? 1);
  const value = Math.min(Math.max(lower, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
  return integer ? Math.ceil(value) : value;
}

export function sampleOf(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 12) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const union = schema.anyOf ?? schema.oneOf;
  if (union && union.length > 0) return sampleOf(union.find((s) => s.type !== 'null') ?? union[0], depth + 1);
  if (schema.allOf && schema.allOf.length > 0) {
    const merged: Record<string, unknown> = {};
    for (const part of schema.allOf) Object.assign(merged, sampleOf(part, depth + 1));
    return merged;
  }
  const declared: string | undefined = Array.isArray(schema.type)
    ? (schema.type as readonly string[]).find((t) => t !== 'null')
    : (schema.type as string | undefined);
  const type: string = declared ?? (schema.properties ? 'object' : 'unknown');
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) out[key] = sampleOf(prop, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 1, 1) }, () => sampleOf(schema.items, depth + 1));
    case 'string':
      return stringSample(schema);
    case 'integer':
      return numberSample(schema, true);
    case 'number':
      return numberSample(schema, false);
    case 'boolean':
      return true;
    default:
      return 'sample';
  }
}
