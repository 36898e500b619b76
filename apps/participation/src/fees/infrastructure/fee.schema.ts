import { defineEntity, type EntitySchema } from '@mikro-orm/core';
import { Fee, FeePayment } from '../domain/fee.aggregate.js';

const p = defineEntity.properties;

export const FeeSchema = defineEntity({
  class: Fee,
  tableName: 'membership_fee',
  properties: {
    id: p.uuid().primary(),
    participationId: p.uuid(),
    bin: p.string().length(12).index('membership_fee_bin_idx'),
    year: p.integer(),
    quarter: p.smallint(),
    dueDate: p.date(),
    status: p.string().length(30),
    declaredIncomeKzt: p.decimal('number').precision(18).scale(2).nullable(),
    feeKzt: p.decimal('number').precision(18).scale(2).nullable(),
    tariffId: p.string().length(100).nullable(),
    paidKzt: p.decimal('number').precision(18).scale(2),
    declaredAt: p.datetime().columnType('timestamptz').nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
  uniques: [{ name: 'membership_fee_quarter_unique', properties: ['participationId', 'year', 'quarter'] }],
});

export const FeePaymentSchema = defineEntity({
  class: FeePayment,
  tableName: 'membership_fee_payment',
  properties: {
    id: p.uuid().primary(),
    feeId: p.uuid().index('membership_fee_payment_fee_idx'),
    bin: p.string().length(12),
    amountKzt: p.decimal('number').precision(18).scale(2),
    paidOn: p.date(),
    /** The bank's transaction reference: one payment is recorded once. */
    reference: p.string().length(100).unique('membership_fee_payment_reference_unique'),
    source: p.string().length(20),
    importId: p.uuid().nullable(),
    recordedBy: p.string().length(200),
    recordedAt: p.datetime().columnType('timestamptz'),
  },
});

export const feeModuleEntities = [FeeSchema, FeePaymentSchema] as unknown as EntitySchema[];
