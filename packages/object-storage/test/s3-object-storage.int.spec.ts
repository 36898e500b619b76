// Against the real local S3 server (tools/s3mock, started by `tools/hub stack up`): ADR 0045, ADR 0009.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStorage, sampleFiles, sha256Hex } from '../src/index.js';

const endpoint = process.env.HUB_S3_ENDPOINT ?? 'http://127.0.0.1:9090';
const bucket = `t-object-storage-${process.pid}-${Date.now().toString(36)}`;
let storage: S3ObjectStorage;

async function upload(url: string, headers: Readonly<Record<string, string>>, bytes: Uint8Array): Promise<number> {
  const res = await fetch(url, { method: 'PUT', headers, body: bytes });
  return res.status;
}

beforeAll(async () => {
  storage = new S3ObjectStorage({ endpoint, bucket });
  await storage.ensureBucket();
});

afterAll(async () => {
  await storage.dropBucket();
  storage.close();
});

describe('S3ObjectStorage on a real S3 server', () => {
  it('presigned PUT, then verify: the type from the bytes, the hash computed here; presigned GET returns the same bytes', async () => {
    const bytes = sampleFiles.docx('lease of premises');
    const put = await storage.presignUpload({ key: 'uploads/a.docx', contentLength: bytes.byteLength, contentType: 'application/octet-stream' });
    expect(put.method).toBe('PUT');
    expect(put.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(300_000);
    expect(await upload(put.url, put.headers, bytes)).toBe(200);

    const result = await storage.verify('uploads/a.docx', { maxBytes: 1_000_000, declaredName: 'Договор.docx', declaredSize: bytes.byteLength });
    expect(result).toMatchObject({ ok: true, type: 'docx', size: bytes.byteLength, sha256: sha256Hex(bytes) });

    const get = await storage.presignDownload({ key: 'uploads/a.docx', fileName: 'Договор.docx' });
    expect(get.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    const res = await fetch(get.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''%D0%94");
    expect(sha256Hex(new Uint8Array(await res.arrayBuffer()))).toBe(sha256Hex(bytes));
  });

  it('bytes that are not what the name says are refused and deleted', async () => {
    const bytes = sampleFiles.png();
    const put = await storage.presignUpload({ key: 'uploads/fake.pdf', contentLength: bytes.byteLength, contentType: 'application/pdf' });
    expect(await upload(put.url, put.headers, bytes)).toBe(200);
    const result = await storage.verify('uploads/fake.pdf', { maxBytes: 1_000_000, declaredName: 'tax-certificate.pdf' });
    expect(result).toMatchObject({ ok: false, reason: 'type-mismatch' });
    expect(await storage.head('uploads/fake.pdf')).toBeNull();
    expect(await storage.listKeys('uploads/fake')).toEqual([]);
  });

  it('an oversized object is refused from its metadata and nothing remains in the bucket', async () => {
    const bytes = sampleFiles.pdfOfSize(300_000);
    await storage.put('uploads/big.pdf', bytes, 'application/pdf');
    const result = await storage.verify('uploads/big.pdf', { maxBytes: 200_000 });
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await storage.listKeys('uploads/big')).toEqual([]);
  });

  it('nothing uploaded: verify says missing, head says null', async () => {
    expect(await storage.verify('uploads/never', { maxBytes: 10 })).toMatchObject({ ok: false, reason: 'missing' });
    expect(await storage.head('uploads/never')).toBeNull();
    await expect(storage.delete('uploads/never')).resolves.toBeUndefined();
  });

  it('an issued document is stored once with its hash and read back byte-identical twice', async () => {
    const pdf = sampleFiles.pdf('certificate 2026-0001');
    const stored = await storage.put('issued/cert.pdf', pdf, 'application/pdf');
    expect(stored).toEqual({ key: 'issued/cert.pdf', size: pdf.byteLength, sha256: sha256Hex(pdf) });
    const first = await storage.get('issued/cert.pdf');
    const second = await storage.get('issued/cert.pdf');
    expect(sha256Hex(first)).toBe(stored.sha256);
    expect(Buffer.from(second).equals(Buffer.from(pdf))).toBe(true);
  });

  it('presigned lifetimes are capped whatever the caller asks', async () => {
    const put = await storage.presignUpload({ key: 'k', contentLength: 1, contentType: 'application/pdf', expiresInSeconds: 86_400 });
    expect(new URL(put.url).searchParams.get('X-Amz-Expires')).toBe('900');
    const get = await storage.presignDownload({ key: 'k', expiresInSeconds: 86_400 });
    expect(new URL(get.url).searchParams.get('X-Amz-Expires')).toBe('300');
    expect(new URL(put.url).searchParams.get('X-Amz-SignedHeaders')).toContain('content-length');
  });
});
