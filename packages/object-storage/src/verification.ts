import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { MalwareScanner } from './malware-scanner.js';

/**
 * What the Fund accepts as an uploaded document (ADR 0045): the type is read from the bytes
 * (`file-type`), never taken from the client's name or Content-Type.
 */
export const ACCEPTED_FILE_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
} as const;

export type AcceptedFileType = keyof typeof ACCEPTED_FILE_TYPES;

export const ALL_ACCEPTED_FILE_TYPES = Object.keys(ACCEPTED_FILE_TYPES) as readonly AcceptedFileType[];

export interface VerificationPolicy {
  /** Largest accepted object, in bytes. */
  readonly maxBytes: number;
  /** The types accepted (default: all of ACCEPTED_FILE_TYPES). */
  readonly allowedTypes?: readonly AcceptedFileType[];
  /** The size the client declared; a different size is refused. */
  readonly declaredSize?: number;
  /** The client's file name; its extension must name the type the bytes are. */
  readonly declaredName?: string;
  /**
   * Scans the bytes once size and type passed (ADR 0117). A file it names is refused ('malware');
   * a scanner that does not answer throws MalwareScannerUnavailableError and nothing is decided.
   */
  readonly scanner?: MalwareScanner;
}

export type VerificationFailure = 'missing' | 'empty' | 'too-large' | 'size-mismatch' | 'type-unknown' | 'type-not-allowed' | 'type-mismatch' | 'malware';

export type VerificationResult =
  | { readonly ok: true; readonly size: number; readonly sha256: string; readonly type: AcceptedFileType; readonly mime: string }
  | { readonly ok: false; readonly reason: VerificationFailure; readonly detail: string };

/** The accepted type a file name's extension names, if any (`Report.PDF` → pdf, `a.jpeg` → jpg). */
export function typeOfFileName(name: string): AcceptedFileType | undefined {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return undefined;
  const ext = name.slice(dot + 1).toLowerCase();
  return ALL_ACCEPTED_FILE_TYPES.find((t) => (ACCEPTED_FILE_TYPES[t].extensions as readonly string[]).includes(ext));
}

export function mimeOf(type: AcceptedFileType): string {
  return ACCEPTED_FILE_TYPES[type].mime;
}

/** Size check alone, before any byte is read (from the object's metadata). */
export function checkSize(size: number, policy: VerificationPolicy): VerificationResult | null {
  if (size === 0) return { ok: false, reason: 'empty', detail: 'the object is empty' };
  if (size > policy.maxBytes) return { ok: false, reason: 'too-large', detail: `${size} bytes, more than the ${policy.maxBytes} accepted` };
  if (policy.declaredSize !== undefined && size !== policy.declaredSize) {
    return { ok: false, reason: 'size-mismatch', detail: `${size} bytes uploaded, ${policy.declaredSize} declared` };
  }
  return null;
}

/** Verifies bytes against a policy: size, the real type from the bytes, the name's extension; SHA-256. */
export async function inspectBytes(bytes: Uint8Array, policy: VerificationPolicy): Promise<VerificationResult> {
  const sizeFailure = checkSize(bytes.byteLength, policy);
  if (sizeFailure) return sizeFailure;
  const detected = await fileTypeFromBuffer(bytes);
  const allowed = policy.allowedTypes ?? ALL_ACCEPTED_FILE_TYPES;
  const type = ALL_ACCEPTED_FILE_TYPES.find((t) => ACCEPTED_FILE_TYPES[t].mime === detected?.mime);
  if (!detected) return { ok: false, reason: 'type-unknown', detail: 'the bytes are of no recognisable type' };
  if (!type || !allowed.includes(type)) {
    return { ok: false, reason: 'type-not-allowed', detail: `the bytes are ${detected.mime}, not one of ${allowed.join(', ')}` };
  }
  if (policy.declaredName !== undefined) {
    const named = typeOfFileName(policy.declaredName);
    if (named !== type) {
      return { ok: false, reason: 'type-mismatch', detail: `the name says ${named ?? 'no accepted type'}, the bytes are ${type}` };
    }
  }
  if (policy.scanner) {
    const verdict = await policy.scanner.scan(bytes);
    if (!verdict.clean) return { ok: false, reason: 'malware', detail: `the malware scanner found ${verdict.signature}` };
  }
  return { ok: true, size: bytes.byteLength, sha256: sha256Hex(bytes), type, mime: ACCEPTED_FILE_TYPES[type].mime };
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
