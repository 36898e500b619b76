import { defineEntity } from '@mikro-orm/core';
import { type Affiliation, CommissionMember, type ConflictDeclaration } from '../domain/commission-member.js';
import { CommissionVote, type VoteChoice } from '../domain/vote.js';
import { CommissionDecision, type CommissionProtocol } from '../domain/commission-decision.js';
import type { QuotaCalculation } from '../domain/quota/quota-formula.js';

const p = defineEntity.properties;

/** F-69: the members of each intake's Independent Commission; one row per (intake, subject). */
export const CommissionMemberSchema = defineEntity({
  class: CommissionMember,
  className: 'CommissionMember',
  tableName: 'training_commission_member',
  properties: {
    id: p.uuid().primary(),
    intakeId: p.uuid(),
    subject: p.string().length(200),
    fullName: p.string().length(300),
    affiliation: p.string().length(30).$type<Affiliation>(),
    declaration: p.json<ConflictDeclaration>().nullable(),
    appointedBy: p.string().length(200),
    appointedAt: p.datetime().columnType('timestamptz'),
    version: p.integer().version(),
  },
});

/** F-72: one vote per (application, member) — a database constraint. */
export const CommissionVoteSchema = defineEntity({
  class: CommissionVote,
  className: 'CommissionVote',
  tableName: 'training_commission_vote',
  properties: {
    id: p.uuid().primary(),
    intakeId: p.uuid(),
    applicationId: p.uuid(),
    memberId: p.uuid(),
    choice: p.string().length(10).$type<VoteChoice>(),
    score: p.integer(),
    reason: p.text(),
    castAt: p.datetime().columnType('timestamptz'),
  },
});

/** F-72, F-73: one decision per intake, with the quota calculation (inputs snapshotted) and the protocol. */
export const CommissionDecisionSchema = defineEntity({
  class: CommissionDecision,
  className: 'CommissionDecision',
  tableName: 'training_commission_decision',
  properties: {
    id: p.uuid().primary(),
    intakeId: p.uuid(),
    decidedOn: p.date(),
    decidedBy: p.string().length(200),
    decidedAt: p.datetime().columnType('timestamptz'),
    calculation: p.json<QuotaCalculation>(),
    protocol: p.json<CommissionProtocol>(),
  },
});
