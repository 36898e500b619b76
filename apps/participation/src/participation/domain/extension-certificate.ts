import { createHash } from 'node:crypto';
import { addCalendarDays, type IsoDate } from '../../shared/domain/calendar.js';

/**
 * Annex 3 (F-25, ADR 0051): the extension certificate as issued — a stored, immutable document with
 * its own number and issue date, its bytes and their SHA-256. Issued once when the Fund approves the
 * extension; every download returns these bytes (never re-rendered). No method changes it; the
 * table refuses UPDATE and DELETE.
 */
export class ExtensionCertificate {
  readonly id!: string;
  readonly extensionId!: string;
  readonly participationId!: string;
  /** Annex 3 «Тіркеу нөмірі»: the extension certificate's own number. */
  readonly number!: string;
  /** Annex 3 «Берілген күні». */
  readonly issuedOn!: IsoDate;
  /** Annex 3 «Қолданылу кезеңі»: the extended period, from the day after the previous end to the new end. */
  readonly validFrom!: IsoDate;
  readonly validTo!: IsoDate;
  readonly mediaType!: string;
  readonly content!: Buffer;
  readonly sha256!: string;
  readonly createdAt!: Date;

  static issue(
    props: { id: string; extensionId: string; participationId: string; number: string; issuedOn: IsoDate; previousTermEnd: IsoDate; validTo: IsoDate },
    pdf: Buffer,
    now: Date,
  ): ExtensionCertificate {
    const c = new ExtensionCertificate();
    Object.assign(c, {
      id: props.id,
      extensionId: props.extensionId,
      participationId: props.participationId,
      number: props.number,
      issuedOn: props.issuedOn,
      validFrom: addCalendarDays(props.previousTermEnd, 1),
      validTo: props.validTo,
      mediaType: 'application/pdf',
      content: Buffer.from(pdf),
      sha256: createHash('sha256').update(pdf).digest('hex'),
      createdAt: now,
    });
    return c;
  }

  get fileName(): string {
    return `${this.number}.pdf`;
  }
}
