import 'reflect-metadata';
import { bootstrapHubApp } from '@hub/nest-commons';
import { AppModule } from './app.module.js';
import { housingConfigSchema } from './config.js';

await bootstrapHubApp(AppModule, housingConfigSchema);
