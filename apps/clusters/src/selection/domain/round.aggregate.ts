import { type IsoDate, almatyDate } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, RuleViolationError, ValidationError } from '@hub/kernel';
import type { Mutable } from './mutable.js';
import { type SelectionRuleSet, assertRuleSetOpenForNewRounds } from './rule-set.js';
import { assertAnnouncementLead } from './rules/announcement-lead.rule.js';
import { type RankedApplication, assertComparativeAssessment } from './rules/expert-analysis.rule.js';
import { assertOpinionsReadyForCommission, assertOpinionsReadyForOrganiser } from './rules/opinions-hand-over.rule.js';
import { type ApplicationTally, type CommissionSeat, assertCommissionComposition } from './rules/commission-decision.rule.js';
import type { SelectionEvent, Winner } from './selection.events.js';

export type RoundStatus = 'announced' | 'winners-decided' | 'results-published';

export interface CommissionProtocol {
  readonly number: string;
  readonly decidedOn: IsoDate;
  readonly documentRef: string;
  /** ADR 0113: the Commission's signed protocol in documents (an office's document), when named by id. */
  readonly documentId?: string | null;
  readonly receivedAt: string;
  /** C-19, C-20 (ADR 0083): the votes of each member on each application before the Commission, with the tally; absent on protocols recorded before votes were kept. */
  readonly votes?: readonly ApplicationTally[];
  /** The Commission's composition when it decided (C-2, C-19). */
  readonly composition?: readonly CommissionSeat[];
  /** Who recorded the protocol (the Commission's secretary). */
  readonly recordedBy?: string;
}

/** C-2, C-19: the round's Commission, formed by the organiser's decision (ADR 0083). */
export interface CommissionComposition {
  readonly members: readonly CommissionSeat[];
  readonly decisionRef: string;
  /** ADR 0113: the organiser's decision in documents, when named by id. */
  readonly decisionDocumentId?: string | null;
  readonly formedBy: string;
  readonly formedAt: string;
}

/** C-14: the institute's comparative assessment across the round's applications. */
export interface ComparativeAssessment {
  readonly summary: string;
  readonly ranking: readonly RankedApplication[];
  readonly givenBy: string;
  readonly givenAt: string;
}

/** A recorded hand-over of the opinions (C-17 to the organiser, C-18 to the Commission). */
export interface OpinionsHandOver {
  readonly documentRef: string;
  /** ADR 0113: the covering letter in documents (an office's document), when named by id. */
  readonly documentId?: string | null;
  readonly by: string;
  readonly at: string;
}

/**
 * A round of the competitive selection of territorial clusters (C-3 … C-5): the organiser decides
 * to hold it and announces it with the application deadline (an instant, Asia/Almaty). It runs
 * under one rule set for its whole life (ADR 0080), even after that set is repealed.
 */
