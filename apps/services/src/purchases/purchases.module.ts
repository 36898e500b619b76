import { Module } from '@nestjs/common';
import { PurchasesUseCases } from './infrastructure/purchases.use-cases.js';
import { PurchasesHttpController } from './interface/http/purchases.http.controller.js';

/** Third-party purchases on commercial offers (F-56 ¶2, ADR 0064). */
@Module({ controllers: [PurchasesHttpController], providers: [PurchasesUseCases] })
export class PurchasesModule {}
