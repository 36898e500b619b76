import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CertificateSigner, type CertificateSignature } from '../../application/ports/certificate.ports.js';

/**
 * A LOCAL signer: a detached Ed25519 signature over the PDF bytes with a key from
 * REGISTRATION_SIGNING_KEY_FILE (PKCS#8 PEM) or, without it, a key generated at start-up.
 * This is NOT the Fund's electronic digital signature under the national PKI (NCALayer, GOST
 * 34.10-2015, НУЦ РК): that adapter is not there yet (ADR 0015). It proves integrity, not identity.
 */
export class LocalCertificateSigner extends CertificateSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKeyPem: string;
  private readonly keyId: string;

  constructor(keyFile?: string) {
    super();
    if (keyFile) {
      this.privateKey = createPrivateKey(readFileSync(keyFile, 'utf8'));
    } else {
      this.privateKey = generateKeyPairSync('ed25519').privateKey;
    }
    const publicKey = createPublicKey(this.privateKey);
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.keyId = createHash('sha256')
      .update(publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex')
      .slice(0, 16);
  }

  sign(document: Buffer, at: Date): Promise<CertificateSignature> {
    return Promise.resolve({
      provider: 'local-ed25519 (NOT national PKI)',
      nationalPki: false,
      algorithm: 'Ed25519',
      keyId: this.keyId,
      signature: sign(null, document, this.privateKey).toString('base64'),
      publicKeyPem: this.publicKeyPem,
      signedAt: at.toISOString(),
    });
  }

  verify(document: Buffer, s: CertificateSignature): Promise<boolean> {
    try {
      return Promise.resolve(s.algorithm === 'Ed25519' && verify(null, document, createPublicKey(s.publicKeyPem), Buffer.from(s.signature, 'base64')));
    } catch {
      return Promise.resolve(false);
    }
  }
}
