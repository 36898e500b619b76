import { z } from 'zod';
import { BinSchema, IsoDateSchema } from '../common.js';
import { defineIntegrationEvent } from '../event-definition.js';
import { TOPICS } from '../topics.js';

/**
 * Documents's published language (ADR 0045). Every event is keyed by the owner company's BIN, so
 * that one company's events keep their order. Payloads carry ids, kinds and hashes only — never a
 * file name (it may name a person) nor the bytes. A change that removes or retypes a field is a
 * new version (`…V2`), published beside the old one until its consumers have moved.
 */
const topic = TOPICS.documents.name;
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const DocumentVerifiedV1 = defineIntegrationEvent({
  type: 'documents.document-verified',
  version: 1,
  topic,
  description:
    "A company's uploaded document passed the server's verification (size, real type from the bytes, SHA-256 computed by the server); a correction names the version it supersedes.",
  payload: z.object({
    documentId: z.uuid(),
    bin: BinSchema,
    kind: z.string(),
    seriesId: z.uuid(),
    versionNo: z.number().int().positive(),
    supersedesId: z.uuid().nullable(),
    sha256: Sha256,
    size: z.number().int().positive(),
    mediaType: z.string(),
    verifiedAt: z.iso.datetime({ offset: true }),
  }),
});

export const DocumentAttachedV1 = defineIntegrationEvent({
  type: 'documents.document-attached',
  version: 1,
  topic,
  description: 'A verified document was attached to what it was uploaded for (<context>/<thing>/<id>); it is immutable from now on.',
  payload: z.object({
    documentId: z.uuid(),
    bin: BinSchema,
    kind: z.string(),
    attachedTo: z.string(),
    sha256: Sha256,
    attachedAt: z.iso.datetime({ offset: true }),
  }),
});

export const DocumentIssuedV1 = defineIntegrationEvent({
  type: 'documents.document-issued',
  version: 1,
  topic,
  description: 'A document the Fund issued (certificate, protocol, act) was stored once with its hash; it is served byte-identical from now on.',
  payload: z.object({
    documentId: z.uuid(),
    bin: BinSchema,
    kind: z.string(),
    issueKey: z.string(),
    sha256: Sha256,
    size: z.number().int().positive(),
    issuedAt: z.iso.datetime({ offset: true }),
  }),
});

export const DocumentPurgedV1 = defineIntegrationEvent({
  type: 'documents.document-purged',
  version: 1,
  topic,
  description:
    'The retention of a document ended (retainUntil, from the kind’s records schedule in force when it was verified or issued, ADR 0045): its bytes were deleted from object storage; its metadata and hash stay as the record that it existed.',
  payload: z.object({
    documentId: z.uuid(),
    bin: BinSchema,
    kind: z.string(),
    sha256: Sha256,
    retainUntil: IsoDateSchema,
    purgedAt: z.iso.datetime({ offset: true }),
  }),
});

/** Every event of documents, for a consumer's EventRegistry. */
export const documentsEvents = [DocumentVerifiedV1, DocumentAttachedV1, DocumentIssuedV1, DocumentPurgedV1] as const;

/**
 * ADR 0113: a document of an *office* (a role-holding body — the cluster selection's organiser, the
 * national institute, the expert Commission's secretariat, C-2) passed the server's verification. A
 * separate event because the company events above require `bin`; keyed by `office:<office>`.
 */
export const OfficeDocumentVerifiedV1 = defineIntegrationEvent({
  type: 'documents.office-document-verified',
  version: 1,
  topic,
  description:
    "An office's uploaded document (the organiser's, the institute's or the Commission's, C-2) passed the server's verification (size, real type from the bytes, SHA-256 computed by the server).",
  payload: z.object({
    documentId: z.uuid(),
    office: z.string().regex(/^[a-z][a-z0-9-]*$/),
    kind: z.string(),
    seriesId: z.uuid(),
    versionNo: z.number().int().positive(),
    supersedesId: z.uuid().nullable(),
    sha256: Sha256,
    size: z.number().int().positive(),
    mediaType: z.string(),
    verifiedAt: z.iso.datetime({ offset: true }),
  }),
});

/** ADR 0113: an office's verified document was attached to what it was uploaded for; immutable from now on. */
export const OfficeDocumentAttachedV1 = defineIntegrationEvent({
  type: 'documents.office-document-attached',
  version: 1,
  topic,
  description: "An office's verified document was attached to what it was uploaded for (<context>/<thing>/<id>); it is immutable from now on.",
  payload: z.object({
    documentId: z.uuid(),
    office: z.string().regex(/^[a-z][a-z0-9-]*$/),
    kind: z.string(),
    attachedTo: z.string(),
    sha256: Sha256,
    attachedAt: z.iso.datetime({ offset: true }),
  }),
});

/**
 * Issue #10 (ADR 0122): the retention of an office's document ended and its bytes were deleted, like
 * `documents.document-purged` v1 of a company's; keyed by `office:<office>`. The contexts' copies drop it.
 */
export const OfficeDocumentPurgedV1 = defineIntegrationEvent({
  type: 'documents.office-document-purged',
  version: 1,
  topic,
  description:
    "The retention of an office's document ended (retainUntil, ADR 0045): its bytes were deleted from object storage; its metadata and hash stay in documents as the record that it existed. A context's copy drops it.",
  payload: z.object({
    documentId: z.uuid(),
    office: z.string().regex(/^[a-z][a-z0-9-]*$/),
    kind: z.string(),
    sha256: Sha256,
    retainUntil: IsoDateSchema,
    purgedAt: z.iso.datetime({ offset: true }),
  }),
});
