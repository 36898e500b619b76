import type { EntitySchema } from '@mikro-orm/core';
import { knownDocumentSchema } from '@hub/nest-commons';
import { feeModuleEntities } from './fees/infrastructure/fee.schema.js';
import { monitoringModuleEntities } from './monitoring/infrastructure/monitoring.schema.js';
import { obligationsModuleEntities } from './obligations/infrastructure/obligations.schema.js';
import { participationModuleEntities } from './participation/infrastructure/participation.schema.js';
import { reportingModuleEntities } from './reporting/infrastructure/reporting.schema.js';

/** Every MikroORM entity of the participation context. */
export const participationEntities: EntitySchema[] = [
  ...participationModuleEntities,
  ...feeModuleEntities,
  ...reportingModuleEntities,
  ...obligationsModuleEntities,
  ...monitoringModuleEntities,
  // Issue #10: the local copy of the documents verified in the documents context.
  knownDocumentSchema('participation_document'),
];
