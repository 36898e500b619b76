import { z } from 'zod';
import { baseConfigSchema } from '@hub/nest-commons';

/** Documents's configuration: the platform's base variables (nest-commons) plus its own. */
export const documentsConfigSchema = baseConfigSchema.extend({
  /** Port under `tools/hub up` (package.json `hub.port`); a deployment sets PORT. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3107),
  /** Issued documents arrive as base64 JSON (a certificate PDF is well under this). */
  HUB_HTTP_BODY_LIMIT: z.string().default('8mb'),
  /** The S3 endpoint (ADR 0045): the dev stack's S3Mock by default; a deployment names its S3 service. */
  HUB_S3_ENDPOINT: z.url().default('http://127.0.0.1:9090'),
  /** The host clients reach in presigned URLs, when it differs from the server's (a public name, a CDN). */
  HUB_S3_PUBLIC_ENDPOINT: z.url().optional(),
  HUB_S3_REGION: z.string().default('us-east-1'),
  HUB_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)
    .default('hub-documents'),
  HUB_S3_ACCESS_KEY_ID: z.string().optional(),
  /** ADR 0110: the Fund's own BIN, the owner of the kinds the Fund owns (a dwelling's act); unset → those kinds are refused. */
  HUB_FUND_BIN: z
    .string()
    .regex(/^\d{12}$/, 'the Fund’s BIN is exactly 12 digits')
    .optional(),
  HUB_S3_SECRET_ACCESS_KEY: z.string().optional(),
  /**
   * ADR 0117: ClamAV's daemon that scans every upload before it becomes a document (ASVS 12.x): the
   * dev stack's clamd by default (tools/clamav); a deployment names its clamd service.
   */
  HUB_CLAMD_URL: z
    .string()
    .regex(/^tcp:\/\/[^:/]+:\d+\/?$/, 'clamd is reached as tcp://host:port')
    .default('tcp://127.0.0.1:3310'),
});
export type DocumentsConfig = z.infer<typeof documentsConfigSchema>;
