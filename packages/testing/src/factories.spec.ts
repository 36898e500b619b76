import { describe, expect, it } from 'vitest';
import { parseBin, parseIin } from '@hub/identifiers';
import { aBranchBin, aCompany, anIin } from './factories.js';

describe('factories', () => {
  it('make valid, distinct head-office BINs', () => {
    const a = aCompany();
    const b = aCompany();
    expect(a.bin).not.toBe(b.bin);
    expect(parseBin(a.bin).isHeadOffice).toBe(true);
  });
  it('make branch BINs and valid IINs', () => {
    expect(parseBin(aBranchBin()).officeKind).toBe('branch');
    expect(parseIin(anIin('1990-04-12', 'female')).birthDate).toBe('1990-04-12');
  });
});
