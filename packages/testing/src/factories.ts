import { makeBin, makeIin } from '@hub/identifiers';

/**
 * Test-data factories: valid identifiers and plausible companies, unique within a run, so that
 * tests state only what matters to them.
 */
let serial = Math.floor(Math.random() * 50_000);

export interface CompanyFixture {
  readonly bin: string;
  readonly name: string;
  readonly address: string;
}

export function aCompany(overrides: Partial<CompanyFixture> = {}): CompanyFixture {
  serial += 1;
  return {
    bin: makeBin({ year: 2019 + (serial % 7), month: 1 + (serial % 12), serial }),
    name: `Test Tech ${serial} LLP`,
    address: `Astana, Mangilik El 55/${serial % 100}`,
    ...overrides,
  };
}

/** A branch BIN (6th digit 1): fails F-7(1)/(2). */
export function aBranchBin(): string {
  serial += 1;
  return makeBin({ year: 2020, month: 5, officeKind: 'branch', serial });
}

const issuedIins = new Set<string>();
export function anIin(birthDate = '1990-04-12', sex: 'male' | 'female' = 'female'): string {
  // makeIin skips a serial without a check digit to the next one, so two serials can give the same
  // IIN: never hand out one twice in a process (it made "fresh" recipients collide, 409).
  for (;;) {
    serial += 1;
    const iin = makeIin({ birthDate, sex, serial: serial % 10_000 });
    if (!issuedIins.has(iin)) {
      issuedIins.add(iin);
      return iin;
    }
  }
}
