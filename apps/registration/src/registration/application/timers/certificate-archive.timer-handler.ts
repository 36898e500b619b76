import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { Em, TimerHandler, TimerRecord, Timers } from '@hub/messaging';
import { CertificateArchiveRecords } from '../ports/certificate.ports.js';
import { IssuedDocumentArchive } from '../ports/issued-document-archive.port.js';

export const CERTIFICATE_ARCHIVE_TIMER_KIND = 'registration.certificate-archive';

/**
 * F-18 / ADR 0106: a certificate issued in registration's transaction is copied to the Fund's archive
 * of issued documents afterwards — durably: the timer is written in the issuing transaction, so a
 * certificate is never issued without its archiving being owed, and an archive that is down is asked
 * again with backoff (a failure for good shows on the timers-failed alert).
 */
export async function scheduleCertificateArchive(timers: Timers, em: Em, number: string, at: Date): Promise<void> {
  await timers.schedule(em, { kind: CERTIFICATE_ARCHIVE_TIMER_KIND, key: number, dueAt: at, payload: { number } });
}

@Injectable()
export class CertificateArchiveTimerHandler implements TimerHandler {
  readonly kind = CERTIFICATE_ARCHIVE_TIMER_KIND;

  constructor(
    @Inject(CertificateArchiveRecords) private readonly records: CertificateArchiveRecords,
    @Inject(IssuedDocumentArchive) private readonly archive: IssuedDocumentArchive,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord, _em: Em): Promise<void> {
    const number = timer.payload['number'];
    if (typeof number !== 'string') throw new Error(`timer ${timer.id} has no certificate number`);
    const certificate = await this.records.pending(number);
    if (!certificate) return; // archived already (a repeated fire) — once in effect
    const { documentId } = await this.archive.store({
      kind: 'participant-certificate',
      ownerBin: certificate.bin,
      issueKey: `registration/certificate/${number}`,
      fileName: `certificate-${number}.pdf`,
      pdf: certificate.pdf,
      sha256: certificate.sha256,
    });
    await this.records.recordArchived(number, documentId, this.clock.now());
  }
}
