import { IllegalStateError, ValidationError, type FieldIssue } from '@hub/kernel';
import type { NonResidents } from '@hub/contracts';
import type { IsoDate } from '../../shared/domain/calendar.js';

export type ReportStatus = 'due' | 'submitted' | 'overdue' | 'submitted-late';

export interface ReportIndicators {
  revenueKzt: number;
  exportRevenueKzt: number;
  headcount: number;
  residentHeadcount: number;
  nonResidentHeadcount: number;
  investmentsAttractedKzt: number;
}

/**
 * F-37, F-39: the quarterly activity report with the analysis of the quarter's results, due by the
 * 20th of the month after the calendar quarter; late → overdue, early-termination ground F-28(4).
 * F-42: it lists the engaged non-residents and their family members (kept encrypted elsewhere).
 */
export class QuarterlyReport {
  id!: string;
  participationId!: string;
  bin!: string;
  year!: number;
  quarter!: number;
  dueDate!: IsoDate;
  status!: ReportStatus;
  submittedAt!: Date | null;
  resultsAnalysis!: string | null;
  indicators!: ReportIndicators | null;
  nonResidentCount!: number;
  familyMemberCount!: number;
  createdAt!: Date;
  updatedAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  version!: number;


  static open(props: { id: string; participationId: string; bin: string; year: number; quarter: number; dueDate: IsoDate }, now: Date): QuarterlyReport {
    const r = new QuarterlyReport();
    Object.assign(r, props, { status: 'due', submittedAt: null, resultsAnalysis: null, indicators: null, nonResidentCount: 0, familyMemberCount: 0, createdAt: now, updatedAt: now });
    return r;
  }

  submit(input: { resultsAnalysis: string; indicators: ReportIndicators; nonResidents: NonResidents }, now: Date): void {
    if (this.status === 'submitted' || this.status === 'submitted-late') throw new IllegalStateError('quarterly-report', this.status, 'submit', 'the report was already submitted');
    assertNonResidentsConsistent(input.indicators, input.nonResidents);
    this.status = this.status === 'overdue' ? 'submitted-late' : 'submitted';
    this.submittedAt = now;
    this.resultsAnalysis = input.resultsAnalysis;
    this.indicators = input.indicators;
    this.nonResidentCount = input.nonResidents.engaged.length;
    this.familyMemberCount = input.nonResidents.familyMembers.length;
    this.updatedAt = now;
  }

  /** F-37, F-39: a report not submitted by the due date is overdue. Returns whether it changed. */
  markOverdue(now: Date): boolean {
    if (this.status !== 'due') return false;
    this.status = 'overdue';
    this.updatedAt = now;
    return true;
  }
}

/**
 * F-42: every family member names an engaged person listed in the same report, and the report
 * lists as many engaged non-residents as the non-resident headcount says. Messages never repeat
 * a personal value: they point at the field only.
 */
export function assertNonResidentsConsistent(indicators: ReportIndicators, nr: NonResidents): void {
  const issues: FieldIssue[] = [];
  const names = new Set(nr.engaged.map((e) => e.fullName.trim().toLowerCase()));
  nr.familyMembers.forEach((f, i) => {
    if (!names.has(f.engagedPersonFullName.trim().toLowerCase())) {
      issues.push({ path: `nonResidents.familyMembers.${i}.engagedPersonFullName`, message: 'must be the full name of an engaged person listed in nonResidents.engaged', code: 'f42.unknown-engaged-person' });
    }
  });
  if (indicators.nonResidentHeadcount !== nr.engaged.length) {
    issues.push({ path: 'indicators.nonResidentHeadcount', message: `F-42: the report lists ${nr.engaged.length} engaged non-resident(s); the headcount must match`, code: 'f42.headcount-mismatch' });
  }
  if (indicators.residentHeadcount + indicators.nonResidentHeadcount !== indicators.headcount) {
    issues.push({ path: 'indicators.headcount', message: 'must equal residentHeadcount + nonResidentHeadcount', code: 'report.headcount-sum' });
  }
  nr.engaged.forEach((e, i) => {
    if (e.status === 'stateless' && e.citizenship !== null) issues.push({ path: `nonResidents.engaged.${i}.citizenship`, message: 'must be null for a stateless person', code: 'f42.stateless-citizenship' });
    if (e.status === 'foreign-citizen' && e.citizenship === null) issues.push({ path: `nonResidents.engaged.${i}.citizenship`, message: 'is required for a foreign citizen', code: 'f42.citizenship-required' });
    if (e.expectedStayUntil < e.expectedStayFrom) issues.push({ path: `nonResidents.engaged.${i}.expectedStayUntil`, message: 'must not be before expectedStayFrom', code: 'f42.stay-order' });
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

/** One engaged person or family member of a report (F-42); `personalData` is ciphertext. */
export class NonResidentRecord {
  id!: string;
  reportId!: string;
  participationId!: string;
  bin!: string;
  kind!: 'engaged' | 'family-member';
  position!: number;
  personalData!: string;
  keyId!: string;
  createdAt!: Date;
}

/** Every read of restricted personal data (Personal Data Protection Rules: recording of access). */
export class PiiAccessLogEntry {
  id!: string;
  actorSubject!: string;
  actorRoles!: string[];
  bin!: string;
  participationId!: string;
  reportId!: string;
  what!: string;
  correlationId!: string | null;
  accessedAt!: Date;
}
