import { type IsoDate, almatyDate } from '@hub/calendar';
import { AggregateRoot, IllegalStateError, RuleViolationError, ValidationError } from '@hub/kernel';
import type { Mutable } from './mutable.js';
import { type SelectionRuleSet, assertRuleSetOpenForNewRounds } from './rule-set.js';
import { assertAnnouncementLead } from './rules/announcement-lead.rule.js';
import type { SelectionEvent, Winner } from './selection.events.js';

export type RoundStatus = 'announced' | 'winners-decided' | 'results-published';

export interface CommissionProtocol {
  readonly number: string;
  readonly decidedOn: IsoDate;
  readonly documentRef: string;
  readonly receivedAt: string;
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
   * C-19, C-20: the organiser receives the Commission's decision on the winners as a protocol; the
   * results are then published within the set's working days (C-21, `publicationDueOn`). Only after
   * the application deadline, and only once.
   */
  recordProtocol(input: {
    protocol: Omit<CommissionProtocol, 'receivedAt'>;
    winners: readonly Winner[];
    publicationDueOn: (receivedOn: IsoDate) => IsoDate;
    at: Date;
  }): void {
    if (this.status !== 'announced') throw new IllegalStateError('round', this.status, 'record the protocol', 'the Commission decides once');
    if (input.at.getTime() < this.applicationDeadline.getTime())
      throw new RuleViolationError('C-19', 'the Commission decides on the winners after the application deadline', { field: 'decidedOn' });
    if (input.protocol.decidedOn < this.deadlineOn)
      throw ValidationError.field('decidedOn', `C-19: the decision cannot predate the deadline day ${this.deadlineOn}`);
    if (input.protocol.decidedOn > almatyDate(input.at)) throw ValidationError.field('decidedOn', 'the decision cannot be in the future');
    const publicationDueOn = input.publicationDueOn(almatyDate(input.at));
    this.m.status = 'winners-decided';
    this.m.protocol = { ...input.protocol, receivedAt: input.at.toISOString() };
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
