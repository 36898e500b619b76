import { Global, Module } from '@nestjs/common';
import { BillingUseCases } from './infrastructure/billing.use-cases.js';
import { BillingHttpController } from './interface/http/billing.http.controller.js';

/** Invoices, payments and delivery acts under service contracts (F-55, ADR 0066). Global: the platform's invoice timer handler uses the use cases. */
@Global()
@Module({ controllers: [BillingHttpController], providers: [BillingUseCases], exports: [BillingUseCases] })
export class BillingModule {}
