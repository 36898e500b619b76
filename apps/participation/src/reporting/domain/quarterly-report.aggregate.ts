import { AggregateRoot, IllegalStateError, RuleViolationError, ValidationError, type DomainEvent, type FieldIssue, type Tiyn } from '@hub/kernel';
import type { NonResidents } from '@hub/contracts';
import { compareIsoDates, quarterEnd, type IsoDate } from '../../shared/domain/calendar.js';
import type { Mutable } from '../../shared/domain/mutable.js';

export type ReportStatus = 'due' | 'submitted' | 'overdue' | 'submitted-late';

/** F-39: the quarter's figures; amounts in integer tiyn (ADR 0036), kept in the report's `indicators` jsonb. */
export interface ReportIndicators {
  revenueTiyn: Tiyn;
  exportRevenueTiyn: Tiyn;
  headcount: number;
  residentHeadcount: number;
  nonResidentHeadcount: number;
  investmentsAttractedTiyn: Tiyn;
}

interface ReportFacts extends DomainEvent {
  readonly participationId: string;
  readonly bin: string;
  readonly year: number;
  readonly quarter: number;
  readonly dueDate: IsoDate;
}

/** F-37, F-39: a quarter's report was opened (internal), submitted (internal: no personal data leaves), or became overdue (ground F-28(4)). */
export type QuarterlyReportEvent =
  | (ReportFacts & { readonly name: 'QuarterlyReportOpened' })
  | (ReportFacts & { readonly name: 'QuarterlyReportSubmitted'; readonly late: boolean })
  | (ReportFacts & { readonly name: 'QuarterlyReportBecameOverdue' });

/**
 * F-37, F-39: the quarterly activity report with the analysis of the quarter's results, due by the
 * 20th of the month after the calendar quarter; late → overdue, early-termination ground F-28(4).
 * F-42: it lists the engaged non-residents and their family members (kept encrypted elsewhere).
 */
export class QuarterlyReport extends AggregateRoot<QuarterlyReportEvent> {
  readonly id!: string;
  readonly participationId!: string;
  readonly bin!: string;
  readonly year!: number;
  readonly quarter!: number;
  readonly dueDate!: IsoDate;
  readonly status!: ReportStatus;
  readonly submittedAt!: Date | null;
  readonly resultsAnalysis!: string | null;
  readonly indicators!: ReportIndicators | null;
  readonly nonResidentCount!: number;
  readonly familyMemberCount!: number;
  /** F-42 (ADR 0119): the day the non-residents' personal data was deleted at the end of its retention; null while kept. */
  readonly personalDataPurgedOn!: IsoDate | null;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;
  /** Optimistic lock: a concurrent second change of the same record fails instead of overwriting. */
  readonly version!: number;

  private get self(): Mutable<QuarterlyReport> {
    return this;
  }

  static open(props: { id: string; participationId: string; bin: string; year: number; quarter: number; dueDate: IsoDate }, now: Date): QuarterlyReport {
    const r = new QuarterlyReport();
    Object.assign(r, props, {
      status: 'due',
      submittedAt: null,
      resultsAnalysis: null,
      indicators: null,
      nonResidentCount: 0,
      familyMemberCount: 0,
      personalDataPurgedOn: null,
      createdAt: now,
      updatedAt: now,
    });
    r.record({ ...r.facts(now), name: 'QuarterlyReportOpened' });
    return r;
  }

  /** F-42 (ADR 0119): the personal data of its non-residents was deleted on `on`; the counts stay. Idempotent. */
  markPersonalDataPurged(on: IsoDate, now: Date): void {
    if (this.personalDataPurgedOn !== null) return;
    this.self.personalDataPurgedOn = on;
    this.self.updatedAt = now;
  }

  /** Whether the report's due-date timer still runs (a report submitted on time or already overdue has none). */
  get awaitsSubmission(): boolean {
    return this.status === 'due';
  }

  /**
   * F-37, F-39: submitted once, after the quarter has ended, with the results analysis; an overdue
   * report is still accepted and marked late. F-42: the non-residents listed are consistent.
   */
  submit(input: { resultsAnalysis: string; indicators: ReportIndicators; nonResidents: NonResidents }, today: IsoDate, now: Date): void {
    if (compareIsoDates(quarterEnd(this.year, this.quarter), today) >= 0) {
      throw new RuleViolationError('F-37', `the report on ${this.year}-Q${this.quarter} can be submitted once the quarter has ended`, { field: 'quarter' });
    }
    if (this.status === 'submitted' || this.status === 'submitted-late')
      throw new IllegalStateError('quarterly-report', this.status, 'submit', 'the report was already submitted');
    assertNonResidentsConsistent(input.indicators, input.nonResidents);
    const late = this.status === 'overdue';
    this.self.status = late ? 'submitted-late' : 'submitted';
    this.self.submittedAt = now;
    this.self.resultsAnalysis = input.resultsAnalysis;
    this.self.indicators = input.indicators;
    this.self.nonResidentCount = input.nonResidents.engaged.length;
    this.self.familyMemberCount = input.nonResidents.familyMembers.length;
    this.self.updatedAt = now;
    this.record({ ...this.facts(now), name: 'QuarterlyReportSubmitted', late });
  }

