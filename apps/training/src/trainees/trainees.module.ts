import { Module } from '@nestjs/common';
import { ListTraineesHandler, ReadTraineesHandler } from './application/trainees.commands.js';
import { traineeProviders } from './infrastructure/trainees.mikro-orm.js';
import { TraineesHttpController } from './interface/http/trainees.http.controller.js';

/** Trainees of the admitted providers (F-76), personal data encrypted and every read logged (F-42). */
@Module({
  controllers: [TraineesHttpController],
  providers: [...traineeProviders, ListTraineesHandler, ReadTraineesHandler],
})
export class TraineesModule {}
