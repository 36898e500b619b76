import { defineEntity } from '@mikro-orm/core';
import {
  type ApplicationContent,
  type ApplicationRevision,
  type ApplicationStatus,
  type ReturnNotice,
  type ExpertOpinion,
  SelectionApplication,
} from '../domain/application.aggregate.js';
import { CommissionVote } from '../domain/commission-vote.js';
import type { VoteChoice } from '../domain/rules/commission-decision.rule.js';
import {
  type CommissionComposition,
  type CommissionProtocol,
  type ComparativeAssessment,
  type OpinionsHandOver,
  type RoundStatus,
  SelectionRound,
} from '../domain/round.aggregate.js';
import type { Winner } from '../domain/selection.events.js';

const p = defineEntity.properties;

/** Rounds (civil dates `date`, instants `timestamptz`; `version` = optimistic lock). */
export const SelectionRoundSchema = defineEntity({
  class: SelectionRound,
  className: 'SelectionRound',
  tableName: 'clusters_round',
  properties: {
    id: p.uuid().primary(),
    ruleSetId: p.string().length(100),
    title: p.string().length(500),
    description: p.text(),
    status: p.string().length(30).$type<RoundStatus>(),
    announcedAt: p.datetime().columnType('timestamptz'),
    announcedOn: p.date(),
    applicationDeadline: p.datetime().columnType('timestamptz'),
    deadlineOn: p.date(),
    announcedBy: p.string().length(200),
    protocol: p.json<CommissionProtocol>().nullable(),
    winners: p.json<Winner[]>(),
    publicationDueOn: p.date().nullable(),
    publicationOverdue: p.boolean(),
    resultsPublishedAt: p.datetime().columnType('timestamptz').nullable(),
    opinionsDueOn: p.date().nullable(),
    opinionsOverdue: p.boolean(),
    comparativeAssessment: p.json<ComparativeAssessment>().nullable(),
    opinionsToOrganiserDueOn: p.date().nullable(),
    opinionsToOrganiserOverdue: p.boolean(),
    opinionsAtOrganiser: p.json<OpinionsHandOver>().nullable(),
    toCommissionDueOn: p.date().nullable(),
    toCommissionOverdue: p.boolean(),
    opinionsAtCommission: p.json<OpinionsHandOver>().nullable(),
    commission: p.json<CommissionComposition>().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** Applications; the content and every revision (C-9) as jsonb. */
export const SelectionApplicationSchema = defineEntity({
  class: SelectionApplication,
  className: 'SelectionApplication',
  tableName: 'clusters_application',
  properties: {
    id: p.uuid().primary(),
    roundId: p.uuid(),
    bin: p.string().length(12),
    status: p.string().length(30).$type<ApplicationStatus>(),
    content: p.json<ApplicationContent>(),
    revision: p.integer(),
    revisions: p.json<ApplicationRevision[]>(),
    filedAt: p.datetime().columnType('timestamptz'),
    filedOn: p.date(),
    complianceDueOn: p.date(),
    complianceOverdue: p.boolean(),
    returnNotice: p.json<ReturnNotice>().nullable(),
    checkedAt: p.datetime().columnType('timestamptz').nullable(),
    withdrawnAt: p.datetime().columnType('timestamptz').nullable(),
    instituteDueOn: p.date().nullable(),
    instituteOverdue: p.boolean(),
    sentToInstituteAt: p.datetime().columnType('timestamptz').nullable(),
    instituteTransferRef: p.string().length(200).nullable(),
    instituteTransferDocumentId: p.uuid().nullable(),
    expertOpinion: p.json<ExpertOpinion>().nullable(),
    version: p.integer().version(),
    createdAt: p.datetime().columnType('timestamptz'),
    updatedAt: p.datetime().columnType('timestamptz'),
  },
});

/** C-19: the Commission members' votes, one per member and application (unique key; ADR 0083). */
export const CommissionVoteSchema = defineEntity({
  class: CommissionVote,
  className: 'CommissionVote',
  tableName: 'clusters_commission_vote',
  uniques: [{ properties: ['applicationId', 'memberSubject'], name: 'clusters_commission_vote_one_per_member' }],
  properties: {
    id: p.uuid().primary(),
    roundId: p.uuid().index('clusters_commission_vote_round_idx'),
    applicationId: p.uuid(),
    memberSubject: p.string().length(200),
    memberName: p.string().length(500),
    choice: p.string().length(10).$type<VoteChoice>(),
    comment: p.text(),
    castAt: p.datetime().columnType('timestamptz'),
  },
});
