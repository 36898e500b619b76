import { Inject, Injectable } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import { type Actor, CLUSTER_ORGANISER_ROLES, hasAnyRole } from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import type { ExpertOpinion, SelectionApplication } from '../../domain/application.aggregate.js';
import { type SelectionRuleSet, inForceOn, ruleSetById } from '../../domain/rule-set.js';
import type { ComparativeAssessment, OpinionsHandOver, SelectionRound } from '../../domain/round.aggregate.js';
import type { CommissionVote } from '../../domain/commission-vote.js';
import { type ApplicationTally, type CommissionSeat, type RecordedVote, quorumOf, tallyCommissionVotes } from '../../domain/rules/commission-decision.rule.js';
import { RuleSetSource, SelectionReadModel } from '../ports/selection.ports.js';

const recorded = (v: CommissionVote): RecordedVote => ({
  applicationId: v.applicationId,
  memberSubject: v.memberSubject,
  memberName: v.memberName,
  choice: v.choice,
  comment: v.comment,
  castAt: v.castAt.toISOString(),
});

/** C-19, C-20: the round's Commission as its members, the organiser and the secretary see it. */
export interface CommissionView {
  readonly roundId: string;
  readonly status: string;
  readonly composition: { decisionRef: string; decisionDocumentId: string | null; members: CommissionSeat[]; formedBy: string; formedAt: string } | null;
  readonly beforeCommission: boolean;
  readonly quorum: number | null;
  readonly tallies: (ApplicationTally & { bin: string; clusterName: string })[];
  readonly protocol: {
    number: string;
    decidedOn: string;
    documentRef: string;
    /** ADR 0113: the signed protocol in documents, when named by id. */
    documentId: string | null;
    receivedAt: string;
    recordedBy: string | null;
    winners: { applicationId: string; bin: string; clusterName: string }[];
  } | null;
}

export interface RuleSetView extends SelectionRuleSet {
  readonly inForceToday: boolean;
}

export interface RoundView {
  readonly id: string;
  readonly ruleSetId: string;
  readonly title: string;
  readonly description: string;
  readonly status: string;
  readonly announcedAt: string;
  readonly announcedOn: string;
  readonly applicationDeadline: string;
  readonly acceptingApplications: boolean;
  /** C-13 … C-18: the dates of the expert stage (public facts; the opinions themselves are not). */
  readonly expertStage: {
    readonly opinionsDueOn: string | null;
    readonly opinionsCompletedAt: string | null;
    readonly opinionsToOrganiserDueOn: string | null;
    readonly opinionsAtOrganiserAt: string | null;
    readonly toCommissionDueOn: string | null;
    readonly opinionsAtCommissionAt: string | null;
  };
}

/** C-13 … C-18: what the institute gave on a round, for the organiser, the experts and (once before it, C-18) the Commission. */
export interface ExpertReviewView {
  readonly roundId: string;
  readonly ruleSetId: string;
  readonly criteria: SelectionRuleSet['criteria'];
  readonly opinionsDueOn: string | null;
  readonly opinionsOverdue: boolean;
  readonly applications: readonly {
    readonly applicationId: string;
    readonly bin: string;
    readonly clusterName: string;
    readonly sentToInstituteAt: string;
    readonly opinion: ExpertOpinion | null;
  }[];
  readonly comparativeAssessment: ComparativeAssessment | null;
  readonly opinionsToOrganiserDueOn: string | null;
  readonly opinionsToOrganiserOverdue: boolean;
  readonly opinionsAtOrganiser: OpinionsHandOver | null;
  readonly toCommissionDueOn: string | null;
  readonly toCommissionOverdue: boolean;
  readonly opinionsAtCommission: OpinionsHandOver | null;
}

export interface ApplicationView {
  readonly id: string;
  readonly roundId: string;
  readonly bin: string;
  readonly status: string;
  readonly revision: number;
  readonly content: SelectionApplication['content'];
  readonly filedAt: string;
  readonly filedOn: string;
  readonly complianceDueOn: string;
  readonly complianceOverdue: boolean;
  readonly returnNotice: SelectionApplication['returnNotice'];
  readonly instituteDueOn: string | null;
  readonly instituteOverdue: boolean;
  readonly sentToInstituteAt: string | null;
  /** C-14, C-15: shown to the organiser and the institute's experts only. */
  readonly expertOpinion?: ExpertOpinion | null;
}

