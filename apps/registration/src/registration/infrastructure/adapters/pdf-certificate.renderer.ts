import { renderCertificatePdf } from '@hub/documents';
import { CertificateRenderer, type CertificateData } from '../../application/ports/certificate.ports.js';

/** The registration certificate of Annex 2 (F-18, F-19) through the shared document renderer (@hub/documents). */
export class PdfCertificateRenderer extends CertificateRenderer {
  render(c: CertificateData): Promise<Buffer> {
    return renderCertificatePdf({
      annex: 2,
      ...c,
      signatureNote:
        'Электрондық цифрлық қолтаңбамен қол қойылған. Подписано электронной цифровой подписью.\n' +
        'ЖЕРГІЛІКТІ ТЕСТ КІЛТІ — ҰЛТТЫҚ КУЦ ЕМЕС. ЛОКАЛЬНЫЙ ТЕСТОВЫЙ КЛЮЧ — НЕ НАЦИОНАЛЬНЫЙ УЦ (NOT the national PKI).',
    });
  }
}
