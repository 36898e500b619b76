import type { GroundOutcome, RefusalGroundDefinition } from './ground-outcome.js';

/**
 * F-68(7): refusal when a course has no detailed curriculum — read as: the curriculum must cover
 * every week of the course with topics and academic hours (F-65(1)), weeks 1 … n without a gap,
 * and n at least the course's duration in weeks (4 weeks per month is the reading, ADR 0070).
 */
export const DETAILED_CURRICULUM_GROUND = 'F-68(7)';
export const DETAILED_CURRICULUM_GROUND_DEFINITION: RefusalGroundDefinition = {
  ruleId: DETAILED_CURRICULUM_GROUND,
  name: 'no-detailed-curriculum',
  effectiveFrom: '2026-01-16',
  effectiveTo: null,
};
const WEEKS_PER_MONTH = 4;

export function detailedCurriculumGround(
  courses: readonly { name: string; durationMonths: number; curriculum: readonly { week: number; topics: string; academicHours: number }[] }[],
): GroundOutcome {
  const lacking = courses
    .filter((c) => {
      const weeks = new Set(c.curriculum.filter((w) => w.topics.trim().length > 0 && w.academicHours > 0).map((w) => w.week));
      const needed = c.durationMonths * WEEKS_PER_MONTH;
      for (let week = 1; week <= needed; week++) if (!weeks.has(week)) return true;
      return false;
    })
    .map((c) => c.name);
  return {
    ruleId: DETAILED_CURRICULUM_GROUND,
    name: 'no-detailed-curriculum',
    refuses: lacking.length > 0,
    message: lacking.length > 0 ? `no week-by-week curriculum for the whole course: ${lacking.join(', ')}` : 'every course has a week-by-week curriculum',
    details: { coursesLacking: lacking },
  };
}
