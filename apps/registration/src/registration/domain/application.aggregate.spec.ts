import { describe, expect, it } from 'vitest';
import { makeBin } from '@hub/identifiers';
import { IllegalStateError, RuleViolationError, ValidationError } from '@hub/kernel';
import { referenceData } from '@hub/reference-data';
import { cleanDeclaration, sampleBusinessPlan, samplePlaceOfBusiness } from '../../cli/sample-data.js';
import { shippedActivityTypeList } from '../../../test/support/activity-type-list.js';
import { Application } from './application.aggregate.js';
import { applicationStateMachine } from './application-status.js';
import { evaluateEligibility } from './eligibility/eligibility-rule-set.js';

const catalogue = shippedActivityTypeList();
const bin = makeBin({ year: 2020, month: 3, serial: 555 });
const at = new Date('2026-11-20T05:00:00Z');
const by = 'applicant-1';
/** When the secretary records the protocols below (F-17: their dates may be earlier, never later). */
const decidedAt = new Date('2026-11-25T05:00:00Z');

function filledDraft(): Application {
  const app = Application.create({
    id: '018f0000-0000-7000-8000-000000000001',
    kind: 'registration',
    bin,
    companyName: 'Qazaq Soft LLP',
    address: 'Astana',
    language: 'ru',
    by,
    at,
  });
  app.editDraft(
    {
      activityTypes: [
        { code: 'PH-01', works: ['PH-01.1'] },
        { code: 'PH-02', works: ['PH-02.1'] },
      ],
      businessPlan: sampleBusinessPlan(['PH-01', 'PH-02']),
      taxCertificate: { issuedOn: '2026-11-18', debtTiyn: 0 },
      placeOfBusiness: samplePlaceOfBusiness(),
      eligibility: cleanDeclaration(),
    },
    at,
  );
  return app;
}
const evaluate = (app: Application, on = '2026-11-20') => {
  const i = app.eligibilityInputs();
  return evaluateEligibility({
    bin,
    kind: app.kind,
    filedOn: on,
    evaluatedOn: on,
    declaration: i.declaration,
    activityTypes: i.activityTypes,
    taxCertificate: i.taxCertificate,
    catalogue,
    reference: referenceData(),
  });
};
const submitted = () => {
  const app = filledDraft();
  app.submit(evaluate(app), catalogue, by, at, '2026-11-20', '2026-11-27');
  return app;
};
const withCommission = () => {
  const app = submitted();
  app.sendToCommission('officer', at, '2026-12-04');
  return app;
};

