import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import type { Em, TimerHandler, TimerRecord, Timers } from '@hub/messaging';
import { IssuedDocumentArchive } from '../ports/issued-document-archive.port.js';
import { ProtocolArchiveRecords, ProtocolRenderer } from '../ports/protocol-archive.port.js';

export const PROTOCOL_ARCHIVE_TIMER_KIND = 'registration.protocol-archive';

/**
 * F-15, F-16, F-20 / issue #10: the Commission's protocol, recorded in registration's transaction, is
 * written as a PDF and copied to the Fund's archive of issued documents afterwards — durably, as the
 * certificates are (ADR 0106): the timer is written with the decision, an archive that is down is
 * asked again with backoff, a failure for good shows on the timers-failed alert. The PDF is rendered
 * from the recorded decision and is the same bytes every time, so a repeated fire is one document.
 * ADR 0122: two copies — the extract for the company, and the full protocol with each member's vote,
 * the Fund's own (read by its reviewers and the Commission only, never by the company).
 */
export async function scheduleProtocolArchive(timers: Timers, em: Em, protocolNumber: string, at: Date): Promise<void> {
  await timers.schedule(em, { kind: PROTOCOL_ARCHIVE_TIMER_KIND, key: protocolNumber, dueAt: at, payload: { protocolNumber } });
}

@Injectable()
export class ProtocolArchiveTimerHandler implements TimerHandler {
  readonly kind = PROTOCOL_ARCHIVE_TIMER_KIND;

  constructor(
    @Inject(ProtocolArchiveRecords) private readonly records: ProtocolArchiveRecords,
    @Inject(ProtocolRenderer) private readonly renderer: ProtocolRenderer,
    @Inject(IssuedDocumentArchive) private readonly archive: IssuedDocumentArchive,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: TimerRecord, _em: Em): Promise<void> {
    const protocolNumber = timer.payload['protocolNumber'];
    if (typeof protocolNumber !== 'string') throw new Error(`timer ${timer.id} has no protocol number`);
    const protocol = await this.records.pending(protocolNumber);
    if (!protocol) return; // archived already (a repeated fire) — once in effect
    // The extract: the company's (F-17). A repeat (or a protocol archived before ADR 0122) finds it by its issue key.
    const pdf = await this.renderer.render(protocol);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const extract = await this.archive.store({
      kind: 'commission-protocol',
      ownerBin: protocol.bin,
      issueKey: `registration/protocol/${protocolNumber}`,
      fileName: `protocol-${protocolNumber}.pdf`,
      pdf,
      sha256,
    });
    // ADR 0122: the full protocol with each member's vote — the Fund's own document, its reviewers only (F-35).
    const fullPdf = await this.renderer.renderFull(protocol);
    const fullSha256 = createHash('sha256').update(fullPdf).digest('hex');
    const full = await this.archive.store({
      kind: 'commission-protocol-full',
      issueKey: `registration/protocol-full/${protocolNumber}`,
      fileName: `protocol-${protocolNumber}-full.pdf`,
      pdf: fullPdf,
      sha256: fullSha256,
    });
    await this.records.recordArchived(
      protocol,
      { documentId: extract.documentId, sha256 },
      { documentId: full.documentId, sha256: fullSha256 },
      this.clock.now(),
    );
  }
}
