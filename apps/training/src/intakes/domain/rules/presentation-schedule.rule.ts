import { ConflictError, ValidationError } from '@hub/kernel';

/** F-72: one applicant's slot in the Commission's presentation schedule. */
export interface PresentationSlot {
  readonly at: Date;
  readonly minutes: number;
}

/** Another application's slot already in the intake's schedule. */
export interface ScheduledPresentation extends PresentationSlot {
  readonly applicationId: string;
}

const end = (s: PresentationSlot): number => s.at.getTime() + s.minutes * 60_000;

/**
 * F-72 (issue #13): the Commission hears each applicant's presentation, then votes. A presentation is
 * scheduled ahead of now (422 naming `at`), and its slot overlaps no other applicant's slot of the
 * same intake (409 `training.presentation-slot-taken`): the Commission hears one applicant at a time.
 * Re-scheduling the same application replaces its own slot.
 */
export function assertPresentationSlotFree(applicationId: string, slot: PresentationSlot, schedule: readonly ScheduledPresentation[], now: Date): void {
  if (slot.at.getTime() <= now.getTime()) throw ValidationError.field('at', 'a presentation is scheduled ahead of now (F-72)', 'rule.F-72');
  const clash = schedule.find((o) => o.applicationId !== applicationId && slot.at.getTime() < end(o) && o.at.getTime() < end(slot));
  if (clash)
    throw new ConflictError(
      'training.presentation-slot-taken',
      `F-72: the slot overlaps the presentation of application ${clash.applicationId} at ${clash.at.toISOString()}`,
      {
        applicationId: clash.applicationId,
      },
    );
}

/**
 * F-72: the Commission decides by vote after hearing the presentation — a member votes only once the
 * applicant's presentation has begun (409 `training.presentation-not-heard` before, or when none is scheduled).
 */
export function assertPresentationHeard(presentationAt: Date | null, now: Date): void {
  if (!presentationAt || presentationAt.getTime() > now.getTime())
    throw new ConflictError(
      'training.presentation-not-heard',
      presentationAt
        ? `F-72: the presentation is at ${presentationAt.toISOString()}; the Commission votes after hearing it`
        : 'F-72: no presentation is scheduled; the Commission votes after hearing it',
    );
}
