import request from 'supertest';
import { TODAY, draftBody } from './registration-draft.js';

/** A response with the expected status, or an error that shows what came back. */
export function expectStatus(res: request.Response, status: number, what: string): Record<string, unknown> {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 1500)}`);
  return res.body as Record<string, unknown>;
}

/** Who acts on each step (tokens from tools/dev-issuer): the company's representative and the Fund's people (F-13). */
export interface RegistrationActors {
  readonly applicant: string;
  readonly officer: string;
  readonly member: string;
  readonly secretary: string;
}

/**
 * F-8 … F-18 through the gateway for one company: it files, the Fund and the Commission decide, the
 * decision is notified, the contract signed and the certificate issued. Returns the application id.
 */
export async function registerToCertificate(gw: string, who: RegistrationActors, bin: string, companyName: string): Promise<string> {
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (path: string, token: string, body: object = {}) => request(gw).post(`/api/registration${path}`).set(as(token)).send(body);
  const created = expectStatus(
    await post('/applications', who.applicant, { bin, companyName, address: 'Astana, Mangilik El 55/8', language: 'ru' }),
    201,
    `create (${bin})`,
  );
  const id = created.id as string;
  expectStatus(await request(gw).patch(`/api/registration/applications/${id}`).set(as(who.applicant)).send(draftBody()), 200, 'fill the draft');
  if (expectStatus(await post(`/applications/${id}/submit`, who.applicant), 200, 'submit').status !== 'submitted') throw new Error('not submitted');
  expectStatus(await post(`/applications/${id}/send-to-commission`, who.officer), 200, 'send to commission');
  expectStatus(await post(`/applications/${id}/votes`, who.member, { vote: 'register' }), 200, 'vote');
  if (expectStatus(await post(`/applications/${id}/decision`, who.secretary, { decision: 'register' }), 200, 'decision').status !== 'registered')
    throw new Error('not registered');
  expectStatus(await post(`/applications/${id}/notification`, who.officer), 200, 'notify the decision (F-17)');
  expectStatus(await post(`/applications/${id}/contract`, who.officer, { contractNumber: `SC-${bin}`, signedOn: TODAY }), 200, 'contract');
  expectStatus(await post(`/applications/${id}/certificate`, who.officer), 200, 'certificate');
  return id;
}