describe('Application state machine', () => {
  it('walks draft → submitted → remarks-issued → resubmitted → with-commission → registered → contract-signed → certificate-issued → listed', () => {
    const app = submitted();
    expect(app.status).toBe('submitted');
    const [remark] = app.issueRemarks([{ id: 'r1', field: 'businessPlan.clients', message: 'name the pilot clients' }], 'officer', at);
    expect(app.status).toBe('remarks-issued');
    app.editDraft({ businessPlan: { ...sampleBusinessPlan(['PH-01', 'PH-02']), clients: 'Magnum, Small, Galmart' } }, at);
    app.resubmit([{ remarkId: remark!.id, answer: 'named them' }], evaluate(app), catalogue, by, at, '2026-11-27');
    expect(app.status).toBe('resubmitted');
    app.sendToCommission('officer', at, '2026-12-04');
    app.castVote({ member: 'm1', vote: 'register', grounds: [] }, at);
    app.decide(
      { decision: 'register', grounds: [], protocolNumber: 'CP-1', decidedOn: '2026-11-25', notificationDueDate: '2026-12-02' },
      'secretary',
      decidedAt,
    );
    expect(app.status).toBe('registered');
    expect(
      app.signContract({ number: 'C-1', signedOn: '2026-11-26' }, { today: '2026-11-26', minimumTermMonths: 12 }, 'AH-2026-00001', 'p1', 'officer', at),
    ).toMatchObject({ termStart: '2026-11-26', termEnd: '2027-11-25' });
    app.issueCertificate('2026-11-27', 'officer', at);
    app.listInRegistry('2026-11-27', 'officer', at);
    expect(app.status).toBe('listed');
    expect(app.history.map((h) => h.to)).toEqual([
      'draft',
      'submitted',
      'remarks-issued',
      'resubmitted',
      'with-commission',
      'registered',
      'contract-signed',
      'certificate-issued',
      'listed',
    ]);
    const events = app.pullEvents();
    // issue #16, ADR 0121: the filing and the resubmission name the person who filed (the application's contact, F-8)
    expect(events.filter((e) => e.name === 'ApplicationSubmitted' || e.name === 'ApplicationResubmitted').map((e) => 'filedBy' in e && e.filedBy)).toEqual([
      by,
      by,
    ]);
    expect(events.map((e) => e.name)).toEqual([
      'ApplicationSubmitted',
      'RemarksIssued',
      'ApplicationResubmitted',
      'SentToCommission',
      'CommissionVoteCast',
      'DecisionRecorded',
      'ContractSigned',
      'ApplicationCertificateIssued',
      'ApplicationListed',
    ]);
  });

  it('an illegal command fails with IllegalStateError naming the current state', () => {
    const app = filledDraft();
    expect(() => app.sendToCommission('officer', at, '2026-12-04')).toThrow(IllegalStateError);
    expect(() => app.sendToCommission('officer', at, '2026-12-04')).toThrow(/state 'draft'/);
    const s = submitted();
    expect(() => s.issueCertificate('2026-11-20', 'o', at)).toThrow(/state 'submitted'/);
    expect(() => s.editDraft({ companyName: 'x' }, at)).toThrow(/state 'submitted'/);
    expect(applicationStateMachine.allowedCommands('listed')).toEqual(['record-notification']);
  });

  it('F-20: an activity-change application ends with the decision: no contract or certificate', () => {
    const app = Application.create({
      id: '018f0000-0000-7000-8000-000000000002',
      kind: 'activity-change',
      bin,
      companyName: 'Q',
      address: 'A',
      language: 'kk',
      participantId: 'p1',
      by,
      at,
    });
    app.editDraft({ activityTypes: [{ code: 'PH-03', works: ['PH-03.1'] }], businessPlan: sampleBusinessPlan(['PH-03']), eligibility: cleanDeclaration() }, at);
    app.submit(evaluate(app), catalogue, by, at, '2026-11-20', '2026-11-27');
    app.sendToCommission('o', at, '2026-12-04');
    app.castVote({ member: 'm1', vote: 'register', grounds: [] }, at);
    app.decide({ decision: 'register', grounds: [], protocolNumber: 'CP-2', decidedOn: '2026-11-21', notificationDueDate: '2026-12-02' }, 's', decidedAt);
    expect(() => app.signContract({ number: 'x', signedOn: '2026-11-22' }, { today: '2026-11-22', minimumTermMonths: 12 }, 'AH', 'p', 'o', at)).toThrow(
      /activity-change application ends/,
    );
  });
});

