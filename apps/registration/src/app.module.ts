import { Module } from '@nestjs/common';
import { HubPlatformModule } from '@hub/nest-commons';
import { registrationConfigSchema } from './config.js';
import { registrationEntities } from './registration.entities.js';

@Module({
  imports: [
    HubPlatformModule.forRoot({
      name: 'registration',
      title: 'Astana Hub — Registration',
      description: 'Participant applications, completeness review, Commission decisions, contracts, certificates and the public registry (F-7 … F-20).',
      configSchema: registrationConfigSchema,
      entities: registrationEntities,
    }),
  ],
})
export class AppModule {}