export class SelectionRound extends AggregateRoot<SelectionEvent> {
  readonly id!: string;
  readonly ruleSetId!: string;
  readonly title!: string;
  readonly description!: string;
  readonly status!: RoundStatus;
  readonly announcedAt!: Date;
  readonly announcedOn!: IsoDate;
  readonly applicationDeadline!: Date;
  readonly deadlineOn!: IsoDate;
  readonly announcedBy!: string;
  readonly protocol!: CommissionProtocol | null;
  readonly winners!: readonly Winner[];
  readonly publicationDueOn!: IsoDate | null;
  readonly publicationOverdue!: boolean;
  readonly resultsPublishedAt!: Date | null;
  /** C-16: the last day of the institute's analysis (deadline day + the set's calendar days); set when the first application goes to it. */
  readonly opinionsDueOn!: IsoDate | null;
  readonly opinionsOverdue!: boolean;
  readonly comparativeAssessment!: ComparativeAssessment | null;
  /** C-17 */
  readonly opinionsToOrganiserDueOn!: IsoDate | null;
  readonly opinionsToOrganiserOverdue!: boolean;
  readonly opinionsAtOrganiser!: OpinionsHandOver | null;
  /** C-18 */
  readonly toCommissionDueOn!: IsoDate | null;
  readonly toCommissionOverdue!: boolean;
  readonly opinionsAtCommission!: OpinionsHandOver | null;
  /** C-19: the Commission's composition (ADR 0083). */
  readonly commission!: CommissionComposition | null;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  static announce(input: {
    id: string;
    ruleSet: SelectionRuleSet;
    title: string;
    description: string;
    applicationDeadline: Date;
    announcedBy: string;
    at: Date;
  }): SelectionRound {
    const title = input.title.trim();
    if (title.length < 3) throw ValidationError.field('title', 'name the round in a few words');
    const announcedOn = almatyDate(input.at);
    assertRuleSetOpenForNewRounds(input.ruleSet, announcedOn); // C-3, ADR 0080
    const deadlineOn = almatyDate(input.applicationDeadline);
    assertAnnouncementLead(announcedOn, deadlineOn, input.ruleSet.announcementLeadCalendarDays); // C-5
    const r = new SelectionRound();
    Object.assign(r, {
      id: input.id,
      ruleSetId: input.ruleSet.id,
      title,
      description: input.description.trim(),
      status: 'announced',
      announcedAt: input.at,
      announcedOn,
      applicationDeadline: input.applicationDeadline,
      deadlineOn,
      announcedBy: input.announcedBy,
      protocol: null,
      winners: [],
      publicationDueOn: null,
      publicationOverdue: false,
      resultsPublishedAt: null,
      opinionsDueOn: null,
      opinionsOverdue: false,
      comparativeAssessment: null,
      opinionsToOrganiserDueOn: null,
      opinionsToOrganiserOverdue: false,
      opinionsAtOrganiser: null,
      toCommissionDueOn: null,
      toCommissionOverdue: false,
      opinionsAtCommission: null,
      commission: null,
      createdAt: input.at,
      updatedAt: input.at,
    });
    r.record({
      name: 'RoundAnnounced',
      aggregateId: input.id,
      occurredAt: input.at,
      ruleSetId: input.ruleSet.id,
      title,
      announcedOn,
      applicationDeadline: input.applicationDeadline,
    });
    return r;
  }

  private get m(): Mutable<SelectionRound> {
    return this;
  }

  /**
   * C-13, C-16, C-17: the first application sent to the institute opens the expert stage — its
   * analysis period (C-16) and the hand-over to the organiser (C-17). Returns false when it was open.
   */
  openExpertStage(input: { opinionsDueOn: IsoDate; opinionsToOrganiserDueOn: IsoDate; at: Date }): boolean {
    if (this.opinionsDueOn !== null) return false;
    if (this.status !== 'announced') throw new IllegalStateError('round', this.status, 'send applications to the institute', 'the Commission has decided');
    this.m.opinionsDueOn = input.opinionsDueOn;
    this.m.opinionsToOrganiserDueOn = input.opinionsToOrganiserDueOn;
    this.m.updatedAt = input.at;
    return true;
  }

