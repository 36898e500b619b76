import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  DeleteBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  ObjectStorage,
  ObjectStorageUnavailableError,
  PRESIGN_LIMITS,
  type PresignDownloadRequest,
  type PresignedRequest,
  type PresignUploadRequest,
  type PutResult,
  type StoredObject,
} from './object-storage.port.js';
import { checkSize, inspectBytes, sha256Hex, type VerificationPolicy, type VerificationResult } from './verification.js';

export interface S3ObjectStorageOptions {
  /** The S3 endpoint the server talks to, e.g. http://127.0.0.1:9090; absent: AWS's own. */
  readonly endpoint?: string;
  /** The endpoint presigned URLs name, when clients reach the store elsewhere than the server does. */
  readonly publicEndpoint?: string;
  readonly region?: string;
  readonly bucket: string;
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  /** Path-style addressing (S3Mock, MinIO): default true when an endpoint is given. */
  readonly forcePathStyle?: boolean;
}

/** The ObjectStorage port on the AWS SDK v3 (ADR 0045). */
export class S3ObjectStorage extends ObjectStorage {
  readonly bucket: string;
  private readonly client: S3Client;
  private readonly presigner: S3Client;

  constructor(private readonly options: S3ObjectStorageOptions) {
    super();
    this.bucket = options.bucket;
    this.client = makeClient(options, options.endpoint);
    this.presigner = options.publicEndpoint ? makeClient(options, options.publicEndpoint) : this.client;
  }

  /** From the environment: HUB_S3_ENDPOINT, HUB_S3_PUBLIC_ENDPOINT, HUB_S3_REGION, HUB_S3_BUCKET, HUB_S3_ACCESS_KEY_ID, HUB_S3_SECRET_ACCESS_KEY. */
  static fromEnv(env: NodeJS.ProcessEnv = process.env, defaults: Partial<S3ObjectStorageOptions> = {}): S3ObjectStorage {
    return new S3ObjectStorage({
      endpoint: env.HUB_S3_ENDPOINT ?? defaults.endpoint,
      publicEndpoint: env.HUB_S3_PUBLIC_ENDPOINT ?? defaults.publicEndpoint,
      region: env.HUB_S3_REGION ?? defaults.region,
      bucket: env.HUB_S3_BUCKET ?? defaults.bucket ?? 'hub-documents',
      accessKeyId: env.HUB_S3_ACCESS_KEY_ID ?? defaults.accessKeyId,
      secretAccessKey: env.HUB_S3_SECRET_ACCESS_KEY ?? defaults.secretAccessKey,
    });
  }

