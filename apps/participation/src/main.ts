import 'reflect-metadata';
import { bootstrapHubApp } from '@hub/nest-commons';
import { participationAppModule } from './app.module.js';
import { participationConfigSchema } from './config.js';

await bootstrapHubApp(participationAppModule() as never, participationConfigSchema);