  /** F-37, F-39: a report not submitted by the due date is overdue (ground F-28(4)). Returns whether it changed. */
  markOverdue(now: Date): boolean {
    if (this.status !== 'due') return false;
    this.self.status = 'overdue';
    this.self.updatedAt = now;
    this.record({ ...this.facts(now), name: 'QuarterlyReportBecameOverdue' });
    return true;
  }

  private facts(now: Date): Omit<ReportFacts, 'name'> {
    return {
      aggregateId: this.id,
      occurredAt: now,
      participationId: this.participationId,
      bin: this.bin,
      year: this.year,
      quarter: this.quarter,
      dueDate: this.dueDate,
    };
  }
}

/**
 * F-42: every family member names an engaged person listed in the same report (in Cyrillic and in
 * Latin letters, matching that person's entry), and the report
 * lists as many engaged non-residents as the non-resident headcount says. Messages never repeat
 * a personal value: they point at the field only.
 */
export function assertNonResidentsConsistent(indicators: ReportIndicators, nr: NonResidents): void {
  const issues: FieldIssue[] = [];
  const norm = (s: string) => s.trim().toLowerCase();
  const latinOf = new Map(nr.engaged.map((e) => [norm(e.fullName), norm(e.fullNameLatin)]));
  nr.familyMembers.forEach((f, i) => {
    const latin = latinOf.get(norm(f.engagedPersonFullName));
    if (latin === undefined) {
      issues.push({
        path: `nonResidents.familyMembers.${i}.engagedPersonFullName`,
        message: 'must be the full name of an engaged person listed in nonResidents.engaged',
        code: 'f42.unknown-engaged-person',
      });
    } else if (latin !== norm(f.engagedPersonFullNameLatin)) {
      issues.push({
        path: `nonResidents.familyMembers.${i}.engagedPersonFullNameLatin`,
        message: 'must be the Latin full name of that engaged person as listed in nonResidents.engaged (fullNameLatin)',
        code: 'f42.engaged-person-latin-mismatch',
      });
    }
  });
  if (indicators.nonResidentHeadcount !== nr.engaged.length) {
    issues.push({
      path: 'indicators.nonResidentHeadcount',
      message: `F-42: the report lists ${nr.engaged.length} engaged non-resident(s); the headcount must match`,
      code: 'f42.headcount-mismatch',
    });
  }
  if (indicators.residentHeadcount + indicators.nonResidentHeadcount !== indicators.headcount) {
    issues.push({ path: 'indicators.headcount', message: 'must equal residentHeadcount + nonResidentHeadcount', code: 'report.headcount-sum' });
  }
  nr.engaged.forEach((e, i) => {
    if (e.status === 'stateless' && e.citizenship !== null)
      issues.push({ path: `nonResidents.engaged.${i}.citizenship`, message: 'must be null for a stateless person', code: 'f42.stateless-citizenship' });
    if (e.status === 'foreign-citizen' && e.citizenship === null)
      issues.push({ path: `nonResidents.engaged.${i}.citizenship`, message: 'is required for a foreign citizen', code: 'f42.citizenship-required' });
    if (e.expectedStayUntil < e.expectedStayFrom)
      issues.push({ path: `nonResidents.engaged.${i}.expectedStayUntil`, message: 'must not be before expectedStayFrom', code: 'f42.stay-order' });
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

/** One engaged person or family member of a report (F-42); `personalData` is ciphertext. */
export class NonResidentRecord {
  readonly id!: string;
  readonly reportId!: string;
  readonly participationId!: string;
  readonly bin!: string;
  readonly kind!: 'engaged' | 'family-member';
  readonly position!: number;
  readonly personalData!: string;
  readonly keyId!: string;
  readonly createdAt!: Date;

  static of(props: Omit<NonResidentRecord, 'reencrypted'>): NonResidentRecord {
    return Object.assign(new NonResidentRecord(), props);
  }

  /** ADR 0022 key rotation: the same personal data under another key. */
  reencrypted(ciphertext: string, keyId: string): void {
    Object.assign(this as Mutable<NonResidentRecord>, { personalData: ciphertext, keyId });
  }
}

/** Every read of restricted personal data (Personal Data Protection Rules: recording of access). */
export class PiiAccessLogEntry {
  readonly id!: string;
  readonly actorSubject!: string;
  readonly actorRoles!: readonly string[];
  readonly bin!: string;
  readonly participationId!: string;
  readonly reportId!: string;
  readonly what!: string;
  readonly correlationId!: string | null;
  readonly accessedAt!: Date;

  static of(props: PiiAccessLogEntry): PiiAccessLogEntry {
    return Object.assign(new PiiAccessLogEntry(), props);
  }
}
