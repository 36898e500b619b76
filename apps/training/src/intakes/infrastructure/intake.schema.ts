import { defineEntity } from '@mikro-orm/core';
import { Intake } from '../domain/intake.aggregate.js';
import { ProviderApplication, type ProviderApplicationStatus } from '../domain/provider-application.aggregate.js';
import type { CourseSyllabus, TypedAttachment, VersionedDocument } from '../domain/intake.types.js';

const p = defineEntity.properties;

/** The intake's table (ADR 0035 §1): civil dates are `date` columns, the Fund's documents jsonb (versioned data, F-77). */
export const IntakeSchema = defineEntity({
  class: Intake,
  className: 'Intake',
  tableName: 'training_intake',
  properties: {
    id: p.uuid().primary(),
    title: p.string().length(500),
    opensOn: p.date(),
    closesOn: p.date(),
    selectionCriteria: p.json<VersionedDocument>(),
    intakeOrder: p.json<VersionedDocument>(),
    announcedBy: p.string().length(200),
    announcedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** The provider application's table; the syllabi and attachments are jsonb (one aggregate, written whole). */
export const ProviderApplicationSchema = defineEntity({
  class: ProviderApplication,
  className: 'ProviderApplication',
  tableName: 'training_provider_application',
  properties: {
    id: p.uuid().primary(),
    intakeId: p.uuid(),
    bin: p.string().length(12),
    language: p.string().length(2).$type<'kk' | 'ru' | 'en'>(),
    courses: p.json<CourseSyllabus[]>(),
    attachments: p.json<TypedAttachment[]>(),
    declarationOfAccuracy: p.boolean(),
    status: p.string().length(20).$type<ProviderApplicationStatus>(),
    filedBy: p.string().length(200),
    filedAt: p.datetime().columnType('timestamptz'),
    filedOn: p.date(),
    reviewDueOn: p.date(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});
