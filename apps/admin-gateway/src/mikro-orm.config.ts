import { Migrator } from '@mikro-orm/migrations';
import { type Options, defineConfig } from '@mikro-orm/postgresql';
import { migrations } from './migrations/index.js';
import { gatewayEntities } from './gateway.entities.js';

/** Used by the migration CLI and tests; the app itself gets the same entities via HubPersistenceModule (no messaging tables). */
export function gatewayOrmConfig(clientUrl: string): Options {
  return defineConfig({
    clientUrl,
    entities: [...gatewayEntities],
    extensions: [Migrator],
    migrations: {
      migrationsList: migrations,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      path: 'src/migrations',
      snapshot: false,
      silent: true,
    },
    allowGlobalContext: false,
  });
}
