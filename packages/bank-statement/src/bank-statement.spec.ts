import { describe, expect, it } from 'vitest';
import { ValidationError } from '@hub/kernel';
import { columnsOf, parseStatement, type StatementFormat } from './bank-statement.js';

/** A format like services' (ADR 0066): any 12-digit payer, an invoice number as the purpose. */
const FORMAT: StatementFormat<string> = {
  payerColumn: 'payer',
  purposeColumn: 'invoice',
  readPayer: (t) => (/^\d{12}$/.test(t) ? { ok: true, value: t } : { ok: false, message: 'must be a 12-digit BIN or IIN' }),
  readPurpose: (t) => (/^INV-\d+$/.test(t) ? { ok: true, value: t } : { ok: false, message: 'must be an invoice number INV-n' }),
};
const HEADER = columnsOf(FORMAT).join(',');

function issuesOf(csv: string): string[] {
  try {
    parseStatement(csv, FORMAT);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => `${i.path} ${i.code}`);
  }
  throw new Error('expected the statement to be refused');
}

describe('the bank-statement CSV (ADR 0023, ADR 0066)', () => {
  it('F-21, F-55: reads every row exactly into tiyn, with the payer and purpose the format reads', () => {
    const rows = parseStatement(`${HEADER}\n2026-03-02,900101300123,125000.50,TX-1,INV-7\n"2026-03-03","150340000015","0.1","TX-2","INV-8"\n\n`, FORMAT);
    expect(rows).toEqual([
      { row: 2, paidOn: '2026-03-02', payer: '900101300123', amount: 12_500_050, reference: 'TX-1', purpose: 'INV-7' },
      { row: 3, paidOn: '2026-03-03', payer: '150340000015', amount: 10, reference: 'TX-2', purpose: 'INV-8' },
    ]);
  });

  it('refuses the whole file and names every bad cell by row and column, the format’s columns included', () => {
    const csv = `${HEADER}\n2026-02-30,12,1.234,TX-1,INV-1\n2026-03-01,900101300123,5,TX-1,bad\n2026-03-01,900101300123\n`;
    expect(issuesOf(csv)).toEqual([
      'csv.row[2].paid_on csv.date',
      'csv.row[2].payer csv.payer',
      'csv.row[2].amount_kzt csv.amount',
      'csv.row[3].reference csv.duplicate',
      'csv.row[3].invoice csv.invoice',
      'csv.row[4] csv.columns',
    ]);
  });

  it('refuses another format’s header, an unreadable file and a file without payments', () => {
    expect(issuesOf('paid_on,bin,amount_kzt,reference,period\n2026-03-01,900101300123,5,TX-1,INV-1\n')).toEqual(['csv.row[1] csv.header']);
    expect(issuesOf(`${HEADER}\n"2026-03-01,900101300123,5,TX-1,INV-1\n`)[0]).toMatch(/csv\.syntax$/);
    expect(issuesOf(`${HEADER}\n`)).toEqual(['csv csv.empty']);
  });
});
