import { expect, test } from '@playwright/test';
import { Hello, type HelloSession } from '../../src/auth/hello.ts';

// ADR 0145: the gateway's table for PUT /api/notifications/me/contact (the persons notifications tells something).
const allowed = (s: HelloSession) => s.roles.some((r) => ['applicant', 'commission-member', 'cluster-commission-member'].includes(r));
const member: HelloSession = { subject: 'member-1', roles: ['commission-member'] };

test('ADR 0145: once per session — a sign-in says hello, a token refresh of the same person does not, signing out and in again does', async () => {
  const hello = new Hello();
  const said: string[] = [];
  const say = (who: string) => () => Promise.resolve(said.push(who));
  await hello.seen(member, allowed, say('sign-in'));
  expect(hello.seen({ ...member }, allowed, say('refresh'))).toBeNull(); // a refreshed token: the same person
  expect(hello.seen(null, allowed, say('signed out'))).toBeNull();
  await hello.seen(member, allowed, say('again'));
  await hello.seen({ subject: 'applicant-1', roles: ['applicant'] }, allowed, say('another person'));
  expect(said).toEqual(['sign-in', 'again', 'another person']);
});

test('ADR 0145: staff (no role notifications tells something) never say hello; a failed hello is tried on the next session change', async () => {
  const hello = new Hello();
  const said: string[] = [];
  expect(hello.seen({ subject: 'officer-1', roles: ['fund-officer', 'auditor'] }, allowed, () => Promise.resolve(said.push('staff')))).toBeNull();
  await hello.seen(member, allowed, () => Promise.reject(new Error('503')));
  await hello.seen({ ...member }, allowed, () => Promise.resolve(said.push('retried')));
  expect(said).toEqual(['retried']);
});
