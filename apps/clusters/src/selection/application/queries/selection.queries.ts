import { Inject, Injectable } from '@nestjs/common';
import { almatyDate } from '@hub/calendar';
import { type Actor, CLUSTER_ORGANISER_ROLES, hasAnyRole } from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import type { SelectionApplication } from '../../domain/application.aggregate.js';
import { type SelectionRuleSet, inForceOn } from '../../domain/rule-set.js';
import type { SelectionRound } from '../../domain/round.aggregate.js';
import { RuleSetSource, SelectionReadModel } from '../ports/selection.ports.js';

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
  readonly kind: 'compliance-check' | 'results-publication';
  readonly ruleId: 'C-12' | 'C-21';
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

  async applications(actor: Actor, filter: { roundId?: string; bin?: string }): Promise<ApplicationView[]> {
    const organiser = hasAnyRole(actor, CLUSTER_ORGANISER_ROLES);
    const bins = organiser ? (filter.bin ? [filter.bin] : undefined) : actor.companies.filter((b) => !filter.bin || b === filter.bin);
    if (bins?.length === 0) return [];
    const rows = await this.readModel.applications({ ...(filter.roundId ? { roundId: filter.roundId } : {}), ...(bins ? { bins } : {}) });
    return rows.map(applicationView);
  }

  /** An application the actor may not see is answered as not found (its existence is not disclosed). */
  async application(id: string, actor: Actor): Promise<ApplicationView> {
    const a = await this.readModel.application(id);
    if (!a || (!hasAnyRole(actor, CLUSTER_ORGANISER_ROLES) && !actor.companies.includes(a.bin))) throw new NotFoundError('application', id);
    return applicationView(a);
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
    return [...checks, ...publications];
  }

  /** C-21: the public results page of a round, once published (404 before). */
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
    };
  }
}

const applicationView = (a: SelectionApplication): ApplicationView => ({
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
});
