import { describe, expect, it } from 'vitest';
import { kzCalendar } from '@hub/calendar';
import { TOPICS } from '@hub/contracts';
import type { DomainEvent } from '@hub/kernel';
import type { OutboxMessage } from '@hub/nest-commons';
import { referenceData } from '@hub/reference-data';
import { MonitoringConclusion } from './monitoring/domain/monitoring-conclusion.js';
import { AuditObligation } from './obligations/domain/audit-obligation.aggregate.js';
import { CorporateNotice } from './obligations/domain/corporate-notice.js';
import { InformationRequest } from './obligations/domain/information-request.aggregate.js';
import { ParticipationIntegrationEvents } from './participation.integration-events.js';
import { EarlyTermination } from './participation/domain/early-termination.aggregate.js';
import { Extension } from './participation/domain/extension.aggregate.js';
import { Participation } from './participation/domain/participation.aggregate.js';
import { QuarterlyReport } from './reporting/domain/quarterly-report.aggregate.js';
import { Deadlines } from './shared/domain/deadlines.js';
import { tiyn } from '@hub/kernel';

/**
 * Participation's published language from its recorded events (ADR 0035 §3): each fact becomes the
 * integration event it was published as before the move — same type, version, topic, aggregate
 * (the participation), key (the company's BIN) and a payload the contract's schema accepts.
 */
const mapper = new ParticipationIntegrationEvents();
const d = new Deadlines(kzCalendar(), referenceData());
const now = new Date('2026-03-02T04:00:00Z');
const BIN = '190540000011';
const P1 = '01900000-0000-7000-8000-000000000001';
const X1 = '01900000-0000-7000-8000-000000000002';
const E1 = '01900000-0000-7000-8000-000000000003';
const C1 = '01900000-0000-7000-8000-000000000004';
const R1 = '01900000-0000-7000-8000-000000000005';
const I1 = '01900000-0000-7000-8000-000000000006';
const A1 = '01900000-0000-7000-8000-000000000007';
const N1 = '01900000-0000-7000-8000-000000000008';
const D1 = '01900000-0000-7000-8000-0000000000d1';
const M1 = '01900000-0000-7000-8000-000000000009';
const M2 = '01900000-0000-7000-8000-00000000000a';
const start = () =>
  Participation.start(
    {
      id: P1,
      participantId: X1,
      bin: BIN,
      companyName: 'Co',
      address: 'Astana',
      activityTypes: [{ code: '62.01', name: 'Programming', works: [] }],
      certificateNumber: 'AH-1',
      termStart: '2026-03-02',
      termEnd: '2027-03-01',
    },
    d,
    now,
  );

const published = (events: readonly DomainEvent[]): OutboxMessage[] => events.flatMap((e) => mapper.map(e));
const expectValid = (messages: readonly OutboxMessage[]) => {
  for (const m of messages) {
    expect(m.definition.topic).toBe(TOPICS.participation.name);
    expect(m.definition.version).toBe(1);
    expect(m.key).toBe(BIN);
    expect(m.aggregateId).toBe(P1);
    expect(() => m.definition.payload.parse(m.payload)).not.toThrow();
  }
};

