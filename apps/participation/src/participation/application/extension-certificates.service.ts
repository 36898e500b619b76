import { Inject, Injectable } from '@nestjs/common';
import { Clock, uuidv7 } from '@hub/kernel';
import type { Extension } from '../domain/extension.aggregate.js';
import { ExtensionCertificate } from '../domain/extension-certificate.js';
import type { Participation } from '../domain/participation.aggregate.js';
import { addCalendarDays } from '../../shared/domain/calendar.js';
import { ExtensionCertificateRenderer, ExtensionCertificateRepository } from './ports/extension-certificate.ports.js';

/** Annex 3 (ADR 0051): issues an approved extension's certificate once — rendered, hashed and stored in the unit of work. */
@Injectable()
export class ExtensionCertificates {
  constructor(
    @Inject(ExtensionCertificateRepository) private readonly certificates: ExtensionCertificateRepository,
    @Inject(ExtensionCertificateRenderer) private readonly renderer: ExtensionCertificateRenderer,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The stored certificate, issuing it if the extension was approved before certificates were stored (ADR 0051). Call inside `uow.run`. */
  async issuedFor(participation: Participation, extension: Extension): Promise<ExtensionCertificate> {
    return (await this.certificates.findByExtension(extension.id)) ?? this.issue(participation, extension);
  }

  private async issue(participation: Participation, extension: Extension): Promise<ExtensionCertificate> {
    if (extension.status !== 'approved' || !extension.certificateNumber || !extension.decidedOn) {
      throw new Error(`extension ${extension.id} is not approved: no certificate to issue`);
    }
    const pdf = await this.renderer.render({
      number: extension.certificateNumber,
      extendsCertificate: participation.certificateNumber,
      companyName: participation.companyName,
      bin: participation.bin,
      address: participation.address,
      activityTypes: participation.activityTypes,
      issuedOn: extension.decidedOn,
      validFrom: addCalendarDays(extension.currentTermEnd, 1),
      validTo: extension.requestedTermEnd,
    });
    const certificate = ExtensionCertificate.issue(
      {
        id: uuidv7(),
        extensionId: extension.id,
        participationId: participation.id,
        number: extension.certificateNumber,
        issuedOn: extension.decidedOn,
        previousTermEnd: extension.currentTermEnd,
        validTo: extension.requestedTermEnd,
      },
      pdf,
      this.clock.now(),
    );
    this.certificates.add(certificate);
    return certificate;
  }
}
