import { withDb } from './fleet.js';

/** One place the platform wrote to, with what it holds: a log file, a table, a topic, a response. */
export interface Written {
  readonly channel: 'log' | 'database' | 'kafka' | 'dlq' | 'error-body' | 'metrics';
  readonly where: string;
  readonly text: string;
}

export interface Hit {
  readonly needle: string;
  readonly channel: Written['channel'];
  readonly where: string;
  /** A little text around the hit, with the value itself masked. */
  readonly context: string;
}

/**
 * Looks for each needle (a secret, a personal-data value, or a planted canary) in everything written.
 * Matching is on the raw text and on its JSON-escaped forms (quotes and backslashes escaped, and
 * non-ASCII letters as \uXXXX, as some JSON writers do).
 */
export function scan(written: readonly Written[], needles: Readonly<Record<string, string>>): Hit[] {
  const hits: Hit[] = [];
  for (const [name, value] of Object.entries(needles)) {
    if (value.length < 6) throw new Error(`needle ${name} is too short to scan for without false hits`);
    const escaped = JSON.stringify(value).slice(1, -1);
    const asciiOnly = escaped.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const forms = [...new Set([value, escaped, asciiOnly])];
    for (const w of written) {
      for (const form of forms) {
        const at = w.text.indexOf(form);
        if (at < 0) continue;
        hits.push({
          needle: name,
          channel: w.channel,
          where: w.where,
          context: `${w.text.slice(Math.max(0, at - 80), at)}<${name}>${w.text.slice(at + form.length, at + form.length + 80)}`,
        });
        break;
      }
    }
  }
  return hits;
}

/**
 * Every row of every table of a database as text (`row_to_json`; bytea columns — the gateway's kept
 * idempotent answers — decoded as text), one Written per table.
 */
export async function databaseText(url: string, label: string): Promise<Written[]> {
  return withDb(url, async (c) => {
    const tables = (
      await c.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      )
    ).rows.map((r) => r.table_name);
    const out: Written[] = [];
    for (const table of tables) {
      const bytea = (
        await c.query<{ column_name: string }>(
          `select column_name from information_schema.columns where table_schema = 'public' and table_name = $1 and data_type = 'bytea'`,
          [table],
        )
      ).rows.map((r) => r.column_name);
      const rows = await c.query<{ t: string }>(`select row_to_json(x)::text as t from "${table}" x`);
      const extra = bytea.length
        ? await c.query<{ t: string }>(`select concat_ws(' ', ${bytea.map((col) => `encode("${col}", 'escape')`).join(', ')}) as t from "${table}"`)
        : { rows: [] };
      out.push({ channel: 'database', where: `${label}.${table}`, text: [...rows.rows, ...extra.rows].map((r) => r.t).join('\n') });
    }
    return out;
  });
}
