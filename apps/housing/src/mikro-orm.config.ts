import { Migrator } from '@mikro-orm/migrations';
import { type Options, defineConfig } from '@mikro-orm/postgresql';
import { messagingEntities } from '@hub/messaging';
import { housingEntities } from './housing.entities.js';
import { migrations } from './migrations/index.js';

/** Used by the migration CLI and tests; the app itself gets the same entities via HubPlatformModule. */
export function housingOrmConfig(clientUrl: string): Options {
  return defineConfig({
    clientUrl,
    entities: [...housingEntities, ...messagingEntities],
    extensions: [Migrator],
    migrations: {
      migrationsList: migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      path: 'src/migrations',
      snapshot: false,
    },
    allowGlobalContext: false,
  });
}
