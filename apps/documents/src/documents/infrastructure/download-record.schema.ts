import { defineEntity } from '@mikro-orm/core';

/** One download grant (F-35, F-42): who was handed which document's bytes, when. Append-only. */
export class DownloadRecord {
  readonly id!: string;
  readonly documentId!: string;
  readonly ownerBin!: string | null;
  readonly ownerOffice!: string | null;
  readonly kind!: string;
  readonly restricted!: boolean;
  readonly subject!: string;
  readonly roles!: string[];
  readonly at!: Date;
}

const p = defineEntity.properties;

export const DownloadRecordSchema = defineEntity({
  class: DownloadRecord,
  className: 'DownloadRecord',
  tableName: 'document_download',
  properties: {
    id: p.uuid().primary(),
    documentId: p.uuid(),
    ownerBin: p.string().length(12).nullable(),
    ownerOffice: p.string().length(40).nullable(),
    kind: p.string().length(60),
    restricted: p.boolean(),
    subject: p.string().length(200),
    roles: p.json<string[]>(),
    at: p.datetime().columnType('timestamptz'),
  },
});
