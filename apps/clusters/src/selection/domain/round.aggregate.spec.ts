import { describe, expect, it } from 'vitest';
import { IllegalStateError, RuleViolationError, ValidationError } from '@hub/kernel';
import { loadRuleSets } from '../infrastructure/selection.providers.js';
import { ruleSetById } from './rule-set.js';
import { SelectionRound } from './round.aggregate.js';

const set = { ...ruleSetById(loadRuleSets(), 'kz-2015-1212'), repealedFrom: null }; // the 2015 parameters, not repealed
const deadline = new Date('2027-01-15T13:00:00Z');
const announce = (at = new Date('2026-11-16T04:00:00Z')) =>
  SelectionRound.announce({ id: 'r1', ruleSet: set, title: 'Round', description: '', applicationDeadline: deadline, announcedBy: 'org', at });
const protocol = { number: 'P-1', decidedOn: '2027-01-20', documentRef: 'doc' };
const winners = [{ applicationId: 'a1', bin: '150340004242', clusterName: 'Cluster' }];
const plus3wd = () => '2027-01-25';

describe('SelectionRound', () => {
  it('C-3: records RoundAnnounced with the set and the deadline', () => {
    const r = announce();
    expect(r.pullEvents().map((e) => e.name)).toEqual(['RoundAnnounced']);
    expect(r).toMatchObject({ ruleSetId: 'kz-2015-1212', announcedOn: '2026-11-16', deadlineOn: '2027-01-15', status: 'announced' });
  });

  it('C-3: the real 2015 set (repealed) runs no new round', () => {
    expect(() =>
      SelectionRound.announce({
        id: 'r2',
        ruleSet: ruleSetById(loadRuleSets(), 'kz-2015-1212'),
        title: 'Round',
        description: '',
        applicationDeadline: deadline,
        announcedBy: 'org',
        at: new Date('2026-11-16T04:00:00Z'),
      }),
    ).toThrow(RuleViolationError);
  });

  it('C-19: no protocol before the deadline instant, nor one dated before the deadline day or in the future', () => {
    const r = announce();
    expect(() => r.recordProtocol({ protocol, winners, compliantApplications: 0, publicationDueOn: plus3wd, at: new Date(deadline.getTime() - 1) })).toThrow(
      /C-19/,
    );
    expect(() =>
      r.recordProtocol({
        protocol: { ...protocol, decidedOn: '2027-01-14' },
        winners,
        compliantApplications: 0,
        publicationDueOn: plus3wd,
        at: new Date('2027-01-20T05:00:00Z'),
      }),
    ).toThrow(ValidationError);
    expect(() =>
      r.recordProtocol({
        protocol: { ...protocol, decidedOn: '2027-01-21' },
        winners,
        compliantApplications: 0,
        publicationDueOn: plus3wd,
        at: new Date('2027-01-20T05:00:00Z'),
      }),
    ).toThrow(ValidationError);
  });

  it('C-20, C-21: the protocol sets the publication day; publishing once; the timer marks an unpublished round overdue, idempotently', () => {
    const r = announce();
    r.pullEvents();
    expect(() => r.publishResults(new Date('2027-01-20T05:00:00Z'))).toThrow(IllegalStateError);
    r.recordProtocol({
      protocol,
      winners,
      compliantApplications: 0,
      publicationDueOn: (d) => (d === '2027-01-20' ? '2027-01-25' : 'wrong'),
      at: new Date('2027-01-20T05:00:00Z'),
    });
    expect(r).toMatchObject({ status: 'winners-decided', publicationDueOn: '2027-01-25' });
    r.markPublicationOverdue(new Date('2027-01-25T19:00:01Z'));
    r.markPublicationOverdue(new Date('2027-01-26T19:00:01Z'));
    expect(r.pullEvents().map((e) => e.name)).toEqual(['WinnersDecided', 'PublicationOverdue']);
    r.publishResults(new Date('2027-01-27T05:00:00Z'));
    expect(r.status).toBe('results-published');
    expect(() => r.publishResults(new Date('2027-01-27T06:00:00Z'))).toThrow(IllegalStateError);
    r.markPublicationOverdue(new Date('2027-01-28T00:00:00Z'));
    expect(r.pullEvents().map((e) => e.name)).toEqual(['ResultsPublished']);
  });

  it('C-16 … C-18: the expert stage opens once; the Commission decides on compliant applications only once the opinions are before it; each step marks overdue once', () => {
    const r = announce();
    r.pullEvents();
    const at = new Date('2027-01-20T05:00:00Z');
    expect(() => r.recordProtocol({ protocol, winners, compliantApplications: 1, publicationDueOn: plus3wd, at })).toThrow(/C-18/);
    expect(r.openExpertStage({ opinionsDueOn: '2027-03-16', opinionsToOrganiserDueOn: '2027-03-26', at: new Date('2026-11-20T05:00:00Z') })).toBe(true);
    expect(r.openExpertStage({ opinionsDueOn: '2099-01-01', opinionsToOrganiserDueOn: '2099-01-01', at })).toBe(false);
    expect(r.opinionsDueOn).toBe('2027-03-16');
    r.markExpertStepOverdue('expert-opinions', new Date('2027-03-16T19:00:01Z'));
    r.markExpertStepOverdue('expert-opinions', new Date('2027-03-17T19:00:01Z'));
    r.markExpertStepOverdue('opinions-to-commission', new Date('2027-03-17T19:00:01Z')); // no due day yet: nothing
    expect(r.pullEvents()).toEqual([expect.objectContaining({ name: 'ExpertStageOverdue', ruleId: 'C-16', dueOn: '2027-03-16' })]);
    expect(() => r.handOpinionsToOrganiser({ documentRef: 'l', by: 'e', toCommissionDueOn: () => '2027-03-23', at })).toThrow(IllegalStateError);
    r.giveComparativeAssessment({
      summary: 's',
      ranking: [{ applicationId: 'a1', rank: 1 }],
      underReview: [{ id: 'a1', hasOpinion: true }],
      uncheckedOrUnsent: [],
      by: 'e',
      at: new Date('2027-03-18T05:00:00Z'),
    });
    r.handOpinionsToOrganiser({
      documentRef: 'l',
      by: 'e',
      toCommissionDueOn: (d) => (d === '2027-03-18' ? '2027-03-23' : 'wrong'),
      at: new Date('2027-03-18T06:00:00Z'),
    });
    expect(r.toCommissionDueOn).toBe('2027-03-23');
    expect(() => r.recordProtocol({ protocol, winners, compliantApplications: 1, publicationDueOn: plus3wd, at })).toThrow(/C-18/);
    r.putOpinionsBeforeCommission({ documentRef: 'c', by: 'o', at: new Date('2027-03-19T05:00:00Z') });
    // The decision cannot predate the day the opinions reached the Commission.
    expect(() =>
      r.recordProtocol({
        protocol: { ...protocol, decidedOn: '2027-03-18' },
        winners,
        compliantApplications: 1,
        publicationDueOn: plus3wd,
        at: new Date('2027-03-19T06:00:00Z'),
      }),
    ).toThrow(ValidationError);
    r.recordProtocol({
      protocol: { ...protocol, decidedOn: '2027-03-19' },
      winners,
      compliantApplications: 1,
      publicationDueOn: plus3wd,
      at: new Date('2027-03-19T06:00:00Z'),
    });
    expect(r.status).toBe('winners-decided');
  });
});
