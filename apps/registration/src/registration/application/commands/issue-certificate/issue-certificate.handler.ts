import { createHash } from 'node:crypto';
import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { CertificateIssuedV1, type Actor } from '@hub/contracts';
import { CertificateRowSchema, ParticipantRowSchema } from '../../../infrastructure/registration.schemas.js';
import { CertificateRenderer, CertificateSigner } from '../../ports/certificate.ports.js';
import { REGISTRATION_SETTINGS, type RegistrationSettings } from '../../registration.tokens.js';
import { RegistrationServices } from '../../registration.services.js';

export class IssueCertificateCommand extends Command<{ certificateNumber: string }> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** F-18: the certificate of Annex 2 is rendered (Kazakh and Russian, QR code to the public verification), signed through the CertificateSigner port and stored as issued. */
@CommandHandler(IssueCertificateCommand)
export class IssueCertificateHandler implements ICommandHandler<IssueCertificateCommand> {
  constructor(
    @Inject(RegistrationServices) private readonly r: RegistrationServices,
    @Inject(CertificateRenderer) private readonly renderer: CertificateRenderer,
    @Inject(CertificateSigner) private readonly signer: CertificateSigner,
    @Inject(REGISTRATION_SETTINGS) private readonly settings: RegistrationSettings,
  ) {}

  async execute({ id, actor }: IssueCertificateCommand): Promise<{ certificateNumber: string }> {
    return this.r.uow.run(async (em) => {
      const repo = this.r.repo(em);
      const app = await repo.get(id);
      const now = this.r.clock.now();
      const issuedOn = this.r.today();
      app.issueCertificate(issuedOn, actor.subject, now);
      await repo.save(app);
      const participant = await em.findOneOrFail(ParticipantRowSchema, { id: app.participantId! });
      const number = participant.certificateNumber;
      const pdf = await this.renderer.render({
        number,
        companyName: participant.companyName,
        bin: participant.bin,
        address: participant.address,
        activityTypes: participant.activityTypes.map((t) => {
          const type = this.r.catalogue.find(t.code);
          return { code: t.code, nameKk: type?.nameKk ?? t.name, nameRu: type?.nameRu ?? t.name };
        }),
        issuedOn,
        validFrom: participant.termStart,
        validTo: participant.termEnd,
        verificationUrl: `${this.settings.publicBaseUrl.replace(/\/$/, '')}/registry/certificates/${number}`,
      });
      const signature = await this.signer.sign(pdf, now);
      em.create(CertificateRowSchema, {
        number,
        participantId: participant.id,
        bin: participant.bin,
        issuedOn,
        validFrom: participant.termStart,
        validTo: participant.termEnd,
        pdf,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        signature: { ...signature },
        createdAt: now,
      });
      participant.certificateIssuedOn = issuedOn;
      participant.updatedAt = now;
      await em.flush();
      await this.r.deadlines.close(em, app.id, 'certificate');
      await this.r.outbox.add(em, CertificateIssuedV1, participant.id, { participantId: participant.id, bin: participant.bin, certificateNumber: number, issuedOn, validFrom: participant.termStart, validTo: participant.termEnd }, { key: participant.bin });
      return { certificateNumber: number };
    });
  }
}
