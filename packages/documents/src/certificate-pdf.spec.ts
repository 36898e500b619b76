import { describe, expect, it } from 'vitest';
import { renderCertificatePdf, type CertificatePdfData } from './certificate-pdf.js';

const base: CertificatePdfData = {
  annex: 2,
  number: 'AH-2026-00001',
  companyName: 'ТОО «Қазақ Деректер»',
  bin: '191040101013',
  address: 'Астана, Мәңгілік Ел 55/8',
  activityTypes: [{ code: 'PH-01', nameKk: 'Бағдарламалық жасақтама әзірлеу', nameRu: 'Разработка программного обеспечения' }],
  issuedOn: '2026-10-14',
  validFrom: '2026-10-14',
  validTo: '2028-10-13',
  verificationUrl: 'http://127.0.0.1:3101/registry/certificates/AH-2026-00001',
  signatureNote: 'test note',
};

describe('renderCertificatePdf', () => {
  it('F-18: renders the Annex 2 certificate as a one-page PDF with an embedded Unicode font', async () => {
    const pdf = await renderCertificatePdf(base);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/Type \/Page\b/);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(/DejaVuSans/); // Cyrillic and Kazakh letters need an embedded font
    expect(text).toContain('(Registration certificate \\(Annex 2\\))'); // the Subject of the document info
  });

  it('F-25: renders the Annex 3 extension certificate, with or without a QR code', async () => {
    const withQr = await renderCertificatePdf({ ...base, annex: 3, extendsCertificate: 'AH-2026-00001', number: 'AH-2026-00001-E1' });
    const withoutQr = await renderCertificatePdf({ ...base, annex: 3, verificationUrl: undefined });
    expect(withQr.toString('latin1')).toContain('(Extension certificate \\(Annex 3\\))');
    expect(withQr.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect(withoutQr.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
  });
});
