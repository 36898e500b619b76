import type { GroundOutcome, RefusalGroundDefinition } from './ground-outcome.js';

/**
 * F-68(6): refusal when a course is shorter than the minimum (6 months, effective-dated in
 * packages/reference-data `training-course-min-months`). Every course of the application is checked.
 */
export const COURSE_DURATION_GROUND = 'F-68(6)';
export const COURSE_DURATION_GROUND_DEFINITION: RefusalGroundDefinition = {
  ruleId: COURSE_DURATION_GROUND,
  name: 'course-shorter-than-minimum',
  effectiveFrom: '2026-01-16',
  effectiveTo: null,
};

export function courseDurationGround(courses: readonly { name: string; durationMonths: number }[], minMonths: number): GroundOutcome {
  const short = courses.filter((c) => c.durationMonths < minMonths).map((c) => c.name);
  return {
    ruleId: COURSE_DURATION_GROUND,
    name: 'course-shorter-than-minimum',
    refuses: short.length > 0,
    message: short.length > 0 ? `courses shorter than ${minMonths} months: ${short.join(', ')}` : `every course lasts at least ${minMonths} months`,
    details: { minMonths, shortCourses: short },
  };
}
