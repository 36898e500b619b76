import type { IsoDate } from '@hub/calendar';
import type { ReferenceData } from '@hub/reference-data';
import type { ActivityTypeCatalogue, SelectedActivityType } from '../activity-type-catalogue.js';

/** What the applicant declares about itself for F-7 (F-11: it answers for their accuracy). */
export interface EligibilityDeclaration {
  /** F-7(2): the company has branches at the moment of applying. */
  readonly hasBranches: boolean;
  /** F-7(3) «іске асыратын»: implements an investment priority project (Entrepreneurial Code art. 284). */
  readonly implementsInvestmentPriorityProject: boolean;
  /** F-7(3) «іске асыратын»: implements an investment strategic project under a contract concluded before 1 Jan 2015. */
  readonly implementsInvestmentStrategicProjectBefore2015: boolean;
  /**
   * F-7(3) «(іске асырған)»: HAS implemented an investment priority project. Asked separately (ADR
   * 0055); absent on declarations made before it was asked — then the F-7(3) check fails as unanswered.
   */
  readonly hasImplementedInvestmentPriorityProject?: boolean | undefined;
  /** F-7(3) «(іске асырған)»: HAS implemented an investment strategic project under a contract concluded before 1 Jan 2015. */
  readonly hasImplementedInvestmentStrategicProjectBefore2015?: boolean | undefined;
  /** F-7(4): direct or indirect share of the state, national managing holdings, holdings, companies and their subsidiaries, in percent. */
  readonly stateOwnershipPercent: number;
  /** F-7(5). */
  readonly isSubsoilUser: boolean;
  /** F-7(5). */
  readonly isSezParticipant: boolean;
  /** F-7(6): excise payer (Tax Code art. 535). */
  readonly isExcisePayer: boolean;
  /** F-7(8), from 2029: share of revenue from goods/works/services exported outside Kazakhstan, in percent. */
  readonly exportRevenuePercent?: number | undefined;
  /** F-7(9), from 2029: share of annual aggregate income from contracts with state bodies and quasi-state entities, in percent. */
  readonly quasiStateRevenuePercent?: number | undefined;
}

export interface TaxCertificate {
  readonly number?: string | undefined;
  /** Date the tax authority issued the information (F-9(2)). */
  readonly issuedOn: IsoDate;
  /** Tax debt stated in it, in tiyn (1 KZT = 100 tiyn, ADR 0036): a non-negative safe integer. */
  readonly debtTiyn: number;
  /** The uploaded information in the documents context (issue #10, kind tax-debt-certificate). */
  readonly documentId?: string | undefined;
}

export interface EligibilityContext {
  readonly bin: string;
  /** The application date (first filing): decides which rules apply and which year's MCI. */
  readonly filedOn: IsoDate;
  /** The date of this evaluation (filing or resubmission). */
  readonly evaluatedOn: IsoDate;
  readonly declaration: EligibilityDeclaration | null;
  /** F-20: an activity-type change is checked against the list only (the participant's eligibility was decided on registration). */
  readonly kind: 'registration' | 'activity-change';
  readonly activityTypes: readonly SelectedActivityType[];
  readonly taxCertificate: TaxCertificate | null;
  readonly catalogue: ActivityTypeCatalogue;
  readonly reference: ReferenceData;
}

export type RuleOutcomeKind = 'passed' | 'failed' | 'not-applicable';

export interface RuleOutcome {
  readonly ruleId: string;
  readonly name: string;
  readonly outcome: RuleOutcomeKind;
  readonly message: string;
  /** The field the outcome is about, for remarks and error messages. */
  readonly field: string;
}

/** One named, effective-dated eligibility rule. */
export interface EligibilityRule {
  readonly ruleId: string;
  readonly name: string;
  readonly field: string;
  /** Whether the rule applies to an application filed on `filedOn`. */
  appliesTo(ctx: EligibilityContext): boolean;
  /** The date from which the rule applies (for the rule-set version). */
  effectiveFrom(ctx: EligibilityContext): IsoDate;
  /** null = passed; a string = why it failed. */
  check(ctx: EligibilityContext): string | null;
}

/** The in-force date of the Fund rules (Order No. 703/НҚ): taken from the thresholds' effective date. */
export const fundRulesInForce = (ctx: EligibilityContext): IsoDate =>
  ctx.reference.history('deadline.completeness-review-wd')[0]?.effectiveFrom ?? '2026-01-16';

/** A rule of F-7(1)–(7) and F-9: in force with the Fund rules. */
export abstract class CurrentRule implements EligibilityRule {
  abstract readonly ruleId: string;
  abstract readonly name: string;
  abstract readonly field: string;
  appliesTo(): boolean {
    return true;
  }
  effectiveFrom(ctx: EligibilityContext): IsoDate {
    return fundRulesInForce(ctx);
  }
  abstract check(ctx: EligibilityContext): string | null;
}

/** F-7(8) and F-7(9): only for applications filed on or after the date reference-data gives (2029-01-01). */
export const FROM_2029_KEY = 'eligibility.export-and-quasi-state-rules';
export abstract class From2029Rule implements EligibilityRule {
  abstract readonly ruleId: string;
  abstract readonly name: string;
  abstract readonly field: string;
  appliesTo(ctx: EligibilityContext): boolean {
    return ctx.reference.findAt(FROM_2029_KEY, ctx.filedOn) !== undefined;
  }
  effectiveFrom(ctx: EligibilityContext): IsoDate {
    return ctx.reference.history(FROM_2029_KEY)[0]?.effectiveFrom ?? '2029-01-01';
  }
  abstract check(ctx: EligibilityContext): string | null;
}
