import 'reflect-metadata';
import { bootstrapHubApp } from '@hub/nest-commons';
import { AppModule } from './app.module.js';
import { notificationsConfigSchema } from './config.js';

await bootstrapHubApp(AppModule, notificationsConfigSchema);
