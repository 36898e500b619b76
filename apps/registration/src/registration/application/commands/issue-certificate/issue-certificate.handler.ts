import { createHash } from 'node:crypto';
import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { Timers } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { ActivityTypeCatalogue } from '../../../domain/activity-type-catalogue.js';
import { IssuedCertificate } from '../../../domain/issued-certificate.js';
import { DeadlineBook } from '../../deadline-book.js';
import { ApplicationRepository } from '../../ports/application.repository.js';
import { CertificateRenderer, CertificateSigner, IssuedCertificates } from '../../ports/certificate.ports.js';
import { ParticipantRepository } from '../../ports/participant.repository.js';
import { RegistrationSettings } from '../../ports/registration-settings.port.js';
import { scheduleCertificateArchive } from '../../timers/certificate-archive.timer-handler.js';

export class IssueCertificateCommand extends Command<{ certificateNumber: string }> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** F-18: the certificate of Annex 2 is rendered (Kazakh and Russian, QR code to the public verification), signed through the CertificateSigner port and stored as issued; the F-18 deadline is met; its copy in the Fund's archive of issued documents is owed (ADR 0106). */
@CommandHandler(IssueCertificateCommand)
export class IssueCertificateHandler implements ICommandHandler<IssueCertificateCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ApplicationRepository) private readonly applications: ApplicationRepository,
    @Inject(ParticipantRepository) private readonly participants: ParticipantRepository,
    @Inject(IssuedCertificates) private readonly certificates: IssuedCertificates,
    @Inject(DeadlineBook) private readonly deadlines: DeadlineBook,
    @Inject(CertificateRenderer) private readonly renderer: CertificateRenderer,
    @Inject(CertificateSigner) private readonly signer: CertificateSigner,
    @Inject(ActivityTypeCatalogue) private readonly catalogue: ActivityTypeCatalogue,
    @Inject(RegistrationSettings) private readonly settings: RegistrationSettings,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async execute({ id, actor }: IssueCertificateCommand): Promise<{ certificateNumber: string }> {
    return this.uow.run(async () => {
      const app = await this.applications.get(id);
      const now = this.clock.now();
      const issuedOn = almatyDate(now);
      app.issueCertificate(issuedOn, actor.subject, now);
      const participant = await this.participants.get(app.participantId!);
      const number = participant.certificateNumber;
      const pdf = await this.renderer.render({
        number,
        companyName: participant.companyName,
        bin: participant.bin,
        address: participant.address,
        activityTypes: participant.activityTypes.map((t) => {
          const type = this.catalogue.find(t.code);
          return { code: t.code, nameKk: type?.nameKk ?? t.name, nameRu: type?.nameRu ?? t.name };
        }),
        issuedOn,
        validFrom: participant.termStart,
        validTo: participant.termEnd,
        verificationUrl: `${this.settings.publicBaseUrl.replace(/\/$/, '')}/registry/certificates/${number}`,
      });
      const signature = await this.signer.sign(pdf, now);
      this.certificates.add(
        IssuedCertificate.issue({
          number,
          participantId: participant.id,
          bin: participant.bin,
          issuedOn,
          validFrom: participant.termStart,
          validTo: participant.termEnd,
          pdf,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          signature: { ...signature },
          at: now,
        }),
      );
      participant.certificateIssued(issuedOn, now);
      // ADR 0106: the archive copy is owed from this transaction on (durable timer, due at once).
      await scheduleCertificateArchive(this.timers, this.uow.em(), number, now);
      await this.deadlines.close(app.id, 'certificate');
      return { certificateNumber: number };
    });
  }
}
