// Issue #10 proof: the storage going away during an upload leaves no half document (ADR 0045 §10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles } from '@hub/object-storage';
import { type Harness, S3Outage, type UploadJson, auth, json, newBin, poller, putBytes, startHarness } from '../support/documents-harness.js';

let h: Harness;
let outage: S3Outage;
beforeAll(async () => {
  outage = await S3Outage.start();
  h = await startHarness('documents_outage', { appS3Endpoint: outage.endpoint });
});
afterAll(async () => {
  await outage?.takeAway();
  await h?.close();
});

describe('the object store goes away during an upload', () => {
  it('completing answers 503 problem+json (Retry-After, the dependency named), readiness shows degraded, no verified document or event; when the store is back, the expiry removes the bytes and nothing is left', async () => {
    const bin = newBin();
    const token = await h.token(['applicant'], [bin]);
    const pdf = sampleFiles.pdf('interrupted');
    const started = await h
      .http()
      .post('/documents/uploads')
      .set(auth(token))
      .send({ ownerBin: bin, kind: 'tax-debt-certificate', fileName: 'tax.pdf', size: pdf.byteLength });
    expect(started.status).toBe(201);
    const { document, upload } = json<UploadJson>(started);
    expect(await putBytes(upload, pdf)).toBe(200); // the bytes reached the store (through the proxy)
    expect(await h.storage.listKeys(`documents/${bin}/`)).toHaveLength(1);

    await outage.takeAway();
    const completed = await h.http().post(`/documents/${document.id}/complete`).set(auth(token));
    // A clear 503 problem naming the dependency, with Retry-After — not a 500 (issue #10).
    expect(completed.status).toBe(503);
    expect(completed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(completed.headers['retry-after']).toBe('5');
    expect(completed.body).toMatchObject({ type: expect.stringMatching(/dependency-unavailable$/) as unknown, status: 503, dependency: 'object-storage' });
    // Readiness reports the store as down but the app as degraded, not unready: the metadata still answers.
    const ready = await h.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'degraded', checks: { database: { status: 'up' }, 'object-storage': { status: 'down', required: false } } });
    expect((await h.http().get(`/documents/${document.id}`).set(auth(token))).status).toBe(200);
    const another = await h
      .http()
      .post('/documents/uploads')
      .set(auth(token))
      .send({ ownerBin: bin, kind: 'tax-debt-certificate', fileName: 'tax2.pdf', size: pdf.byteLength });
    expect([201, 503]).toContain(another.status); // presigning is local; the PUT itself would fail at the store
    const [row] = await h.sql<{ status: string; sha256: string | null }>(`select status, sha256 from document where id = ?`, [document.id]);
    expect(row).toEqual({ status: 'awaiting-upload', sha256: null });
    expect(await h.sql(`select 1 from hub_outbox where envelope->>'aggregateId' = ?`, [document.id])).toEqual([]);
    // The expiry timer cannot delete while the store is away: it fails and stays due (retried).
    h.clock.advance(7 * 60_000);
    await poller(h).runDue();
    const [still] = await h.sql<{ status: string }>(`select status from document where id = ?`, [document.id]);
    expect(still?.status).toBe('awaiting-upload');

    await outage.restore();
    expect((await h.http().get('/health/ready')).body).toMatchObject({ status: 'ok', checks: { 'object-storage': { status: 'up' } } });
    h.clock.advance(10 * 60_000); // past the timer's retry backoff
    await poller(h).runDue();
    expect(await h.storage.listKeys(`documents/${bin}/`)).toEqual([]);
    const [after] = await h.sql<{ status: string }>(`select status from document where id = ?`, [document.id]);
    expect(after?.status).toBe('expired');
  });
});
