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
  it('completing fails without a verified document or an event; when the store is back, the expiry removes the bytes and nothing is left', async () => {
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
    expect(completed.status).toBeGreaterThanOrEqual(500);
    const [row] = await h.sql<{ status: string; sha256: string | null }>(`select status, sha256 from document where id = ?`, [document.id]);
    expect(row).toEqual({ status: 'awaiting-upload', sha256: null });
    expect(await h.sql(`select 1 from hub_outbox where envelope->>'aggregateId' = ?`, [document.id])).toEqual([]);
    // The expiry timer cannot delete while the store is away: it fails and stays due (retried).
    h.clock.advance(7 * 60_000);
    await poller(h).runDue();
    const [still] = await h.sql<{ status: string }>(`select status from document where id = ?`, [document.id]);
    expect(still?.status).toBe('awaiting-upload');

    await outage.restore();
    h.clock.advance(10 * 60_000); // past the timer's retry backoff
    await poller(h).runDue();
    expect(await h.storage.listKeys(`documents/${bin}/`)).toEqual([]);
    const [after] = await h.sql<{ status: string }>(`select status from document where id = ?`, [document.id]);
    expect(after?.status).toBe('expired');
  });
});
