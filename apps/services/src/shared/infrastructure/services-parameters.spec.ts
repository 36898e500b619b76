import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadServicesParameters } from './shared.providers.js';

const shipped = JSON.parse(readFileSync(new URL('../../../data/services-rules.json', import.meta.url), 'utf8')) as { versions: Record<string, unknown>[] };
const withIssuer = (issuer: Record<string, unknown>): URL => {
  const dir = mkdtempSync(join(tmpdir(), 'services-rules-'));
  const file = join(dir, 'services-rules.json');
  writeFileSync(file, JSON.stringify({ versions: [{ ...shipped.versions[0], invoiceIssuer: issuer }] }));
  return pathToFileURL(file);
};
const names = { nameKk: '«Astana Hub» автономды кластерлік қоры', nameRu: 'Автономный кластерный фонд «Astana Hub»', bank: 'АО «Банк»' };

describe('ADR 0123: the Fund’s bank details on invoices are explicit effective-dated data with a status', () => {
  it('the shipped requisites are marked placeholder (finance has not supplied them): invoices say NOT FOR PAYMENT', () => {
    expect(loadServicesParameters()[0]!.invoiceIssuer.status).toBe('placeholder');
  });

  it('confirmed requisites must have the shape of real ones (BIN 12 digits, a Kazakh IBAN, a BIC); a bad one stops the app naming the field', () => {
    const good = { status: 'confirmed', ...names, bin: '170240028410', iban: 'KZ86125KZT5004100100', bic: 'KCJBKZKX' };
    expect(loadServicesParameters(withIssuer(good))[0]!.invoiceIssuer).toMatchObject({ status: 'confirmed', bin: '170240028410' });
    expect(() => loadServicesParameters(withIssuer({ ...good, bin: 'PLACEHOLDER-BIN' }))).toThrow(/invoiceIssuer\.bin: a BIN is exactly 12 digits/);
    expect(() => loadServicesParameters(withIssuer({ ...good, iban: 'PLACEHOLDER-IBAN' }))).toThrow(/invoiceIssuer\.iban/);
    expect(() => loadServicesParameters(withIssuer({ ...good, bic: 'x' }))).toThrow(/invoiceIssuer\.bic/);
  });

  it('requisites without a status are refused (nobody can ship unmarked placeholders again)', () => {
    const { status: _, ...unmarked } = shipped.versions[0]!['invoiceIssuer'] as Record<string, unknown>;
    expect(() => loadServicesParameters(withIssuer(unmarked))).toThrow(/invoiceIssuer\.status/);
  });
});