describe('Filing (F-9, Annex 1)', () => {
  it('F-9(1): an incomplete Annex 1 business plan names every missing item', () => {
    const app = filledDraft();
    const plan = sampleBusinessPlan(['PH-01', 'PH-02']);
    app.editDraft({ businessPlan: { ...plan, clients: ' ', projects: [plan.projects[0]!] } }, at);
    try {
      app.submit(evaluate(app), catalogue, by, at, '2026-11-20', '2026-11-27');
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const paths = (e as ValidationError).issues.map((i) => i.path);
      expect(paths).toContain('businessPlan.clients');
      expect((e as ValidationError).issues.map((i) => i.message)).toContain('Annex 1: no project block for activity type PH-02');
    }
    expect(app.status).toBe('draft');
  });

  it('Annex 1 (footnote): with several activity types, one OR MORE projects under each type are accepted', () => {
    const app = filledDraft();
    const plan = sampleBusinessPlan(['PH-01', 'PH-02']);
    app.editDraft({ businessPlan: { ...plan, projects: [...plan.projects, { ...plan.projects[0]!, name: 'A second PH-01 project' }] } }, at);
    expect(app.completenessIssues(catalogue)).toEqual([]);
    app.submit(evaluate(app), catalogue, by, at, '2026-11-20', '2026-11-27');
    expect(app.status).toBe('submitted');
  });

  it('Annex 1: all 11 items are required on a fresh plan', () => {
    const app = filledDraft();
    app.editDraft({ businessPlan: { projects: [{ activityTypeCode: 'PH-01' }, { activityTypeCode: 'PH-02' }] } }, at);
    const issues = app.completenessIssues(catalogue).map((i) => i.message);
    for (const item of ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)', '(11)'])
      expect(issues.some((m) => m.includes(`item ${item}`))).toBe(true);
  });

  it('F-9(2)/F-9(3): tax certificate and place-of-business proof are required for a registration', () => {
    const app = Application.create({
      id: '018f0000-0000-7000-8000-000000000003',
      kind: 'registration',
      bin,
      companyName: 'Q',
      address: 'A',
      language: 'ru',
      by,
      at,
    });
    const paths = app.completenessIssues(catalogue).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['taxCertificate', 'placeOfBusiness', 'activityTypes', 'eligibility', 'businessPlan']));
  });

  it('F-12/F-14/F-16: a failed F-7/F-9(2) check does not refuse the filing — it is filed, and the failures become proposed remarks (F-7(7): material for the Commission)', () => {
    const app = filledDraft();
    app.editDraft(
      {
        eligibility: { ...cleanDeclaration(), isExcisePayer: true },
        taxCertificate: { issuedOn: '2026-11-01', debtTiyn: 0 },
        activityTypes: [
          { code: 'PH-01', works: ['PH-01.1'] },
          { code: 'PH-02', works: ['PH-01.1'] },
        ],
      },
      at,
    );
    app.submit(evaluate(app), catalogue, by, at, '2026-11-20', '2026-11-27');
    expect(app.status).toBe('submitted');
    expect(app.eligibilityEvaluation?.eligible).toBe(false);
    expect(app.proposedRemarks).toEqual([
      expect.objectContaining({ ruleId: 'F-7(6)', field: 'eligibility.isExcisePayer', for: 'officer' }),
      expect.objectContaining({ ruleId: 'F-7(7)', for: 'commission', ground: 'activity-not-in-priority-list' }),
      expect.objectContaining({ ruleId: 'F-9(2)/age', field: 'taxCertificate.issuedOn', for: 'officer' }),
    ]);
    expect(app.pullEvents()).toEqual([expect.objectContaining({ name: 'ApplicationSubmitted', failedChecks: ['F-7(6)', 'F-7(7)', 'F-9(2)/age'] })]);
    const ok = submitted();
    expect(ok.proposedRemarks).toEqual([]);
    expect(ok.eligibilityEvaluation?.eligible).toBe(true);
    expect(ok.eligibilityEvaluation?.ruleSetVersion).toContain('fund-rules-703/2025');
  });

  it('F-14: remarks must point at a field of the application, and every open remark needs an answer to resubmit', () => {
    const app = submitted();
    expect(() => app.issueRemarks([{ id: 'x', field: 'shoeSize', message: 'm' }], 'o', at)).toThrow(/shoeSize is not a field/);
    app.issueRemarks(
      [
        { id: 'r1', field: 'taxCertificate', message: 'stale' },
        { id: 'r2', field: 'businessPlan.team', message: 'more detail' },
      ],
      'o',
      at,
    );
    expect(() => app.resubmit([{ remarkId: 'r1', answer: 'new one' }], evaluate(app), catalogue, by, at, '2026-11-27')).toThrow(
      /r2 \(businessPlan.team\) has no answer/,
    );
  });
});

