import type { EntitySchema } from '@mikro-orm/core';

/** Every MikroORM entity of the registration context. */
export const registrationEntities: EntitySchema[] = [];
