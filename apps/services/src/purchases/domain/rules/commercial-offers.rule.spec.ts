import { describe, expect, it } from 'vitest';
import { ValidationError } from '@hub/kernel';
import { assertChoiceAllowed } from './commercial-offers.rule.js';

const o = (id: string, amountTiyn: number) => ({ id, supplierName: 'S', supplierBin: '000000000000', amountTiyn, offeredOn: '2026-11-10', documentRef: 'D' });

describe('F-56 ¶2 commercial offers rule', () => {
  it('F-56: fewer offers than required → refused on `offers`', () => {
    const e = (() => {
      try {
        assertChoiceAllowed([o('a', 1)], 3, 'a', undefined);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toBe('offers');
  });
  it('F-56: not the cheapest → a reason is required on `reason`; the cheapest needs none', () => {
    const offers = [o('a', 300), o('b', 200), o('c', 250)];
    expect(() => assertChoiceAllowed(offers, 3, 'a', ' ')).toThrow(/not the cheapest/);
    expect(assertChoiceAllowed(offers, 3, 'a', 'Better terms').id).toBe('a');
    expect(assertChoiceAllowed(offers, 3, 'b', undefined).id).toBe('b');
    expect(() => assertChoiceAllowed(offers, 3, 'z', undefined)).toThrow(ValidationError);
  });
});
