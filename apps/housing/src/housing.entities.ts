import type { EntitySchema } from '@mikro-orm/core';
import { knownDocumentSchema } from '@hub/nest-commons';
import { AllocationSchema, EnrolmentSchema, HousingCaseSchema, PiiAccessLogSchema } from './acceleration/infrastructure/acceleration.schema.js';
import { BuildingSchema, HousingUnitSchema } from './inventory/infrastructure/inventory.schema.js';
import { HousingParticipantSchema } from './participants/infrastructure/participant.schema.js';
import { PremisesLeaseSchema } from './premises/infrastructure/premises.schema.js';

/** Every MikroORM entity of the housing context (the platform adds the outbox, inbox and timer tables). */
export const housingEntities: EntitySchema[] = [
  BuildingSchema,
  HousingUnitSchema,
  EnrolmentSchema,
  HousingCaseSchema,
  AllocationSchema,
  PiiAccessLogSchema,
  HousingParticipantSchema,
  PremisesLeaseSchema,
  // ADR 0053: the verified documents housing may be given by id (the scan of a premises handover act)
  knownDocumentSchema('housing_document'),
] as EntitySchema[];
