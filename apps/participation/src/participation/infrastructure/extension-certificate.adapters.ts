import { Inject, Injectable } from '@nestjs/common';
import { renderCertificatePdf } from '@hub/documents';
import { UnitOfWork } from '@hub/nest-commons';
import {
  ExtensionCertificateRenderer,
  ExtensionCertificateRepository,
  type ExtensionCertificateContent,
} from '../application/ports/extension-certificate.ports.js';
import { ExtensionCertificate } from '../domain/extension-certificate.js';
import { FLUSH_FIRST } from '../../shared/infrastructure/flush-first.js';

@Injectable()
export class MikroOrmExtensionCertificateRepository extends ExtensionCertificateRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }

  findByExtension(extensionId: string): Promise<ExtensionCertificate | null> {
    return this.uow.em().findOne(ExtensionCertificate, { extensionId }, FLUSH_FIRST);
  }

  add(certificate: ExtensionCertificate): void {
    this.uow.em().persist(certificate);
  }
}

/** Annex 3 through the shared `@hub/documents` renderer (ADR 0025: Kazakh and Russian, embedded Unicode font, not signed). */
@Injectable()
export class DocumentsExtensionCertificateRenderer extends ExtensionCertificateRenderer {
  async render(c: ExtensionCertificateContent): Promise<Buffer> {
    const pdf = await renderCertificatePdf({
      annex: 3,
      number: c.number,
      extendsCertificate: c.extendsCertificate,
      companyName: c.companyName,
      bin: c.bin,
      address: c.address,
      activityTypes: c.activityTypes.map((a) => ({ code: a.code, nameKk: a.name, nameRu: a.name })),
      issuedOn: c.issuedOn,
      validFrom: c.validFrom,
      validTo: c.validTo,
      // Not signed yet: the national PKI signer is not there, and this context keeps no local key (ADR 0025).
      signatureNote:
        'Электрондық құжат: түпнұсқасы — қордың тізіліміндегі жазба. Электронный документ: подлинник — запись в реестре фонда. ' +
        'Not signed: the electronic record in the Fund’s registry is authoritative.',
    });
    return Buffer.from(pdf);
  }
}
