import type { IsoDate } from '@hub/calendar';
import type { CourseSyllabus } from '../../intake.types.js';
import type { Evidence, GroundOutcome, RefusalGroundDefinition, SourcedFact, StoredGroundOutcome } from './ground-outcome.js';
import { BANKRUPTCY_LIQUIDATION_GROUND, bankruptcyLiquidationGround } from './bankruptcy-liquidation.ground.js';
import { COURSE_DURATION_GROUND_DEFINITION, courseDurationGround } from './course-duration.ground.js';
import { DEBTORS_REGISTER_GROUND, debtorsRegisterGround } from './debtors-register.ground.js';
import { DETAILED_CURRICULUM_GROUND_DEFINITION, detailedCurriculumGround } from './detailed-curriculum.ground.js';
import { FALSE_INFORMATION_GROUND, falseInformationGround } from './false-information.ground.js';
import { INTERNET_RESOURCE_GROUND, internetResourceGround } from './internet-resource.ground.js';
import { TAX_DEBT_GROUND_DEFINITION, taxDebtGround } from './tax-debt.ground.js';
import { UNFAIR_PROCUREMENT_GROUND, unfairProcurementGround } from './unfair-procurement.ground.js';

/** The eight refusal grounds of F-68, in the order of the rule, each effective-dated. */
export const REFUSAL_GROUNDS: readonly RefusalGroundDefinition[] = [
  TAX_DEBT_GROUND_DEFINITION,
  FALSE_INFORMATION_GROUND,
  BANKRUPTCY_LIQUIDATION_GROUND,
  UNFAIR_PROCUREMENT_GROUND,
  DEBTORS_REGISTER_GROUND,
  COURSE_DURATION_GROUND_DEFINITION,
  DETAILED_CURRICULUM_GROUND_DEFINITION,
  INTERNET_RESOURCE_GROUND,
];

export const inForce = (g: RefusalGroundDefinition, on: IsoDate): boolean => g.effectiveFrom <= on && (g.effectiveTo === null || on < g.effectiveTo);

/** The facts of one review: each with its source and date (a register adapter, the officer's recorded check). */
export interface CompletenessFacts {
  readonly taxDebt: SourcedFact<{ taxDebtTiyn: number; pensionSocialArrearsTiyn: number }>;
  readonly falseInformation: SourcedFact<{ found: boolean; note: string | null }>;
  readonly bankruptcyOrLiquidation: SourcedFact<{ inProceedings: boolean }>;
  readonly unfairProcurement: SourcedFact<{ listed: boolean }>;
  readonly debtors: SourcedFact<{ listed: boolean }>;
  readonly internetResource: SourcedFact<{ url: string | null; statesParticipation: boolean }>;
}

/**
 * F-68: applies every ground in force on `on` (the filing day: an application is judged by the rules
 * in force when it was filed) and returns each outcome with its source and date. Pure.
 */
export function evaluateRefusalGrounds(input: {
  on: IsoDate;
  reviewedOn: IsoDate;
  courses: readonly CourseSyllabus[];
  facts: CompletenessFacts;
  thresholds: { taxDebtLimitTiyn: number; minCourseMonths: number };
}): StoredGroundOutcome[] {
  const { facts } = input;
  const fromApplication = { source: 'application', checkedOn: input.reviewedOn, evidence: null as Evidence | null };
  const sourced = (o: GroundOutcome, f: { source: string; checkedOn: IsoDate; evidence: Evidence | null }): StoredGroundOutcome => ({
    ...o,
    source: f.source,
    checkedOn: f.checkedOn,
    evidence: f.evidence,
  });
  const all: Record<string, () => StoredGroundOutcome> = {
    'F-68(1)': () => sourced(taxDebtGround({ ...facts.taxDebt.value, limitTiyn: input.thresholds.taxDebtLimitTiyn }), facts.taxDebt),
    'F-68(2)': () => sourced(falseInformationGround(facts.falseInformation.value), facts.falseInformation),
    'F-68(3)': () => sourced(bankruptcyLiquidationGround(facts.bankruptcyOrLiquidation.value), facts.bankruptcyOrLiquidation),
    'F-68(4)': () => sourced(unfairProcurementGround(facts.unfairProcurement.value), facts.unfairProcurement),
    'F-68(5)': () => sourced(debtorsRegisterGround(facts.debtors.value), facts.debtors),
    'F-68(6)': () => sourced(courseDurationGround(input.courses, input.thresholds.minCourseMonths), fromApplication),
    'F-68(7)': () => sourced(detailedCurriculumGround(input.courses), fromApplication),
    'F-68(8)': () => sourced(internetResourceGround(facts.internetResource.value), facts.internetResource),
  };
  return REFUSAL_GROUNDS.filter((g) => inForce(g, input.on)).map((g) => {
    const run = all[g.ruleId];
    if (!run) throw new Error(`no rule function for ${g.ruleId}`);
    return run();
  });
}
