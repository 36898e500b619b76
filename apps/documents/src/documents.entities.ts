import type { EntitySchema } from '@mikro-orm/core';
import { DocumentSchema } from './documents/infrastructure/document.schema.js';
import { DownloadRecordSchema } from './documents/infrastructure/download-record.schema.js';
import { DocumentsParticipantSchema } from './participants/infrastructure/participant.schema.js';

/** Every MikroORM entity of the documents context (the platform adds the outbox, inbox and timer tables). */
export const documentsEntities: EntitySchema[] = [DocumentSchema, DownloadRecordSchema, DocumentsParticipantSchema];
