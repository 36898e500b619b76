import { Global, Module } from '@nestjs/common';
import { OpenRequestHandler } from './application/commands/open-request/open-request.handler.js';
import { HousingRequestReadModel } from './application/ports/request.read-model.js';
import { HousingRequestRepository } from './application/ports/request.repository.js';
import { RequestsQueries } from './application/queries/requests.queries.js';
import { MikroOrmHousingRequestReadModel, MikroOrmHousingRequestRepository } from './infrastructure/request.mikro-orm.repository.js';
import { RequestsMetrics } from './infrastructure/requests.metrics.js';
import { RequestsHttpController } from './interface/http/requests.http.controller.js';

/**
 * The requests module: use cases in application/commands/<use-case>/, ports in application/ports
 * (bound here to their infrastructure implementations), HTTP in interface/http (ADR 0035 §9).
 * Global because the platform instantiates the timer and event handlers (app.module.ts
 * `timerHandlers`, `consumers`) in its own module: they find the ports through these exports.
 */
@Global()
@Module({
  controllers: [RequestsHttpController],
  providers: [
    { provide: HousingRequestRepository, useClass: MikroOrmHousingRequestRepository },
    { provide: HousingRequestReadModel, useClass: MikroOrmHousingRequestReadModel },
    RequestsQueries,
    RequestsMetrics,
    OpenRequestHandler,
  ],
  exports: [HousingRequestRepository, RequestsQueries],
})
export class RequestsModule {}
