import { readFileSync } from 'node:fs';
import { Tariff, type TariffVersion } from '../domain/tariff.js';

/**
 * F-22, F-23 (ADR 0023, ADR 0036): the tariff from its JSON file (`HUB_FEE_TARIFF_FILE`, default
 * `data/fee-tariff.json`). Amounts and rates are decimal text there; `Tariff` refuses anything
 * else, and overlapping versions, at start.
 */
export function loadTariffFile(file: string): Tariff {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { versions: TariffVersion[] };
  return new Tariff(raw.versions);
}