  /**
   * C-14, C-16: the institute's comparative assessment across the round's applications before it;
   * it completes the analysis (every application has its opinion). Only after the application
   * deadline (no application can join later) and once.
   */
  giveComparativeAssessment(input: {
    summary: string;
    ranking: readonly RankedApplication[];
    underReview: readonly { id: string; hasOpinion: boolean }[];
    uncheckedOrUnsent: readonly string[];
    by: string;
    at: Date;
  }): void {
    if (this.opinionsDueOn === null)
      throw new IllegalStateError('round', this.status, 'compare the applications of', 'C-13: no application has been sent to the institute');
    if (this.comparativeAssessment !== null) throw new IllegalStateError('round', 'compared', 'compare the applications of', 'the comparison is given once');
    if (input.at.getTime() < this.applicationDeadline.getTime())
      throw new RuleViolationError('C-14', 'the applications are compared after the application deadline, when no other can join', { field: 'ranking' });
    if (input.uncheckedOrUnsent.length > 0)
      throw new RuleViolationError('C-14', `applications still to be checked (C-12) or sent to the institute (C-13): ${input.uncheckedOrUnsent.join(', ')}`, {
        field: 'ranking',
        waiting: input.uncheckedOrUnsent,
      });
    assertComparativeAssessment(input.underReview, input.ranking);
    const ranking = [...input.ranking].sort((a, b) => a.rank - b.rank);
    this.m.comparativeAssessment = { summary: input.summary, ranking, givenBy: input.by, givenAt: input.at.toISOString() };
    this.m.updatedAt = input.at;
    this.record({
      name: 'ComparativeAssessmentGiven',
      aggregateId: this.id,
      occurredAt: input.at,
      ranking: ranking.map((r) => ({ applicationId: r.applicationId, rank: r.rank })),
      opinionsDueOn: this.opinionsDueOn,
    });
  }

  /** C-17: the institute hands the opinions on each application to the organiser (a recorded hand-over); C-18's period starts. */
  handOpinionsToOrganiser(input: {
    documentRef: string;
    documentId?: string | null;
    by: string;
    toCommissionDueOn: (receivedOn: IsoDate) => IsoDate;
    at: Date;
  }): void {
    assertOpinionsReadyForOrganiser(this.comparativeAssessment !== null, this.opinionsAtOrganiser?.at ? new Date(this.opinionsAtOrganiser.at) : null);
    const dueOn = input.toCommissionDueOn(almatyDate(input.at)); // C-18
    this.m.opinionsAtOrganiser = { documentRef: input.documentRef, documentId: input.documentId ?? null, by: input.by, at: input.at.toISOString() };
    this.m.toCommissionDueOn = dueOn;
    this.m.updatedAt = input.at;
    this.record({
      name: 'OpinionsForwarded',
      aggregateId: this.id,
      occurredAt: input.at,
      ruleId: 'C-17',
      recipient: 'organiser',
      documentRef: input.documentRef,
      documentId: input.documentId ?? null,
      applicationIds: this.comparativeAssessment!.ranking.map((r) => r.applicationId),
      dueOn: this.opinionsToOrganiserDueOn!,
      nextDueOn: dueOn,
    });
  }

  /** C-18: the organiser puts the applications' materials and the opinions before the Commission (a recorded hand-over). */
  putOpinionsBeforeCommission(input: { documentRef: string; documentId?: string | null; by: string; at: Date }): void {
    assertOpinionsReadyForCommission(
      this.opinionsAtOrganiser ? new Date(this.opinionsAtOrganiser.at) : null,
      this.opinionsAtCommission ? new Date(this.opinionsAtCommission.at) : null,
    );
    this.m.opinionsAtCommission = { documentRef: input.documentRef, documentId: input.documentId ?? null, by: input.by, at: input.at.toISOString() };
    this.m.updatedAt = input.at;
    this.record({
      name: 'OpinionsForwarded',
      aggregateId: this.id,
      occurredAt: input.at,
      ruleId: 'C-18',
      recipient: 'commission',
      documentRef: input.documentRef,
      documentId: input.documentId ?? null,
      applicationIds: this.comparativeAssessment!.ranking.map((r) => r.applicationId),
      dueOn: this.toCommissionDueOn!,
      nextDueOn: null,
    });
  }

