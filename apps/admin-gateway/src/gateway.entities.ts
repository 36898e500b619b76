import type { EntitySchema } from '@mikro-orm/core';
import { AuditEventEntity } from './audit/audit-event.entity.js';

/** Every MikroORM entity of the gateway's own database (hub_gateway): the audit trail. */
export const gatewayEntities: EntitySchema[] = [AuditEventEntity];