describe('participation.integration-events: recorded events → hub.participation.events.v1', () => {
  it('F-24, F-25, F-27: started, extension filed (ADR 0105), extended and planned end are published; the approval step itself stays internal', () => {
    const p = start();
    const e = Extension.file(
      {
        id: E1,
        participation: p,
        pending: null,
        filedOn: '2027-01-10',
        extensionDeadline: '2027-02-15',
        requestedTermEnd: '2028-03-01',
        bounds: { earliestEnd: '2027-04-01', latestEnd: '2030-03-01' },
      },
      now,
    );
    e.approve(p, '2027-01-11', now);
    p.endAsPlanned(now);
    const messages = published([...p.pullEvents(), ...e.pullEvents()]);
    expect(messages.map((m) => m.definition.type)).toEqual([
      'participation.participation-started',
      'participation.participation-extended',
      'participation.participation-terminated',
      'participation.extension-filed',
    ]);
    expectValid(messages);
    expect(messages[0]!.payload).toMatchObject({ participationId: P1, participantId: X1, activityTypeCodes: ['62.01'], extensionDeadline: '2027-02-15' });
    expect(messages[3]!.payload).toEqual({
      extensionId: E1,
      participationId: P1,
      bin: BIN,
      filedOn: '2027-01-10',
      currentTermEnd: '2027-03-01',
      requestedTermEnd: '2028-03-01',
    });
    expect(messages[1]!.payload).toMatchObject({
      extensionId: E1,
      previousTermEnd: '2027-03-01',
      newTermEnd: '2028-03-01',
      certificateNumber: 'EXT-AH-1-20280301',
      issuedOn: '2027-01-11',
    });
    expect(messages[2]!.payload).toMatchObject({
      kind: 'planned',
      ground: 'term-expired',
      groundNumber: null,
      decidedBy: 'term',
      endedOn: '2028-03-01',
      ruleIds: ['F-26', 'F-27'],
    });
  });

  it('F-25, ADR 0107: a refused extension is published as extension-refused — the term it leaves, never the reason', () => {
    const p = start();
    p.pullEvents();
    const e = Extension.file(
      {
        id: E1,
        participation: p,
        pending: null,
        filedOn: '2027-01-10',
        extensionDeadline: '2027-02-15',
        requestedTermEnd: '2028-03-01',
        bounds: { earliestEnd: '2027-04-01', latestEnd: '2030-03-01' },
      },
      now,
    );
    e.reject(p, '2027-01-12', 'plan not updated', now);
    const messages = published([...e.pullEvents(), ...p.pullEvents()]);
    expect(messages.map((m) => m.definition.type)).toEqual(['participation.extension-filed', 'participation.extension-refused']);
    expectValid(messages);
    expect(messages[1]!.payload).toEqual({ extensionId: E1, participationId: P1, bin: BIN, refusedOn: '2027-01-12', termEnd: '2027-03-01' });
    expect(JSON.stringify(messages[1]!.payload)).not.toContain('plan not updated');
  });

  it('F-28, F-30: a case for the Commission is published as early-termination-referred; its termination as participation-terminated with ground number', () => {
    const p = start();
    p.pullEvents();
    const c = EarlyTermination.open(
      {
        id: C1,
        participation: p,
        openCase: null,
        initiator: 'fund',
        openedBy: 'o',
        ground: 'contract-breach',
        reason: 'r',
        basisId: null,
        basis: null,
        today: '2026-06-01',
        withdrawalDate: null,
        earliestWithdrawalDate: '2026-06-15',
      },
      now,
    );
    c.decide(p, 'terminate', 'P-7', '2026-06-10', '2026-06-10', now);
    const messages = published([...c.pullEvents(), ...p.pullEvents()]);
    expect(messages.map((m) => m.definition.type)).toEqual(['participation.early-termination-referred', 'participation.participation-terminated']);
    expectValid(messages);
    expect(messages[0]!.payload).toEqual({ caseId: C1, participationId: P1, bin: BIN, ground: 'contract-breach', groundNumber: 7, referredOn: '2026-06-01' });
    expect(messages[1]!.payload).toMatchObject({
      kind: 'early',
      groundNumber: 7,
      decidedBy: 'commission',
      decisionReference: 'P-7',
      ruleIds: ['F-26', 'F-28(7)', 'F-30'],
    });
  });

  it('F-37, F-39, F-32, F-33, F-40: overdue report, requests and owed audit opinions with their due days (ADR 0105), missed request and audit deadlines and a "not expedient" conclusion are published; the rest stays internal', () => {
    const p = start();
    const report = QuarterlyReport.open({ id: R1, participationId: P1, bin: BIN, year: 2026, quarter: 1, dueDate: '2026-04-20' }, now);
    report.markOverdue(now);
    const request = InformationRequest.open(
      { id: I1, participation: p, kind: 'audit-report', description: 'audit report', requestedOn: '2026-03-02', requestedBy: 'o', dueDate: '2026-03-17' },
      now,
    );
    request.markOverdue(now);
    const audit = AuditObligation.derive(
      {
        id: A1,
        participationId: P1,
        bin: BIN,
        financialYear: 2026,
        declaredIncomeTiyn: tiyn(15_000_000_000),
        thresholdTiyn: tiyn(10_000_000_000),
        dueDate: '2027-07-01',
      },
      now,
    );
    audit.markOverdue(now);
    const notice = CorporateNotice.file(
      {
        id: N1,
        participationId: P1,
        bin: BIN,
        kind: 'liquidation',
        eventDate: '2026-03-02',
        filedOn: '2026-03-02',
        dueDate: '2026-03-17',
        description: '',
        copies: [],
        documentIds: [D1],
      },
      now,
    );
    const base = {
      participationId: P1,
      bin: BIN,
      project: 'X',
      periodFrom: '2026-03-02',
      periodTo: '2026-03-31',
      reasoning: 'r',
      concludedOn: '2026-04-01',
      concludedBy: 'o',
    };
    const notExpedient = MonitoringConclusion.record({ ...base, id: M1, conclusion: 'not-expedient' }, now);
    const expedient = MonitoringConclusion.record({ ...base, id: M2, conclusion: 'expedient' }, now);
    p.pullEvents();
    const messages = published([report, request, audit, notice, notExpedient, expedient].flatMap((a): DomainEvent[] => a.pullEvents()));
    expect(messages.map((m) => m.definition.type)).toEqual([
      'participation.report-overdue',
      'participation.information-requested',
      'participation.deadline-missed',
      'participation.audit-opinion-owed',
      'participation.deadline-missed',
      'participation.corporate-notice-filed',
      'participation.monitoring-not-expedient',
    ]);
    expectValid(messages);
    expect(messages[0]!.payload).toMatchObject({ reportId: R1, ground: 'reports-not-submitted' });
    // ADR 0105: what is owed and by when, for the reminders — never the request's description (F-35).
    expect(messages[1]!.payload).toEqual({
      requestId: I1,
      participationId: P1,
      bin: BIN,
      kind: 'audit-report',
      ruleIds: ['F-33'],
      requestedOn: '2026-03-02',
      dueDate: '2026-03-17',
    });
    expect(messages[2]!.payload).toMatchObject({ obligation: 'information-request', obligationId: I1, ruleIds: ['F-33'] });
    expect(messages[3]!.payload).toEqual({ obligationId: A1, participationId: P1, bin: BIN, financialYear: 2026, dueDate: '2027-07-01' });
    expect(messages[4]!.payload).toMatchObject({ obligation: 'audit-opinion', obligationId: A1, ruleIds: ['F-33'] });
    // Issue #10: the notice is published with its documents' ids (documents attaches them), keyed by the BIN.
    expect(messages[5]).toMatchObject({ key: BIN, payload: { noticeId: N1, kind: 'liquidation', onTime: true, documentIds: [D1] } });
    expect(messages[6]!.payload).toMatchObject({ conclusionId: M1, project: 'X' });
  });

  it('F-37, ADR 0105: a submitted quarterly report is published (the quarter, dates, late) — never its analysis, figures or non-residents', () => {
    const report = QuarterlyReport.open({ id: R1, participationId: P1, bin: BIN, year: 2026, quarter: 1, dueDate: '2026-04-20' }, now);
    const secret = 'Confidential analysis of Q1';
    const at = new Date('2026-04-19T19:30:00Z'); // 20 April 00:30 in Almaty
    report.submit(
      {
        resultsAnalysis: secret,
        indicators: {
          revenueTiyn: tiyn(777_777_00),
          exportRevenueTiyn: tiyn(0),
          headcount: 3,
          residentHeadcount: 3,
          nonResidentHeadcount: 0,
          investmentsAttractedTiyn: tiyn(0),
        },
        nonResidents: { engaged: [], familyMembers: [] },
      },
      '2026-04-20',
      at,
    );
    const messages = published(report.pullEvents());
    expect(messages.map((m) => m.definition.type)).toEqual(['participation.report-submitted']);
    expectValid(messages);
    expect(messages[0]!.payload).toEqual({
      reportId: R1,
      participationId: P1,
      bin: BIN,
      year: 2026,
      quarter: 1,
      dueDate: '2026-04-20',
      submittedOn: '2026-04-20',
      late: false,
    });
    expect(JSON.stringify(messages[0]!.payload)).not.toMatch(/Confidential|77777700/);
  });

  it('issue #10: an answer and an audit opinion are published with the document ids they came with', () => {
    const p = start();
    const request = InformationRequest.open(
      { id: I1, participation: p, kind: 'additional-documents', description: 'x', requestedOn: '2026-03-02', requestedBy: 'o', dueDate: '2026-03-17' },
      now,
    );
    request.answer('2026-03-03', '', { documentIds: [D1], attachments: [] }, now);
    const audit = AuditObligation.derive(
      {
        id: A1,
        participationId: P1,
        bin: BIN,
        financialYear: 2026,
        declaredIncomeTiyn: tiyn(15_000_000_000),
        thresholdTiyn: tiyn(10_000_000_000),
        dueDate: '2027-07-01',
      },
      now,
    );
    audit.markOverdue(now);
    audit.submit('2027-07-05', { documentId: D1, metadata: null }, now);
    p.pullEvents();
    const messages = published([request, audit].flatMap((a): DomainEvent[] => a.pullEvents())).filter(
      (m) => !['participation.deadline-missed', 'participation.information-requested', 'participation.audit-opinion-owed'].includes(m.definition.type),
    );
    expectValid(messages);
    expect(messages.map((m) => [m.definition.type, m.key, m.payload])).toEqual([
      [
        'participation.information-request-answered',
        BIN,
        {
          requestId: I1,
          participationId: P1,
          bin: BIN,
          kind: 'additional-documents',
          ruleIds: ['F-38'],
          answeredOn: '2026-03-03',
          late: false,
          documentIds: [D1],
        },
      ],
      [
        'participation.audit-opinion-submitted',
        BIN,
        { obligationId: A1, participationId: P1, bin: BIN, financialYear: 2026, submittedOn: '2027-07-05', late: true, documentIds: [D1] },
      ],
    ]);
  });

  it('an event no module knows stays internal', () => {
    expect(mapper.map({ name: 'SomethingElse', aggregateId: 'x', occurredAt: now })).toEqual([]);
  });
});