export interface ResultsView {
  readonly roundId: string;
  readonly ruleSetId: string;
  readonly title: string;
  readonly protocolNumber: string;
  readonly decidedOn: string;
  readonly publishedAt: string;
  readonly winners: readonly { readonly applicationId: string; readonly bin: string; readonly clusterName: string }[];
}

export interface DeadlineView {
  readonly kind: 'compliance-check' | 'institute-transfer' | 'expert-opinions' | 'opinions-to-organiser' | 'opinions-to-commission' | 'results-publication';
  readonly ruleId: 'C-12' | 'C-13' | 'C-16' | 'C-17' | 'C-18' | 'C-21';
  readonly subjectId: string;
  readonly roundId: string;
  readonly bin?: string;
  readonly startedOn: string;
  readonly dueDate: string;
  readonly status: 'open';
  readonly overdue: boolean;
}

/**
 * Reads with the access rules applied (C-2): the announcement of a round is public; an applicant sees
 * only the applications of the companies in its token (the results are not published in this slice,
 * so always only its own); the organiser sees every application.
 */
@Injectable()
export class SelectionQueries {
  constructor(
    @Inject(SelectionReadModel) private readonly readModel: SelectionReadModel,
    @Inject(RuleSetSource) private readonly ruleSets: RuleSetSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  ruleSetsView(): RuleSetView[] {
    const today = almatyDate(this.clock.now());
    return this.ruleSets.all().map((s) => ({ ...s, inForceToday: inForceOn(s, today) }));
  }

  async rounds(): Promise<RoundView[]> {
    return (await this.readModel.rounds()).map((r) => this.roundView(r));
  }

  async round(id: string): Promise<RoundView> {
    const r = await this.readModel.round(id);
    if (!r) throw new NotFoundError('round', id);
    return this.roundView(r);
  }

  /**
   * C-2: the organiser sees every application; the institute's experts those sent to the institute
   * (C-13); a participant its own companies' only.
   */
  async applications(actor: Actor, filter: { roundId?: string; bin?: string }): Promise<ApplicationView[]> {
    const organiser = hasAnyRole(actor, CLUSTER_ORGANISER_ROLES);
    const expert = !organiser && hasAnyRole(actor, ['cluster-expert']);
    const bins = organiser || expert ? (filter.bin ? [filter.bin] : undefined) : actor.companies.filter((b) => !filter.bin || b === filter.bin);
    if (bins?.length === 0) return [];
    const rows = await this.readModel.applications({
      ...(filter.roundId ? { roundId: filter.roundId } : {}),
      ...(bins ? { bins } : {}),
      ...(expert ? { atInstitute: true } : {}),
    });
    return rows.map((a) => applicationView(a, organiser || expert));
  }

  /** An application the actor may not see is answered as not found (its existence is not disclosed). */
  async application(id: string, actor: Actor): Promise<ApplicationView> {
    const a = await this.readModel.application(id);
    const organiser = hasAnyRole(actor, CLUSTER_ORGANISER_ROLES);
    const expert = !organiser && hasAnyRole(actor, ['cluster-expert']) && a?.sentToInstituteAt != null;
    if (!a || (!organiser && !expert && !actor.companies.includes(a.bin))) throw new NotFoundError('application', id);
    return applicationView(a, organiser || expert);
  }

  /**
   * C-13 … C-18: the institute's opinions and comparison on a round. The organiser and the experts
   * read it at any time; the Commission's members and secretary once it is before them (C-18).
   */
  async expertReview(roundId: string, actor: Actor): Promise<ExpertReviewView> {
    const r = await this.readModel.round(roundId);
    const staff = hasAnyRole(actor, [...CLUSTER_ORGANISER_ROLES, 'cluster-expert']);
    if (!r || (!staff && r.opinionsAtCommission === null)) throw new NotFoundError('expert review', roundId);
    // ADR 0084: an application withdrawn (C-9) after it was sent has left the institute's review.
    const sent = (await this.readModel.applications({ roundId, atInstitute: true }))
      .filter((a) => a.status !== 'withdrawn')
      .sort((a, b) => a.sentToInstituteAt!.getTime() - b.sentToInstituteAt!.getTime());
    return {
      roundId: r.id,
      ruleSetId: r.ruleSetId,
      criteria: ruleSetById(this.ruleSets.all(), r.ruleSetId).criteria,
      opinionsDueOn: r.opinionsDueOn,
      opinionsOverdue: r.opinionsOverdue,
      applications: sent.map((a) => ({
        applicationId: a.id,
        bin: a.bin,
        clusterName: a.content.form.clusterName,
        sentToInstituteAt: a.sentToInstituteAt!.toISOString(),
        opinion: a.expertOpinion,
      })),
      comparativeAssessment: r.comparativeAssessment,
      opinionsToOrganiserDueOn: r.opinionsToOrganiserDueOn,
      opinionsToOrganiserOverdue: r.opinionsToOrganiserOverdue,
      opinionsAtOrganiser: r.opinionsAtOrganiser,
      toCommissionDueOn: r.toCommissionDueOn,
      toCommissionOverdue: r.toCommissionOverdue,
      opinionsAtCommission: r.opinionsAtCommission,
    };
  }

  /** ADR 0033: the open C-12 compliance checks, overdue once their last working day has passed. */
  async deadlines(): Promise<DeadlineView[]> {
    const today = almatyDate(this.clock.now());
    const checks: DeadlineView[] = (await this.readModel.openComplianceChecks()).map((a) => ({
      kind: 'compliance-check',
      ruleId: 'C-12',
      subjectId: a.id,
      roundId: a.roundId,
      bin: a.bin,
      startedOn: a.filedOn,
      dueDate: a.complianceDueOn,
      status: 'open',
      overdue: a.complianceOverdue || a.complianceDueOn < today,
    }));
    const transfers: DeadlineView[] = (await this.readModel.openInstituteTransfers()).map((a) => ({
      kind: 'institute-transfer',
      ruleId: 'C-13',
      subjectId: a.id,
      roundId: a.roundId,
      bin: a.bin,
      startedOn: a.complianceDueOn,
      dueDate: a.instituteDueOn!,
      status: 'open',
      overdue: a.instituteOverdue || a.instituteDueOn! < today,
    }));
    const expertSteps: DeadlineView[] = (await this.readModel.openExpertStages()).flatMap((r): DeadlineView[] => {
      const step = (kind: DeadlineView['kind'], ruleId: DeadlineView['ruleId'], startedOn: string, dueDate: string, flagged: boolean): DeadlineView => ({
        kind,
        ruleId,
        subjectId: r.id,
        roundId: r.id,
        startedOn,
        dueDate,
        status: 'open',
        overdue: flagged || dueDate < today,
      });
      if (r.comparativeAssessment === null) return [step('expert-opinions', 'C-16', r.deadlineOn, r.opinionsDueOn!, r.opinionsOverdue)];
      if (r.opinionsAtOrganiser === null)
        return [step('opinions-to-organiser', 'C-17', r.opinionsDueOn!, r.opinionsToOrganiserDueOn!, r.opinionsToOrganiserOverdue)];
      return [step('opinions-to-commission', 'C-18', almatyDate(new Date(r.opinionsAtOrganiser.at)), r.toCommissionDueOn!, r.toCommissionOverdue)];
    });
    const publications: DeadlineView[] = (await this.readModel.awaitingPublication()).map((r) => ({
      kind: 'results-publication',
      ruleId: 'C-21',
      subjectId: r.id,
      roundId: r.id,
      startedOn: almatyDate(new Date(r.protocol!.receivedAt)),
      dueDate: r.publicationDueOn!,
      status: 'open',
      overdue: r.publicationOverdue || r.publicationDueOn! < today,
    }));
    return [...checks, ...transfers, ...expertSteps, ...publications];
  }

  /** C-21: the public results page of a round, once published (404 before). */
  /**
   * C-19, C-20: the round's Commission — its composition, the votes per application (live until the
   * decision, then as the protocol recorded them) and the protocol. For the organiser and the Commission.
   */
  async commission(roundId: string): Promise<CommissionView> {
    const r = await this.readModel.round(roundId);
    if (!r) throw new NotFoundError('round', roundId);
    const apps = new Map((await this.readModel.applications({ roundId })).map((a) => [a.id, a]));
    const before = r.comparativeAssessment?.ranking.map((x) => x.applicationId) ?? [];
    const tallies =
      r.protocol?.votes ??
      (r.commission && r.opinionsAtCommission ? tallyCommissionVotes(r.commission.members, before, (await this.readModel.votes(r.id)).map(recorded)) : []);
    return {
      roundId: r.id,
      status: r.status,
      composition: r.commission
        ? {
            decisionRef: r.commission.decisionRef,
            decisionDocumentId: r.commission.decisionDocumentId ?? null,
            members: [...r.commission.members],
            formedBy: r.commission.formedBy,
            formedAt: r.commission.formedAt,
          }
        : null,
      beforeCommission: r.opinionsAtCommission !== null,
      quorum: r.commission ? quorumOf(r.commission.members.length) : null,
      tallies: tallies.map((t) => ({
        ...t,
        bin: apps.get(t.applicationId)?.bin ?? '',
        clusterName: apps.get(t.applicationId)?.content.form.clusterName ?? '',
      })),
      protocol: r.protocol
        ? {
            number: r.protocol.number,
            decidedOn: r.protocol.decidedOn,
            documentRef: r.protocol.documentRef,
            documentId: r.protocol.documentId ?? null,
            receivedAt: r.protocol.receivedAt,
            recordedBy: r.protocol.recordedBy ?? null,
            winners: [...r.winners],
          }
        : null,
    };
  }

  async results(roundId: string): Promise<ResultsView> {
    const r = await this.readModel.round(roundId);
    if (!r || r.status !== 'results-published' || !r.protocol || !r.resultsPublishedAt) throw new NotFoundError('results', roundId);
    return {
      roundId: r.id,
      ruleSetId: r.ruleSetId,
      title: r.title,
      protocolNumber: r.protocol.number,
      decidedOn: r.protocol.decidedOn,
      publishedAt: r.resultsPublishedAt.toISOString(),
      winners: r.winners,
    };
  }

  private roundView(r: SelectionRound): RoundView {
    return {
      id: r.id,
      ruleSetId: r.ruleSetId,
      title: r.title,
      description: r.description,
      status: r.status,
      announcedAt: r.announcedAt.toISOString(),
      announcedOn: r.announcedOn,
      applicationDeadline: r.applicationDeadline.toISOString(),
      acceptingApplications: this.clock.now().getTime() < r.applicationDeadline.getTime(),
      expertStage: {
        opinionsDueOn: r.opinionsDueOn,
        opinionsCompletedAt: r.comparativeAssessment?.givenAt ?? null,
        opinionsToOrganiserDueOn: r.opinionsToOrganiserDueOn,
        opinionsAtOrganiserAt: r.opinionsAtOrganiser?.at ?? null,
        toCommissionDueOn: r.toCommissionDueOn,
        opinionsAtCommissionAt: r.opinionsAtCommission?.at ?? null,
      },
    };
  }
}

const applicationView = (a: SelectionApplication, withOpinion: boolean): ApplicationView => ({
  id: a.id,
  roundId: a.roundId,
  bin: a.bin,
  status: a.status,
  revision: a.revision,
  content: a.content,
  filedAt: a.filedAt.toISOString(),
  filedOn: a.filedOn,
  complianceDueOn: a.complianceDueOn,
  complianceOverdue: a.complianceOverdue,
  returnNotice: a.returnNotice,
  instituteDueOn: a.instituteDueOn,
  instituteOverdue: a.instituteOverdue,
  sentToInstituteAt: a.sentToInstituteAt?.toISOString() ?? null,
  ...(withOpinion ? { expertOpinion: a.expertOpinion } : {}),
});
