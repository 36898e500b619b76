import { type IsoDate, almatyDate } from '@hub/calendar';
import { AggregateRoot, ValidationError } from '@hub/kernel';
import { type SelectionRuleSet, assertRuleSetOpenForNewRounds } from './rule-set.js';
import { assertAnnouncementLead } from './rules/announcement-lead.rule.js';
import type { SelectionEvent } from './selection.events.js';

export type RoundStatus = 'announced';

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
}