  async presignUpload(request: PresignUploadRequest): Promise<PresignedRequest> {
    const expiresIn = lifetime(request.expiresInSeconds, PRESIGN_LIMITS.uploadDefault, PRESIGN_LIMITS.uploadMax);
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: request.key,
      ContentLength: request.contentLength,
      ContentType: request.contentType,
    });
    const url = await getSignedUrl(this.presigner, command, {
      expiresIn,
      signableHeaders: new Set(['content-length', 'content-type']),
    });
    return {
      method: 'PUT',
      url,
      headers: { 'content-type': request.contentType, 'content-length': String(request.contentLength) },
      expiresAt: new Date(Date.now() + expiresIn * 1000),
    };
  }

  async presignDownload(request: PresignDownloadRequest): Promise<PresignedRequest> {
    const expiresIn = lifetime(request.expiresInSeconds, PRESIGN_LIMITS.downloadDefault, PRESIGN_LIMITS.downloadMax);
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: request.key,
      ResponseContentDisposition: request.fileName ? contentDisposition(request.fileName) : undefined,
      ResponseContentType: request.contentType,
    });
    const url = await getSignedUrl(this.presigner, command, { expiresIn });
    return { method: 'GET', url, headers: {}, expiresAt: new Date(Date.now() + expiresIn * 1000) };
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { key, size: out.ContentLength ?? 0, contentType: out.ContentType };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw asUnavailable('head', error);
    }
  }

  async verify(key: string, policy: VerificationPolicy): Promise<VerificationResult> {
    const meta = await this.head(key);
    if (!meta) return { ok: false, reason: 'missing', detail: `nothing was uploaded under ${key}` };
    // The size from the metadata first: an oversized object is refused without reading it.
    const sizeFailure = checkSize(meta.size, policy);
    const result = sizeFailure ?? (await inspectBytes(await this.get(key), policy));
    if (!result.ok) await this.delete(key);
    return result;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<PutResult> {
    const sha256 = sha256Hex(bytes);
    await this.guarded('put', () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: contentType,
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      ),
    );
    return { key, size: bytes.byteLength, sha256 };
  }

  async get(key: string): Promise<Uint8Array> {
    return this.guarded('get', async () => {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) throw new Error(`S3 returned no body for ${key}`);
      return out.Body.transformToByteArray(); // a connection lost mid-body is an outage too
    });
  }

  async delete(key: string): Promise<void> {
    await this.guarded('delete', () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  /** Runs one operation of the port; an outage of the store becomes ObjectStorageUnavailableError, anything else is rethrown as it is. */
  private async guarded<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw asUnavailable(operation, error);
    }
  }

  // -- administration (dev stack, tests): not part of the port ----------------------------------

  /** Every key under a prefix (tests: "nothing remains in the bucket"). */
  async listKeys(prefix = ''): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const out = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix || undefined, ContinuationToken: token }));
      for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  /** Creates the bucket if it does not exist. */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    }
  }

  /** Deletes every object and the bucket (test buckets). */
  async dropBucket(): Promise<void> {
    const keys = await this.listKeys();
    for (let i = 0; i < keys.length; i += 1000) {
      await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })) },
        }),
      );
    }
    await this.client.send(new DeleteBucketCommand({ Bucket: this.bucket }));
  }

  /** Does the store answer (readiness detail)? */
  async ping(): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    this.client.destroy();
    if (this.presigner !== this.client) this.presigner.destroy();
  }

  override toString(): string {
    return `S3ObjectStorage(${this.options.endpoint ?? 'aws'}/${this.bucket})`;
  }
}

function makeClient(options: S3ObjectStorageOptions, endpoint: string | undefined): S3Client {
  return new S3Client({
    endpoint,
    region: options.region ?? 'us-east-1',
    forcePathStyle: options.forcePathStyle ?? endpoint !== undefined,
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : endpoint
          ? { accessKeyId: 'hub-dev', secretAccessKey: 'hub-dev' } // a local S3 server accepts any key
          : undefined,
    // S3Mock and other S3-compatible servers: checksums only when an operation requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function lifetime(asked: number | undefined, byDefault: number, max: number): number {
  const s = Math.floor(asked ?? byDefault);
  if (!Number.isFinite(s) || s < 1) return byDefault;
  return Math.min(s, max);
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

/** An outage of the store (network failure, timeout, the store's own 5xx) → ObjectStorageUnavailableError; a client-side fault stays as it is. */
export function asUnavailable(operation: string, error: unknown): unknown {
  if (error instanceof ObjectStorageUnavailableError) return error;
  if (error instanceof S3ServiceException)
    return error.$fault === 'server' || (error.$metadata.httpStatusCode ?? 0) >= 500 ? new ObjectStorageUnavailableError(operation, error) : error;
  const e = error as { code?: unknown; name?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  const network =
    (code !== undefined && NETWORK_CODES.has(code)) ||
    e?.name === 'TimeoutError' ||
    /socket hang up|ECONNREFUSED|ECONNRESET/.test(String((error as Error)?.message));
  return network ? new ObjectStorageUnavailableError(operation, error) : error;
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) {
    return error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey' || error.name === 'NoSuchBucket';
  }
  return false;
}

/** RFC 6266 attachment with an RFC 5987 UTF-8 name (names are Kazakh and Russian). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
