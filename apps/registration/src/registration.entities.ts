import type { EntitySchema } from '@mikro-orm/core';
import {
  ApplicationSchema,
  DeadlineSchema,
  IssuedCertificateSchema,
  KnownDocumentSchema,
  ParticipantSchema,
  TranslationTaskSchema,
} from './registration/infrastructure/registration.schemas.js';

/** Every MikroORM entity of the registration context. */
export const registrationEntities: EntitySchema[] = [
  ApplicationSchema,
  ParticipantSchema,
  IssuedCertificateSchema,
  DeadlineSchema,
  TranslationTaskSchema,
  KnownDocumentSchema,
];
