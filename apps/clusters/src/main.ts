import 'reflect-metadata';
import { bootstrapHubApp } from '@hub/nest-commons';
import { AppModule } from './app.module.js';
import { clustersConfigSchema } from './config.js';

await bootstrapHubApp(AppModule, clustersConfigSchema);
