import type { ActivityType } from '@hub/contracts';
import type { IsoDate } from '../../../shared/domain/calendar.js';
import type { ExtensionCertificate } from '../../domain/extension-certificate.js';

/** Annex 3 certificates as issued (ADR 0051), in the current unit of work. Insert-only. */
export abstract class ExtensionCertificateRepository {
  abstract findByExtension(extensionId: string): Promise<ExtensionCertificate | null>;
  abstract add(certificate: ExtensionCertificate): void;
}

/** What the Annex 3 form shows (F-25). */
export interface ExtensionCertificateContent {
  readonly number: string;
  readonly extendsCertificate: string;
  readonly companyName: string;
  readonly bin: string;
  readonly address: string;
  readonly activityTypes: readonly ActivityType[];
  readonly issuedOn: IsoDate;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate;
}

/** The certificate renderer (ADR 0035 §4: an outside thing behind a port). */
export abstract class ExtensionCertificateRenderer {
  abstract render(content: ExtensionCertificateContent): Promise<Buffer>;
}
