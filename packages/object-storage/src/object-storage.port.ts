/**
 * The ObjectStorage port (ADR 0045): what a context needs from an object store. The S3 adapter
 * (`S3ObjectStorage`) implements it on the AWS SDK v3, so production uses any S3 service and
 * development and tests a real local S3 server (tools/s3mock).
 *
 * Bytes never flow through the application for uploads: the client PUTs to a short-lived presigned
 * URL, then the server `verify`s what arrived (size, the real type from the bytes, SHA-256 computed
 * here) and deletes it when it fails, so a rejected upload leaves nothing in the bucket.
 */
import type { VerificationPolicy, VerificationResult } from './verification.js';

/** A presigned HTTP request the client performs itself. */
export interface PresignedRequest {
  readonly method: 'PUT' | 'GET';
  readonly url: string;
  /** Headers the client must send as they are (they are part of the signature). */
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: Date;
}

export interface PresignUploadRequest {
  readonly key: string;
  /** The declared size; signed into the request, so a real S3 refuses another length. */
  readonly contentLength: number;
  readonly contentType: string;
  /** Seconds; default and maximum in `PRESIGN_LIMITS`. */
  readonly expiresInSeconds?: number;
}

export interface PresignDownloadRequest {
  readonly key: string;
  /** Sent back as Content-Disposition: attachment; filename*=UTF-8''… */
  readonly fileName?: string;
  readonly contentType?: string;
  readonly expiresInSeconds?: number;
}

export interface StoredObject {
  readonly key: string;
  readonly size: number;
  readonly contentType?: string;
}

export interface PutResult {
  readonly key: string;
  readonly size: number;
  /** SHA-256 of the bytes, lower-case hex, computed here. */
  readonly sha256: string;
}

/** Lifetimes of presigned requests (seconds): short, and capped whatever a caller asks. */
export const PRESIGN_LIMITS = {
  uploadDefault: 300,
  uploadMax: 900,
  downloadDefault: 60,
  downloadMax: 300,
} as const;

export abstract class ObjectStorage {
  abstract presignUpload(request: PresignUploadRequest): Promise<PresignedRequest>;
  abstract presignDownload(request: PresignDownloadRequest): Promise<PresignedRequest>;
  /** Metadata of an object, or null when there is none under the key. */
  abstract head(key: string): Promise<StoredObject | null>;
  /**
   * Checks an uploaded object against the policy; on any failure the object is deleted before this
   * returns (nothing rejected stays in the bucket).
   */
  abstract verify(key: string, policy: VerificationPolicy): Promise<VerificationResult>;
  /** Stores bytes the platform produced itself (issued documents); returns their SHA-256. */
  abstract put(key: string, bytes: Uint8Array, contentType: string): Promise<PutResult>;
  abstract get(key: string): Promise<Uint8Array>;
  /** Idempotent: deleting a missing key is not an error. */
  abstract delete(key: string): Promise<void>;
  /** Does the store answer (readiness)? Never throws. */
  abstract ping(): Promise<boolean>;
}

/**
 * The object store did not answer (connection refused or reset, timeout, a 5xx of the store): the
 * operation did not happen, and may succeed later. HTTP apps answer it with 503 problem+json and
 * Retry-After (`unavailableDependency`, read structurally by @hub/nest-commons' problem filter).
 */
export class ObjectStorageUnavailableError extends Error {
  readonly unavailableDependency = 'object-storage';
  constructor(operation: string, cause: unknown) {
    super(`object storage unavailable during ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ObjectStorageUnavailableError';
  }
}
