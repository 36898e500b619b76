import 'reflect-metadata';
import { bootstrapHubApp } from '@hub/nest-commons';
import { AppModule } from './app.module.js';
import { trainingConfigSchema } from './config.js';

await bootstrapHubApp(AppModule, trainingConfigSchema);
