import type { EntitySchema } from '@mikro-orm/core';
import { knownDocumentSchema } from '@hub/nest-commons';
import {
  ApplicationSchema,
  DeadlineSchema,
  IssuedCertificateSchema,
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
  // Issue #10 (ADR 0049): the verified uploads an application may refer to, the shared local copy.
  knownDocumentSchema('registration_document'),
];
