import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '@hub/kernel';
import { assertConditionsPublishedInTime, latestPublicationDay } from './conditions-published-in-time.rule.js';
import { assertInsideIntake } from './intake-window.rule.js';
import { priceOnContractDay } from './price-for-recipient.rule.js';

const ruleOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof RuleViolationError) return e.ruleId;
    throw e;
  }
  return undefined;
};

describe('F-55: conditions published at least 1 calendar month before intake opens', () => {
  it('publication exactly one month before is in time; one day later is refused', () => {
    expect(ruleOf(() => assertConditionsPublishedInTime('2026-11-16', '2026-12-16', 1))).toBeUndefined();
    expect(ruleOf(() => assertConditionsPublishedInTime('2026-11-17', '2026-12-16', 1))).toBe('F-55');
  });
  it('calendar months, clamped at the month end: intake 31 March → publish by 28 February (2027), 29 February in a leap year', () => {
    expect(latestPublicationDay('2027-03-31', 1)).toBe('2027-02-28');
    expect(latestPublicationDay('2028-03-31', 1)).toBe('2028-02-29');
    expect(ruleOf(() => assertConditionsPublishedInTime('2027-03-01', '2027-03-31', 1))).toBe('F-55');
  });
  it('the lead is data: two months refuses what one month allows', () => {
    expect(ruleOf(() => assertConditionsPublishedInTime('2026-11-16', '2026-12-16', 2))).toBe('F-55');
  });
});

describe('F-47: applications only inside the intake window', () => {
  it('accepts the opening and the closing day, refuses the day before and the day after', () => {
    expect(ruleOf(() => assertInsideIntake('2026-12-01', '2026-12-01', '2026-12-31'))).toBeUndefined();
    expect(ruleOf(() => assertInsideIntake('2026-12-31', '2026-12-01', '2026-12-31'))).toBeUndefined();
    expect(ruleOf(() => assertInsideIntake('2026-11-30', '2026-12-01', '2026-12-31'))).toBe('F-47');
    expect(ruleOf(() => assertInsideIntake('2027-01-01', '2026-12-01', '2026-12-31'))).toBe('F-47');
  });
});

describe('F-56: the price is the list in force on the contract day, for the recipient’s status that day', () => {
  const list = [
    { id: 'a', effectiveFrom: '2026-01-01', participantPriceTiyn: 100_00, nonParticipantPriceTiyn: 300_00 },
    { id: 'b', effectiveFrom: '2027-01-01', participantPriceTiyn: 150_00, nonParticipantPriceTiyn: 450_00 },
  ] as const;
  it('an active participant pays the participant price, anyone else the non-participant price', () => {
    expect(priceOnContractDay(list, '2026-12-31', true)).toEqual({ priceTiyn: 100_00, basis: 'participant', priceListEntryId: 'a' });
    expect(priceOnContractDay(list, '2026-12-31', false)).toEqual({ priceTiyn: 300_00, basis: 'non-participant', priceListEntryId: 'a' });
  });
  it('a later entry applies from its effective day only: a contract signed before keeps the earlier price', () => {
    expect(priceOnContractDay(list, '2027-01-01', true).priceTiyn).toBe(150_00);
    expect(priceOnContractDay(list, '2026-12-31', true).priceTiyn).toBe(100_00);
  });
  it('no entry in force, or no price for a non-participant, is refused naming F-56', () => {
    expect(ruleOf(() => priceOnContractDay(list, '2025-12-31', true))).toBe('F-56');
    expect(
      ruleOf(() => priceOnContractDay([{ id: 'c', effectiveFrom: '2026-01-01', participantPriceTiyn: 0, nonParticipantPriceTiyn: null }], '2026-06-01', false)),
    ).toBe('F-56');
  });
  it('a participant without a participant price pays the general price', () => {
    expect(
      priceOnContractDay([{ id: 'd', effectiveFrom: '2026-01-01', participantPriceTiyn: null, nonParticipantPriceTiyn: 500 }], '2026-06-01', true),
    ).toMatchObject({ priceTiyn: 500, basis: 'non-participant' });
  });
});
