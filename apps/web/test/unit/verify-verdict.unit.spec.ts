import { expect, test } from '@playwright/test';
import { almatyToday, verdictOf, type VerdictInput } from '../../src/pages/verify-verdict.ts';

const base: VerdictInput = {
  status: 'active',
  valid: true,
  validTo: '2028-11-15',
  extensions: [],
  certificate: { kind: 'registration', validFrom: '2026-11-16' },
  signature: { verified: true },
};

test('F-25, Annex 3: an extension certificate before its period is genuine and "comes into force on …", not "not valid"', () => {
  const ext: VerdictInput = { ...base, valid: false, certificate: { kind: 'extension', validFrom: '2027-11-16' } };
  expect(verdictOf(ext, '2027-11-15')).toEqual({ id: 'verify.notYetInForce', date: '2027-11-16', tone: 'pending' });
  // On its first day the registry answers valid → "the extension certificate is valid".
  expect(verdictOf({ ...ext, valid: true }, '2027-11-16')).toEqual({ id: 'verify.extensionValid', tone: 'valid' });
  // A signature that does not verify is never "genuine".
  expect(verdictOf({ ...ext, signature: { verified: false } }, '2027-11-15').id).toBe('verify.notValid');
});

test('F-19, F-27, F-28: terminated, expired, extended and plain verdicts', () => {
  expect(verdictOf({ ...base, status: 'terminated', valid: false }, '2027-01-01').id).toBe('verify.terminated');
  expect(verdictOf({ ...base, status: 'expired', valid: false }, '2029-01-01').id).toBe('verify.expired');
  expect(verdictOf({ ...base, extensions: [{}] }, '2027-01-01')).toEqual({ id: 'verify.extended', date: '2028-11-15', tone: 'valid' });
  expect(verdictOf(base, '2027-01-01')).toEqual({ id: 'verify.valid', tone: 'valid' });
});

test('today is the Almaty date: 20:30 UTC on 6 Dec is 7 Dec in Almaty (UTC+5)', () => {
  expect(almatyToday(new Date('2026-12-06T20:30:00Z'))).toBe('2026-12-07');
  expect(almatyToday(new Date('2026-12-06T18:59:59Z'))).toBe('2026-12-06');
});
