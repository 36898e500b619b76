import type { IssuedCertificate } from '../../domain/issued-certificate.js';

/**
 * Ports of the certificate of Annex 2 (F-18). Signing with the Fund's electronic digital signature
 * goes through CertificateSigner: the shipped adapter signs with a local key and is NOT the
 * national PKI (NCALayer / GOST 34.10-2015); the national adapter is not there yet (ADR 0015).
 */
export interface CertificateData {
  readonly number: string;
  readonly companyName: string;
  readonly bin: string;
  readonly address: string;
  readonly activityTypes: readonly { readonly code: string; readonly nameKk: string; readonly nameRu: string }[];
  readonly issuedOn: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** The public verification URL the QR code opens (F-19 registry). */
  readonly verificationUrl: string;
}

export abstract class CertificateRenderer {
  /** The certificate as a PDF in Kazakh and Russian. */
  abstract render(data: CertificateData): Promise<Buffer>;
}

export interface CertificateSignature {
  readonly provider: string;
  /** false for every adapter but the national PKI one (which does not exist yet). */
  readonly nationalPki: boolean;
  readonly algorithm: string;
  readonly keyId: string;
  /** Detached signature over the PDF bytes, base64. */
  readonly signature: string;
  readonly publicKeyPem: string;
  readonly signedAt: string;
}

export abstract class CertificateSigner {
  abstract sign(document: Buffer, at: Date): Promise<CertificateSignature>;
  abstract verify(document: Buffer, signature: CertificateSignature): Promise<boolean>;
}

/** Port: the issued certificates as issued (the PDF and its signature), written once. */
export abstract class IssuedCertificates {
  abstract add(certificate: IssuedCertificate): void;
}

/** An issued certificate as the archive takes it (F-18): its number, its company and the bytes as issued. */
export interface ArchivableCertificate {
  readonly number: string;
  readonly bin: string;
  readonly pdf: Buffer;
  readonly sha256: string;
}

/** Port: which issued certificates still wait for the archive, and the record that one is there. */
export abstract class CertificateArchiveRecords {
  /** The certificate, unless it is archived already (or unknown). */
  abstract pending(number: string): Promise<ArchivableCertificate | undefined>;
  abstract recordArchived(number: string, documentId: string, at: Date): Promise<void>;
}
