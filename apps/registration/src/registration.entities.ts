import type { EntitySchema } from '@mikro-orm/core';
import {
  ApplicationRowSchema,
  CertificateRowSchema,
  DeadlineRowSchema,
  ParticipantRowSchema,
  TranslationTaskRowSchema,
} from './registration/infrastructure/registration.schemas.js';

/** Every MikroORM entity of the registration context. */
export const registrationEntities: EntitySchema[] = [ApplicationRowSchema, ParticipantRowSchema, CertificateRowSchema, DeadlineRowSchema, TranslationTaskRowSchema];
