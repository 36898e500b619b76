/**
 * Path patterns of the route table: literal segments and `:name` parameters (one segment each).
 * No wildcards: every proxied path is spelled out, so a context adding a route does not make it
 * reachable through the gateway until the table says who may call it (ADR 0030).
 */
export interface CompiledPattern {
  readonly pattern: string;
  readonly segments: readonly { readonly literal?: string; readonly param?: string }[];
  /** Literal segments count; more literal = more specific (`/applications/queue` beats `/applications/:id`). */
  readonly specificity: number;
}

const PARAM = /^:([A-Za-z][A-Za-z0-9_]*)$/;

export function compilePattern(pattern: string): CompiledPattern {
  if (!pattern.startsWith('/')) throw new Error(`route pattern '${pattern}' must start with '/'`);
  const segments = pattern
    .split('/')
    .filter(Boolean)
    .map((s) => {
      const m = PARAM.exec(s);
      if (m) return { param: m[1]! };
      if (s.includes(':') || s.includes('*')) throw new Error(`route pattern '${pattern}': segment '${s}' is neither a literal nor a :param`);
      return { literal: s };
    });
  return { pattern, segments, specificity: segments.filter((s) => s.literal !== undefined).length };
}

/** The parameters of `path` under the pattern, or undefined when it does not match. */
export function matchPattern(compiled: CompiledPattern, path: string): Record<string, string> | undefined {
  const parts = splitPath(path);
  return parts ? matchParts(compiled, parts) : undefined;
}

/**
 * The decoded segments of a path (empty ones dropped), or undefined when one is not valid
 * percent-encoding — such a path matches no pattern. Done once per lookup (ADR 0143).
 */
export function splitPath(path: string): string[] | undefined {
  const parts = path.split('/').filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    try {
      parts[i] = decodeURIComponent(parts[i]!);
    } catch {
      return undefined;
    }
  }
  return parts;
}

/** The parameters of already split and decoded segments under the pattern, or undefined when they do not match. */
export function matchParts(compiled: CompiledPattern, parts: readonly string[]): Record<string, string> | undefined {
  if (parts.length !== compiled.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const seg = compiled.segments[i]!;
    const part = parts[i]!;
    if (seg.literal !== undefined) {
      if (seg.literal !== part) return undefined;
    } else {
      if (part === '' || part.includes('/')) return undefined;
      params[seg.param!] = part;
    }
  }
  return params;
}

/** `/applications/:id` → `/applications/{id}` (OpenAPI form). */
export const toOpenApiPath = (pattern: string): string => pattern.replace(/:([A-Za-z][A-Za-z0-9_]*)/g, '{$1}');