describe('Commission (F-15, F-16)', () => {
  it('F-15: no decision without votes, and the decision follows the majority', () => {
    const app = withCommission();
    expect(() =>
      app.decide({ decision: 'register', grounds: [], protocolNumber: 'P', decidedOn: '2026-11-25', notificationDueDate: '2026-12-02' }, 's', decidedAt),
    ).toThrow(/no Commission member has voted/);
    app.castVote({ member: 'm1', vote: 'register', grounds: [] }, at);
    app.castVote({ member: 'm2', vote: 'refuse', grounds: ['activity-not-in-priority-list'] }, at);
    expect(() =>
      app.decide({ decision: 'register', grounds: [], protocolNumber: 'P', decidedOn: '2026-11-25', notificationDueDate: '2026-12-02' }, 's', decidedAt),
    ).toThrow(/tied/);
    app.castVote({ member: 'm1', vote: 'refuse', grounds: ['business-plan-not-per-annex-1'] }, at);
    expect(app.votes).toHaveLength(2);
    // Issue #16, ADR 0138 §2: every vote — the replacing one too — records who voted, never how
    expect(app.pullEvents().filter((e) => e.name === 'CommissionVoteCast')).toEqual(
      ['m1', 'm2', 'm1'].map((member) => ({ name: 'CommissionVoteCast', aggregateId: app.id, occurredAt: at, bin: app.bin, member })),
    );
    expect(() =>
      app.decide({ decision: 'register', grounds: [], protocolNumber: 'P', decidedOn: '2026-11-25', notificationDueDate: '2026-12-02' }, 's', decidedAt),
    ).toThrow(/contradicts the votes/);
  });

  it('F-16: a refusal names at least one ground with its reason, and is kept as a protocol with the votes', () => {
    const app = withCommission();
    app.castVote({ member: 'm1', vote: 'refuse', grounds: ['business-plan-not-per-annex-1'], comment: 'no KPIs' }, at);
    expect(() =>
      app.decide({ decision: 'refuse', grounds: [], protocolNumber: 'P', decidedOn: '2026-11-25', notificationDueDate: '2026-12-02' }, 's', decidedAt),
    ).toThrow(ValidationError);
    app.decide(
      {
        decision: 'refuse',
        grounds: [{ ground: 'business-plan-not-per-annex-1', reason: 'KPIs are missing' }],
        protocolNumber: 'CP-2026-00007',
        decidedOn: '2026-11-25',
        notificationDueDate: '2026-12-02',
      },
      's',
      decidedAt,
    );
    expect(app.status).toBe('refused');
    expect(app.decisionRecord).toMatchObject({ protocolNumber: 'CP-2026-00007', votes: [{ member: 'm1', vote: 'refuse' }] });
    expect(app.pullEvents().at(-1)).toMatchObject({
      name: 'DecisionRecorded',
      decision: 'refuse',
      grounds: ['business-plan-not-per-annex-1'],
      protocolNumber: 'CP-2026-00007',
      notificationDueDate: '2026-12-02',
    });
  });

  it('F-16: a vote to refuse names a ground', () => {
    expect(() => withCommission().castVote({ member: 'm1', vote: 'refuse', grounds: [] }, at)).toThrow(/F-16 ground/);
  });
});

describe('Contract (F-18, F-24) — the rules live in the aggregate', () => {
  const registered = () => {
    const app = withCommission();
    app.castVote({ member: 'm1', vote: 'register', grounds: [] }, at);
    app.decide({ decision: 'register', grounds: [], protocolNumber: 'CP-9', decidedOn: '2026-11-25', notificationDueDate: '2026-12-02' }, 's', decidedAt);
    return app;
  };

  it('F-18: the contract is not signed in the future, nor before the Commission decision (field errors on signedOn)', () => {
    const app = registered();
    expect(() => app.signContract({ number: 'C', signedOn: '2026-11-27' }, { today: '2026-11-26', minimumTermMonths: 12 }, 'AH', 'p', 'o', at)).toThrow(
      ValidationError,
    );
    expect(() => app.signContract({ number: 'C', signedOn: '2026-11-27' }, { today: '2026-11-26', minimumTermMonths: 12 }, 'AH', 'p', 'o', at)).toThrow(
      /future/,
    );
    expect(() => app.signContract({ number: 'C', signedOn: '2026-11-24' }, { today: '2026-11-26', minimumTermMonths: 12 }, 'AH', 'p', 'o', at)).toThrow(
      /before the Commission's decision of 2026-11-25/,
    );
    expect(app.status).toBe('registered');
  });

  it('F-24: the term is at least the minimum; without a requested length it is the minimum, ending the day before', () => {
    const app = registered();
    try {
      app.signContract({ number: 'C', signedOn: '2026-11-26', termMonths: 6 }, { today: '2026-11-26', minimumTermMonths: 12 }, 'AH', 'p', 'o', at);
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleViolationError);
      expect((e as RuleViolationError).ruleId).toBe('F-24');
    }
    expect(app.status).toBe('registered');
    expect(
      app.signContract({ number: 'C', signedOn: '2026-11-26', termMonths: 24 }, { today: '2026-11-26', minimumTermMonths: 12 }, 'AH-1', 'p', 'o', at),
    ).toEqual({ months: 24, termStart: '2026-11-26', termEnd: '2028-11-25' });
    expect(app.contract).toEqual({ number: 'C', signedOn: '2026-11-26', termStart: '2026-11-26', termEnd: '2028-11-25' });
  });
});
