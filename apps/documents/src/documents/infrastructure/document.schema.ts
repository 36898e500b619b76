import { defineEntity } from '@mikro-orm/core';
import { Document, type DocumentOrigin, type DocumentStatus } from '../domain/document.aggregate.js';

const p = defineEntity.properties;

/**
 * The document's table (ADR 0035 §1, ADR 0045). `issue_key` is unique (an issued document is stored
 * once); the optimistic-lock `version` turns two completions or attachments at once into a 409.
 * A change here needs a migration.
 */
export const DocumentSchema = defineEntity({
  class: Document,
  className: 'Document',
  tableName: 'document',
  properties: {
    id: p.uuid().primary(),
    ownerBin: p.string().length(12).nullable(),
    ownerOffice: p.string().length(40).nullable(),
    kind: p.string().length(60),
    restricted: p.boolean(),
    origin: p.string().length(20).$type<DocumentOrigin>(),
    status: p.string().length(20).$type<DocumentStatus>(),
    seriesId: p.uuid(),
    versionNo: p.integer(),
    supersedesId: p.uuid().nullable(),
    declaredName: p.string().length(255),
    declaredSize: p.bigint('number'),
    objectKey: p.string().length(200),
    size: p.bigint('number').nullable(),
    sha256: p.string().length(64).nullable(),
    mediaType: p.string().length(120).nullable(),
    rejection: p.string().length(500).nullable(),
    attachedTo: p.string().length(200).nullable(),
    attachedAt: p.datetime().columnType('timestamptz').nullable(),
    issueKey: p.string().length(200).nullable().unique(),
    createdBy: p.string().length(200),
    createdAt: p.datetime().columnType('timestamptz'),
    verifiedAt: p.datetime().columnType('timestamptz').nullable(),
    uploadExpiresAt: p.datetime().columnType('timestamptz').nullable(),
    retainUntil: p.date().nullable(),
    purgedAt: p.datetime().columnType('timestamptz').nullable(),
    version: p.integer().version(),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
