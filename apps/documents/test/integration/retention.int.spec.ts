// Issue #10, ADR 0045: the records schedule — a document whose retention ended loses its bytes, keeps its record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles, sha256Hex } from '@hub/object-storage';
import { type Harness, type UploadJson, auth, json, newBin, poller, putBytes, startHarness } from '../support/documents-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('documents_retention', { start: '2026-03-02T05:00:00.000Z' }); // Monday 2 March 2026, 10:00 Almaty
});
afterAll(async () => {
  await h?.close();
});

const DAY = 86_400_000;

describe('retention ends → the bytes are purged, the record stays (ADR 0045)', () => {
  it('F-9(2) kind kept 5 years: nothing is purged on the last day; the day after, the bytes go, the document is purged with its hash kept, a document-purged fact is published, downloads are refused', async () => {
    const bin = newBin();
    const token = await h.token(['applicant'], [bin]);
    const pdf = sampleFiles.pdf('tax debt information, kept five years');
    const started = await h
      .http()
      .post('/documents/uploads')
      .set(auth(token))
      .send({ ownerBin: bin, kind: 'tax-debt-certificate', fileName: 'tax.pdf', size: pdf.byteLength });
    expect(started.status).toBe(201);
    const { document, upload } = json<UploadJson>(started);
    expect(await putBytes(upload, pdf)).toBe(200);
    expect((await h.http().post(`/documents/${document.id}/complete`).set(auth(token))).status).toBe(200);

    // Verified on 2026-03-02 → kept through 2031-03-01; the timer is due at 00:00 Almaty (UTC+5) on 2031-03-02.
    const [row] = await h.sql<{ retain_until: string }>(`select retain_until::text as retain_until from document where id = ?`, [document.id]);
    expect(row?.retain_until).toBe('2031-03-01');
    const [timer] = await h.sql<{ due_at: Date }>(`select due_at from hub_timer where kind = 'documents.retention-ended' and timer_key = ?`, [document.id]);
    expect(new Date(timer!.due_at).toISOString()).toBe('2031-03-01T19:00:00.000Z');

    // The last day of the retention: still kept.
    h.clock.set('2031-03-01T18:59:59.000Z');
    await poller(h).runDue();
    expect(await h.storage.listKeys(`documents/${bin}/`)).toHaveLength(1);

    // The day after: purged.
    h.clock.set('2031-03-01T19:00:00.000Z');
    expect(await poller(h).runDue()).toBeGreaterThanOrEqual(1);
    expect(await h.storage.listKeys(`documents/${bin}/`)).toEqual([]);
    const [purged] = await h.sql<{ status: string; sha256: string; purged_at: Date | null }>(`select status, sha256, purged_at from document where id = ?`, [
      document.id,
    ]);
    expect(purged).toMatchObject({ status: 'purged', sha256: sha256Hex(pdf) });
    expect(new Date(purged!.purged_at!).toISOString()).toBe('2031-03-01T19:00:00.000Z');
    const events = await h.sql<{ event_type: string; payload: Record<string, unknown> }>(
      `select event_type, envelope->'payload' as payload from hub_outbox where envelope->>'aggregateId' = ? order by position`,
      [document.id],
    );
    expect(events.map((e) => e.event_type)).toEqual(['documents.document-verified', 'documents.document-purged']);
    expect(events[1]!.payload).toMatchObject({ documentId: document.id, bin, kind: 'tax-debt-certificate', sha256: sha256Hex(pdf), retainUntil: '2031-03-01' });

    // The record answers with its status; the bytes are no longer handed out.
    const later = await h.token(['applicant'], [bin]);
    const read = await h.http().get(`/documents/${document.id}`).set(auth(later));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'purged', sha256: sha256Hex(pdf) });
    const download = await h.http().get(`/documents/${document.id}/download`).set(auth(later));
    expect(download.status).toBe(409);
    expect(JSON.stringify(download.body)).toMatch(/purged/);

    // The timer fired once; running the poller again changes nothing.
    h.clock.advance(DAY);
    await poller(h).runDue();
    expect(await h.sql(`select 1 from hub_outbox where envelope->>'aggregateId' = ? and event_type = 'documents.document-purged'`, [document.id])).toHaveLength(
      1,
    );
  });
});
