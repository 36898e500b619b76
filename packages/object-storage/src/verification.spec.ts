import { describe, expect, it } from 'vitest';
import { sampleFiles } from './sample-files.js';
import { inspectBytes, mimeOf, sha256Hex, typeOfFileName } from './verification.js';

const policy = { maxBytes: 1024 * 1024 };

describe('inspectBytes (ADR 0045: the type from the bytes, SHA-256 computed by the server)', () => {
  it.each([
    ['pdf', sampleFiles.pdf(), 'a.pdf'],
    ['png', sampleFiles.png(), 'scan.PNG'],
    ['jpg', sampleFiles.jpeg(), 'photo.jpeg'],
    ['docx', sampleFiles.docx(), 'lease.docx'],
    ['odt', sampleFiles.odt(), 'decision.odt'],
  ] as const)('accepts a real %s and computes its hash', async (type, bytes, name) => {
    const result = await inspectBytes(bytes, { ...policy, declaredName: name, declaredSize: bytes.byteLength });
    expect(result).toEqual({ ok: true, type, size: bytes.byteLength, sha256: sha256Hex(bytes), mime: mimeOf(type) });
  });

  it('refuses bytes that are not what the name says (a PNG named .pdf)', async () => {
    const result = await inspectBytes(sampleFiles.png(), { ...policy, declaredName: 'tax-certificate.pdf' });
    expect(result).toMatchObject({ ok: false, reason: 'type-mismatch' });
  });

  it('refuses a type outside the allow-list (an executable, a plain zip) whatever the name', async () => {
    expect(await inspectBytes(sampleFiles.exe(), { ...policy, declaredName: 'a.pdf' })).toMatchObject({ ok: false, reason: 'type-not-allowed' });
    expect(await inspectBytes(sampleFiles.zip(), { ...policy, declaredName: 'a.docx' })).toMatchObject({ ok: false, reason: 'type-not-allowed' });
    expect(await inspectBytes(new TextEncoder().encode('plain text'), policy)).toMatchObject({ ok: false, reason: 'type-unknown' });
  });

  it('refuses a type the caller did not allow', async () => {
    expect(await inspectBytes(sampleFiles.jpeg(), { ...policy, allowedTypes: ['pdf'] })).toMatchObject({ ok: false, reason: 'type-not-allowed' });
  });

  it('refuses too large, empty and a size other than declared', async () => {
    expect(await inspectBytes(sampleFiles.pdfOfSize(2000), { maxBytes: 1000 })).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await inspectBytes(new Uint8Array(0), policy)).toMatchObject({ ok: false, reason: 'empty' });
    const pdf = sampleFiles.pdf();
    expect(await inspectBytes(pdf, { ...policy, declaredSize: pdf.byteLength + 1 })).toMatchObject({ ok: false, reason: 'size-mismatch' });
  });

  it('reads the type a name names', () => {
    expect(typeOfFileName('Справка.PDF')).toBe('pdf');
    expect(typeOfFileName('a.jpeg')).toBe('jpg');
    expect(typeOfFileName('archive.tar.gz')).toBeUndefined();
    expect(typeOfFileName('no-extension')).toBeUndefined();
  });
});
