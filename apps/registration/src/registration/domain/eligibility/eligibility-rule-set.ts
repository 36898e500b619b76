import { ApplicantHasNoBranchesRule } from './rules/applicant-has-no-branches.rule.js';
import { ApplicantIsLegalEntityRule } from './rules/applicant-is-legal-entity.rule.js';
import { NoInvestmentPriorityProjectRule } from './rules/no-investment-priority-project.rule.js';
import { NotExcisePayerRule } from './rules/not-excise-payer.rule.js';
import { NotSubsoilUserNorSezParticipantRule } from './rules/not-subsoil-user-nor-sez-participant.rule.js';
import { PredominantlyExportsRule } from './rules/predominantly-exports.rule.js';
import { PriorityActivityTypesRule } from './rules/priority-activity-types.rule.js';
import { QuasiStateRevenueWithinLimitRule } from './rules/quasi-state-revenue-within-limit.rule.js';
import { StateOwnershipBelowLimitRule } from './rules/state-ownership-below-limit.rule.js';
import { TaxCertificateIsRecentRule } from './rules/tax-certificate-is-recent.rule.js';
import { TaxDebtWithinLimitRule } from './rules/tax-debt-within-limit.rule.js';
import type { EligibilityContext, EligibilityRule, RuleOutcome } from './eligibility-rule.js';

/** The eligibility rules of F-7 and F-9(2), in the order of the rules. */
export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  new ApplicantIsLegalEntityRule(),
  new ApplicantHasNoBranchesRule(),
  new NoInvestmentPriorityProjectRule(),
  new StateOwnershipBelowLimitRule(),
  new NotSubsoilUserNorSezParticipantRule(),
  new NotExcisePayerRule(),
  new PriorityActivityTypesRule(),
  new PredominantlyExportsRule(),
  new QuasiStateRevenueWithinLimitRule(),
  new TaxCertificateIsRecentRule(),
  new TaxDebtWithinLimitRule(),
];

/** F-20: what an activity-type change is checked against. */
export const ACTIVITY_CHANGE_RULE_IDS: readonly string[] = ['F-7(1)', 'F-7(7)'];

export interface EligibilityEvaluation {
  /** Which rules were applied: the Fund rules' order, the latest effective date among the applied rules, the activity-type list. */
  readonly ruleSetVersion: string;
  readonly filedOn: string;
  readonly evaluatedOn: string;
  readonly outcomes: readonly RuleOutcome[];
  readonly eligible: boolean;
}

/** Evaluates every rule, recording each outcome (passed / failed / not applicable) and the rule-set version. */
export function evaluateEligibility(ctx: EligibilityContext, rules: readonly EligibilityRule[] = ELIGIBILITY_RULES): EligibilityEvaluation {
  const outcomes: RuleOutcome[] = [];
  let latest = '0000-00-00';
  for (const rule of rules) {
    if (ctx.kind === 'activity-change' && !ACTIVITY_CHANGE_RULE_IDS.includes(rule.ruleId)) {
      outcomes.push({
        ruleId: rule.ruleId,
        name: rule.name,
        field: rule.field,
        outcome: 'not-applicable',
        message: 'F-20: an activity-type change is checked against the list of priority activity types only',
      });
      continue;
    }
    if (!rule.appliesTo(ctx)) {
      outcomes.push({
        ruleId: rule.ruleId,
        name: rule.name,
        field: rule.field,
        outcome: 'not-applicable',
        message: `not in force for applications filed on ${ctx.filedOn} (from ${rule.effectiveFrom(ctx)})`,
      });
      continue;
    }
    const from = rule.effectiveFrom(ctx);
    if (from > latest) latest = from;
    const failure = rule.check(ctx);
    outcomes.push({ ruleId: rule.ruleId, name: rule.name, field: rule.field, outcome: failure ? 'failed' : 'passed', message: failure ?? 'passed' });
  }
  return {
    ruleSetVersion: `fund-rules-703/2025@${latest}+activity-list:${ctx.catalogue.version}`,
    filedOn: ctx.filedOn,
    evaluatedOn: ctx.evaluatedOn,
    outcomes,
    eligible: outcomes.every((o) => o.outcome !== 'failed'),
  };
}
