import { defineEntity, type EntitySchema } from '@mikro-orm/core';
import { MonitoringConclusion } from '../domain/monitoring-conclusion.js';

const p = defineEntity.properties;

export const MonitoringConclusionSchema = defineEntity({
  class: MonitoringConclusion,
  tableName: 'monitoring_conclusion',
  properties: {
    id: p.uuid().primary(),
    participationId: p.uuid().index('monitoring_conclusion_participation_idx'),
    bin: p.string().length(12),
    project: p.string().length(500),
    periodFrom: p.date(),
    periodTo: p.date(),
    conclusion: p.string().length(20),
    reasoning: p.text(),
    concludedOn: p.date(),
    concludedBy: p.string().length(200),
    createdAt: p.datetime().columnType('timestamptz'),
  },
  uniques: [{ name: 'monitoring_conclusion_project_period_unique', properties: ['participationId', 'project', 'periodFrom', 'periodTo'] }],
});

export const monitoringModuleEntities = [MonitoringConclusionSchema] as unknown as EntitySchema[];
