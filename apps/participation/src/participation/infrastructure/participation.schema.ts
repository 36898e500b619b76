import { defineEntity, type EntitySchema } from '@mikro-orm/core';
import type { ActivityType } from '@hub/contracts';
import { EarlyTermination } from '../domain/early-termination.aggregate.js';
import { Extension } from '../domain/extension.aggregate.js';
import { ExtensionCertificate } from '../domain/extension-certificate.js';
import { Participation } from '../domain/participation.aggregate.js';

const p = defineEntity.properties;

export const ParticipationSchema = defineEntity({
  class: Participation,
  tableName: 'participation',
  properties: {
    id: p.uuid().primary(),
    /** Replaying participant-registered never starts a second participation. */
    participantId: p.uuid().unique('participation_participant_id_unique'),
    bin: p.string().length(12).index('participation_bin_idx'),
    companyName: p.string().length(500),
    address: p.string().length(1000),
    activityTypes: p.json<ActivityType[]>().columnType('jsonb'),
    certificateNumber: p.string().length(100),
    termStart: p.date(),
    termEnd: p.date(),
    status: p.string().length(20),
    endedOn: p.date().nullable(),
    terminationGround: p.string().length(40).nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
});

export const ExtensionSchema = defineEntity({
  class: Extension,
  tableName: 'participation_extension',
  properties: {
    id: p.uuid().primary(),
    participationId: p.uuid().index('participation_extension_participation_idx'),
    filedOn: p.date(),
    currentTermEnd: p.date(),
    requestedTermEnd: p.date(),
    status: p.string().length(20),
    decidedOn: p.date().nullable(),
    reason: p.text().nullable(),
    certificateNumber: p.string().length(100).nullable().unique('participation_extension_certificate_unique'),
    createdAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
});

/** Annex 3 as issued (ADR 0051): insert-only; the table's trigger refuses UPDATE and DELETE. */
export const ExtensionCertificateSchema = defineEntity({
  class: ExtensionCertificate,
  tableName: 'extension_certificate',
  properties: {
    id: p.uuid().primary(),
    extensionId: p.uuid().unique('extension_certificate_extension_unique'),
    participationId: p.uuid().index('extension_certificate_participation_idx'),
    number: p.string().length(100).unique('extension_certificate_number_unique'),
    issuedOn: p.date(),
    validFrom: p.date(),
    validTo: p.date(),
    mediaType: p.string().length(100),
    content: p.blob(),
    sha256: p.string().length(64),
    createdAt: p.datetime().columnType('timestamptz'),
  },
});

export const EarlyTerminationSchema = defineEntity({
  class: EarlyTermination,
  tableName: 'early_termination',
  properties: {
    id: p.uuid().primary(),
    participationId: p.uuid().index('early_termination_participation_idx'),
    bin: p.string().length(12),
    ground: p.string().length(40),
    reason: p.text(),
    basisId: p.uuid().nullable(),
    status: p.string().length(30),
    openedOn: p.date(),
    openedBy: p.string().length(200),
    effectiveDate: p.date().nullable(),
    protocolNumber: p.string().length(100).nullable(),
    createdAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
});

export const participationModuleEntities = [
  ParticipationSchema,
  ExtensionSchema,
  ExtensionCertificateSchema,
  EarlyTerminationSchema,
] as unknown as EntitySchema[];
