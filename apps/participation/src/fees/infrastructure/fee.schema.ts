import { defineEntity, type EntitySchema } from '@mikro-orm/core';
import { Fee, FeePayment } from '../domain/fee.aggregate.js';
import type { Tiyn } from '@hub/kernel';

const p = defineEntity.properties;

/** Money as integer tiyn in `bigint` columns, read into safe JS integers (ADR 0036). */
const tiyn = () => p.bigint('number').$type<Tiyn>();

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
    declaredIncomeTiyn: tiyn().nullable(),
    feeTiyn: tiyn().nullable(),
    tariffId: p.string().length(100).nullable(),
    paidTiyn: tiyn(),
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
    amountTiyn: tiyn(),
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
