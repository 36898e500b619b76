import type { IsoDate } from '@hub/calendar';

/** Signature record of an issued certificate, as the CertificateSigner port returns it. */
export interface StoredSignature {
  readonly provider: string;
  readonly nationalPki: boolean;
  readonly algorithm: string;
  readonly keyId: string;
  readonly signature: string;
  readonly publicKeyPem: string;
  readonly signedAt: string;
}

/** The certificate of Annex 2 as issued (F-18): the PDF and its signature. Written once, never changed. */
export class IssuedCertificate {
  readonly number!: string;
  readonly participantId!: string;
  readonly bin!: string;
  readonly issuedOn!: IsoDate;
  readonly validFrom!: IsoDate;
  readonly validTo!: IsoDate;
  readonly pdf!: Buffer;
  readonly sha256!: string;
  readonly signature!: StoredSignature;
  readonly createdAt!: Date;

  static issue(input: Omit<IssuedCertificate, 'createdAt'> & { at: Date }): IssuedCertificate {
    const c = new IssuedCertificate();
    const { at, ...fields } = input;
    Object.assign(c, { ...fields, createdAt: at });
    return c;
  }
}
