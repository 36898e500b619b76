import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalCertificateSigner } from './local-certificate.signer.js';
import { PdfCertificateRenderer } from './pdf-certificate.renderer.js';

const data = {
  number: 'AH-2026-00042',
  companyName: 'ТОО «Qazaq Soft» / «Qazaq Soft» ЖШС',
  bin: '190540012342',
  address: 'Астана қ., Мәңгілік Ел даңғылы 55/8, 301-кеңсе',
  activityTypes: [
    { code: 'PH-01', nameKk: 'Бағдарламалық қамтамасыз етуді әзірлеу', nameRu: 'Разработка программного обеспечения' },
    { code: 'PH-02', nameKk: 'Жасанды интеллект және деректерді талдау', nameRu: 'Искусственный интеллект и анализ данных' },
  ],
  issuedOn: '2026-11-27',
  validFrom: '2026-11-26',
  validTo: '2027-11-25',
  verificationUrl: 'http://localhost:3001/registry/certificates/AH-2026-00042',
};

describe('certificate of Annex 2 (F-18)', () => {
  it('F-18: renders a PDF with an embedded Cyrillic/Kazakh font and a QR image', async () => {
    const pdf = await new PdfCertificateRenderer().render(data);
    writeFileSync(join(tmpdir(), 'registration-certificate-sample.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/DejaVuSans/);
    expect(raw).toMatch(/\/Subtype \/Image/);
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(raw.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
  });

  it('F-18: the local signer signs the PDF detached and detects any change; it says it is not the national PKI', async () => {
    const signer = new LocalCertificateSigner();
    const pdf = await new PdfCertificateRenderer().render(data);
    const sig = await signer.sign(pdf, new Date('2026-11-27T04:00:00Z'));
    expect(sig).toMatchObject({ nationalPki: false, algorithm: 'Ed25519' });
    expect(sig.provider).toContain('NOT national PKI');
    expect(await signer.verify(pdf, sig)).toBe(true);
    const tampered = Buffer.from(pdf);
    tampered[tampered.length - 10] = tampered[tampered.length - 10]! ^ 0xff;
    expect(await signer.verify(tampered, sig)).toBe(false);
  });
});