  /** The C-16, C-17 and C-18 timers: a step still open at the end of its last day is overdue. Idempotent. */
  markExpertStepOverdue(step: 'expert-opinions' | 'opinions-to-organiser' | 'opinions-to-commission', at: Date): void {
    const s =
      step === 'expert-opinions'
        ? { ruleId: 'C-16' as const, open: this.comparativeAssessment === null, flagged: this.opinionsOverdue, dueOn: this.opinionsDueOn }
        : step === 'opinions-to-organiser'
          ? { ruleId: 'C-17' as const, open: this.opinionsAtOrganiser === null, flagged: this.opinionsToOrganiserOverdue, dueOn: this.opinionsToOrganiserDueOn }
          : { ruleId: 'C-18' as const, open: this.opinionsAtCommission === null, flagged: this.toCommissionOverdue, dueOn: this.toCommissionDueOn };
    if (!s.open || s.flagged || s.dueOn === null || this.status !== 'announced') return;
    if (step === 'expert-opinions') this.m.opinionsOverdue = true;
    else if (step === 'opinions-to-organiser') this.m.opinionsToOrganiserOverdue = true;
    else this.m.toCommissionOverdue = true;
    this.m.updatedAt = at;
    this.record({
      name: 'ExpertStageOverdue',
      aggregateId: this.id,
      occurredAt: at,
      ruleId: s.ruleId,
      step,
      roundId: this.id,
      applicationId: null,
      dueOn: s.dueOn,
    });
  }

  /**
   * C-2, C-19 (ADR 0083): the organiser forms the round's Commission — at least three members from the
   * C-2 bodies. It may be formed again until the first vote is cast; after it the composition that
   * votes is the one that decides.
   */
  /** ADR 0122: a step of this round recorded an office's document by id (`usedFor`: `clusters/<step>/<roundId>`). */
  noteOfficeDocumentUsed(input: { documentId: string; office: string; kind: string; ruleId: string; usedFor: string; at: Date }): void {
    this.record({
      name: 'OfficeDocumentUsed',
      aggregateId: this.id,
      occurredAt: input.at,
      documentId: input.documentId,
      office: input.office,
      kind: input.kind,
      ruleId: input.ruleId,
      usedFor: input.usedFor,
    });
  }

  formCommission(input: {
    members: readonly CommissionSeat[];
    decisionRef: string;
    decisionDocumentId?: string | null;
    by: string;
    votesCast: number;
    at: Date;
  }): void {
    if (this.status !== 'announced') throw new IllegalStateError('round', this.status, 'form the Commission of', 'the Commission has decided');
    if (input.votesCast > 0)
      throw new IllegalStateError('round', 'voting', 'form the Commission of', `C-19: ${input.votesCast} vote(s) already cast by the composition in office`);
    assertCommissionComposition(input.members);
    this.m.commission = {
      members: input.members,
      decisionRef: input.decisionRef,
      decisionDocumentId: input.decisionDocumentId ?? null,
      formedBy: input.by,
      formedAt: input.at.toISOString(),
    };
    this.m.updatedAt = input.at;
  }

  /**
   * C-18: the applications before the Commission — those the institute compared, once the organiser put the
   * materials and opinions before it (none before that). What a member may vote on (`assertMayVote`).
   */
  get applicationsBeforeCommission(): string[] {
    if (this.opinionsAtCommission === null) return [];
    return (this.comparativeAssessment?.ranking ?? []).map((r) => r.applicationId);
  }

  /**
   * C-18, C-19: a member of the round's Commission votes on an application before it — only once the
   * materials and opinions reached the Commission, and before its decision. Returns the member's seat.
   */
  assertMayVote(subject: string, applicationId: string): CommissionSeat {
    if (this.status !== 'announced') throw new IllegalStateError('round', this.status, 'vote in', 'C-20: the Commission has decided');
    const seat = this.commission?.members.find((s) => s.subject === subject);
    if (!seat) throw new RuleViolationError('C-19', "only a member of the round's Commission votes", { field: 'subject' });
    if (this.opinionsAtCommission === null)
      throw new IllegalStateError('round', this.status, 'vote in', "C-18: the materials and the institute's opinions have not been put before the Commission");
    if (!this.comparativeAssessment?.ranking.some((r) => r.applicationId === applicationId))
      throw ValidationError.field('applicationId', 'C-18: the application is not before the Commission (compliant, with the institute opinion)');
    return seat;
  }

