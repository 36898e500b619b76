import { MikroORM, type Options, type SqlEntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { PiiCipher } from './pii-cipher.js';
import { checkPiiConfig, piiCipherFrom, piiConfigShape } from './pii-config.js';

/**
 * One column of F-42 ciphertexts a context keeps (ADR 0022). The context lists every such column once, next to
 * the code that seals it, so that the key rotation cannot miss one; this package knows no context's tables.
 */
export interface PiiColumn {
  readonly table: string;
  /** The ciphertext column (`pii1.<keyId>.…`); a null or an empty value (deleted at the end of its F-42 retention, ADR 0124) is left alone. */
  readonly column: string;
  /** The row key bound into the additional authenticated data; `id` when absent. */
  readonly key?: string;
  /** When given, the AAD is `<binding>:<row key>` (notifications, ADR 0133 §1); else the row key alone. */
  readonly binding?: string;
  /**
   * A column that names the value's key beside the ciphertext (participation's `key_id`): the rotation selects
   * on it and keeps it in step. When absent the key id is read from the ciphertext itself.
   */
  readonly keyIdColumn?: string;
}

/** How many values of one column moved to the active key. */
export interface PiiColumnCount {
  readonly table: string;
  readonly column: string;
  readonly moved: number;
}

export interface PiiReencryptionResult {
  /** Every value moved, all columns together: 0 means the old key may leave the ring (runbook step 4). */
  readonly moved: number;
  readonly columns: readonly PiiColumnCount[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const ident = (name: string): string => {
  // The names come from the context's code, never from input; still, nothing but a plain identifier reaches SQL.
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
};

/**
 * The key rotation (ADR 0022, ADR 0133 §1; docs/runbooks/pii-key-rotation.md) of every listed column: each
 * value whose key is not the active one is decrypted and encrypted again under the active key with the same
 * AAD, in batches (`batchSize`, 500 by default), each batch one transaction that locks its rows
 * `for update skip locked` — so a run beside the app or beside another run never moves a row twice, and a row
 * the app holds is left for the next run. Only values not under the active key are selected: idempotent (a
 * second run moves 0) and resumable (a run cut short is simply run again). Blind indexes are not touched —
 * the index key is never rotated in place (ADR 0065).
 */
export async function reencryptPiiColumns(
  em: SqlEntityManager,
  cipher: PiiCipher,
  columns: readonly PiiColumn[],
  batchSize = 500,
): Promise<PiiReencryptionResult> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batchSize must be a positive integer, got ${batchSize}`);
  const counts: PiiColumnCount[] = [];
  for (const c of columns) {
    const [table, column, key] = [ident(c.table), ident(c.column), ident(c.key ?? 'id')];
    const keyId = c.keyIdColumn === undefined ? undefined : ident(c.keyIdColumn);
    const notActive = keyId ? `${keyId} <> ?` : `split_part(${column}, '.', 2) <> ?`;
    const aadOf = (rowKey: string) => (c.binding === undefined ? rowKey : `${c.binding}:${rowKey}`);
    let moved = 0;
    for (;;) {
      const n = await em.fork().transactional(async (tx) => {
        const batch = await tx.execute<{ key: string; ciphertext: string }[]>(
          `select ${key}::text as "key", ${column} as "ciphertext" from ${table} where ${column} is not null and ${column} <> '' and ${notActive} order by ${key} limit ? for update skip locked`,
          [cipher.activeKeyId, batchSize],
        );
        for (const r of batch) {
          const aad = aadOf(r.key);
          const ciphertext = cipher.encrypt(cipher.decrypt(r.ciphertext, aad), aad);
          if (keyId) await tx.execute(`update ${table} set ${column} = ?, ${keyId} = ? where ${key} = ?`, [ciphertext, cipher.keyIdOf(ciphertext), r.key]);
          else await tx.execute(`update ${table} set ${column} = ? where ${key} = ?`, [ciphertext, r.key]);
        }
        return batch.length;
      });
      moved += n;
      if (n < batchSize) break;
    }
    counts.push({ table: c.table, column: c.column, moved });
  }
  return { moved: counts.reduce((sum, c) => sum + c.moved, 0), columns: counts };
}

/** What a context's `cli/reencrypt-pii.ts` hands to `runPiiReencryptionCli`. */
export interface PiiReencryptionCommand {
  /** The context's name, the prefix of every reported line. */
  readonly context: string;
  /** The context's ORM configuration for a database URL (its `<context>OrmConfig`). */
  readonly ormConfig: (databaseUrl: string) => Options;
  readonly columns: readonly PiiColumn[];
  readonly batchSize?: number;
  /**
   * Further work of the same run that needs the key ring (participation's F-42 data migration, issue #9),
   * after the rotation; returns the lines to report (without the context prefix).
   */
  readonly alsoRun?: (em: SqlEntityManager, cipher: PiiCipher) => Promise<readonly string[]>;
}

interface Writable {
  write(chunk: string): unknown;
}

/** The exit code of a command started with a configuration it cannot use (sysexits EX_CONFIG). */
export const EX_CONFIG = 78;

/**
 * The `reencrypt-pii` command of a context (ADR 0022; docs/runbooks/pii-key-rotation.md step 3): reads
 * `DATABASE_URL`, `HUB_PII_KEYS` and `HUB_PII_ACTIVE_KEY` (key material is never echoed — a bad ring is named by
 * its entry's position), runs `reencryptPiiColumns` over the context's columns and reports the count of each
 * column and the total. Returns the exit code: 0, or `EX_CONFIG` when the configuration is invalid.
 *   DATABASE_URL=… HUB_PII_KEYS="k1:…,k2:…" HUB_PII_ACTIVE_KEY=k2 node dist/cli/reencrypt-pii.js
 */
export async function runPiiReencryptionCli(
  command: PiiReencryptionCommand,
  env: Record<string, string | undefined> = process.env,
  out: Writable = process.stdout,
  err: Writable = process.stderr,
): Promise<number> {
  const config = z
    .object({ DATABASE_URL: z.string().min(1), ...piiConfigShape })
    .superRefine(checkPiiConfig)
    .safeParse(env);
  if (!config.success) {
    err.write(`invalid configuration: ${config.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
    return EX_CONFIG;
  }
  const cipher = piiCipherFrom(config.data);
  const orm = await MikroORM.init(command.ormConfig(config.data.DATABASE_URL));
  try {
    const result = await reencryptPiiColumns(orm.em.fork(), cipher, command.columns, command.batchSize);
    for (const c of result.columns) out.write(`${command.context}: ${c.table}.${c.column}: ${c.moved} value(s) moved\n`);
    out.write(`${command.context}: ${result.moved} personal-data value(s) re-encrypted with key ${cipher.activeKeyId}\n`);
    for (const line of (await command.alsoRun?.(orm.em.fork(), cipher)) ?? []) out.write(`${command.context}: ${line}\n`);
    return 0;
  } finally {
    await orm.close();
  }
}
