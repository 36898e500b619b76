/** Where the real infrastructure of the tests is: the dev stack's defaults, overridable by env. */
export const testPgUrl = (): string => process.env.HUB_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
export const testKafkaBrokers = (): string[] => (process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim());

let counter = 0;
/** A name unique to this test run: `<prefix>_<pid>_<time>_<n>` (lower case, safe as a db/topic name). */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}