  /**
   * C-18, C-19: the Commission decides once, after the application deadline, and — when the round has
   * compliant applications — only on the materials and opinions put before it (C-18).
   */
  assertCommissionMayDecide(at: Date, compliantApplications: number): void {
    if (this.status !== 'announced') throw new IllegalStateError('round', this.status, 'record the protocol', 'the Commission decides once');
    if (at.getTime() < this.applicationDeadline.getTime())
      throw new RuleViolationError('C-19', 'the Commission decides on the winners after the application deadline', { field: 'decidedOn' });
    if (compliantApplications > 0 && this.opinionsAtCommission === null)
      throw new RuleViolationError(
        'C-18',
        "the Commission decides on the applications' materials and the institute's opinions put before it: they have not reached it",
        {
          field: 'winnerApplicationIds',
        },
      );
  }

  /**
   * C-19, C-20: the organiser receives the Commission's decision on the winners as a protocol; the
   * results are then published within the set's working days (C-21, `publicationDueOn`). Only after
   * the application deadline, and only once.
   */
  recordProtocol(input: {
    protocol: Omit<CommissionProtocol, 'receivedAt' | 'composition'>;
    winners: readonly Winner[];
    /** Applications of the round found compliant (C-12): they reach the Commission only with their opinions (C-18). */
    compliantApplications: number;
    publicationDueOn: (receivedOn: IsoDate) => IsoDate;
    at: Date;
  }): void {
    this.assertCommissionMayDecide(input.at, input.compliantApplications);
    if (this.opinionsAtCommission !== null && input.protocol.decidedOn < almatyDate(new Date(this.opinionsAtCommission.at)))
      throw ValidationError.field(
        'decidedOn',
        `C-18: the decision cannot predate the day the opinions reached the Commission (${almatyDate(new Date(this.opinionsAtCommission.at))})`,
      );
    if (input.protocol.decidedOn < this.deadlineOn)
      throw ValidationError.field('decidedOn', `C-19: the decision cannot predate the deadline day ${this.deadlineOn}`);
    if (input.protocol.decidedOn > almatyDate(input.at)) throw ValidationError.field('decidedOn', 'the decision cannot be in the future');
    const publicationDueOn = input.publicationDueOn(almatyDate(input.at));
    this.m.status = 'winners-decided';
    this.m.protocol = {
      ...input.protocol,
      ...(this.commission ? { composition: this.commission.members } : {}),
      receivedAt: input.at.toISOString(),
    };
    this.m.winners = input.winners;
    this.m.publicationDueOn = publicationDueOn;
    this.m.updatedAt = input.at;
    this.record({
      name: 'WinnersDecided',
      aggregateId: this.id,
      occurredAt: input.at,
      protocolNumber: input.protocol.number,
      decidedOn: input.protocol.decidedOn,
      winners: input.winners,
      publicationDueOn,
    });
  }

  /** C-21: the organiser publishes the results (the public results page). */
  publishResults(at: Date): void {
    if (this.status !== 'winners-decided' || !this.protocol)
      throw new IllegalStateError('round', this.status, 'publish the results', 'the Commission protocol comes first (C-20)');
    this.m.status = 'results-published';
    this.m.resultsPublishedAt = at;
    this.m.updatedAt = at;
    this.record({
      name: 'ResultsPublished',
      aggregateId: this.id,
      occurredAt: at,
      ruleSetId: this.ruleSetId,
      protocolNumber: this.protocol.number,
      winners: this.winners,
    });
  }

  /** The C-21 timer: the publication period ended with the results unpublished. Idempotent. */
  markPublicationOverdue(at: Date): void {
    if (this.status !== 'winners-decided' || this.publicationOverdue || !this.publicationDueOn) return;
    this.m.publicationOverdue = true;
    this.m.updatedAt = at;
    this.record({ name: 'PublicationOverdue', aggregateId: this.id, occurredAt: at, publicationDueOn: this.publicationDueOn });
  }
}
