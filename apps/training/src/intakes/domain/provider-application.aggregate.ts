import type { IsoDate } from '@hub/calendar';
import { AggregateRoot, ValidationError } from '@hub/kernel';
import type { Mutable } from './mutable.js';
import type { TrainingEvent } from './intake.events.js';
import type { CourseSyllabus, TypedAttachment } from './intake.types.js';
import { assertInsideIntakeWindow } from './rules/application-window.rule.js';
import { assertActiveParticipant } from './rules/participant-eligibility.rule.js';
import { assertAccuracyDeclared } from './rules/declaration-of-accuracy.rule.js';

export type ProviderApplicationStatus = 'filed' | 'review-overdue';

/**
 * A training company's application to an intake (F-65 … F-67): one or more course syllabi, the
 * optional documents of F-65(2)–(6) as typed attachments, the language (F-66 as F-10) and the
 * declaration of accuracy (F-67). Filed only inside the intake's window (F-64) by an active Astana
 * Hub participant (F-77); the Fund reviews its completeness by `reviewDueOn` (F-68, working days).
 */
export class ProviderApplication extends AggregateRoot<TrainingEvent> {
  readonly id!: string;
  readonly intakeId!: string;
  readonly bin!: string;
  readonly language!: 'kk' | 'ru' | 'en';
  readonly courses!: readonly CourseSyllabus[];
  readonly attachments!: readonly TypedAttachment[];
  readonly declarationOfAccuracy!: boolean;
  readonly status!: ProviderApplicationStatus;
  readonly filedBy!: string;
  readonly filedAt!: Date;
  readonly filedOn!: IsoDate;
  readonly reviewDueOn!: IsoDate;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  private get m(): Mutable<ProviderApplication> {
    return this;
  }

  static file(input: {
    id: string;
    intake: { id: string; opensOn: IsoDate; closesOn: IsoDate };
    bin: string;
    activeParticipant: boolean;
    language: 'kk' | 'ru' | 'en';
    courses: readonly CourseSyllabus[];
    attachments: readonly TypedAttachment[];
    declarationOfAccuracy: boolean;
    filedBy: string;
    filedOn: IsoDate;
    reviewDueOn: IsoDate;
    at: Date;
  }): ProviderApplication {
    assertInsideIntakeWindow(input.intake, input.filedOn); // F-64
    assertActiveParticipant(input.bin, input.activeParticipant, input.filedOn); // F-77
    assertAccuracyDeclared(input.declarationOfAccuracy); // F-67
    if (input.courses.length === 0) throw ValidationError.field('courses', 'at least one course syllabus (F-65(1))');
    input.courses.forEach((c, i) => {
      const weeks = c.curriculum.map((w) => w.week);
      if (new Set(weeks).size !== weeks.length) throw ValidationError.field(`courses.${i}.curriculum`, 'each week appears once');
    });
    const a = new ProviderApplication();
    Object.assign(a, {
      id: input.id,
      intakeId: input.intake.id,
      bin: input.bin,
      language: input.language,
      courses: input.courses,
      attachments: input.attachments,
      declarationOfAccuracy: true,
      status: 'filed',
      filedBy: input.filedBy,
      filedAt: input.at,
      filedOn: input.filedOn,
      reviewDueOn: input.reviewDueOn,
      createdAt: input.at,
      updatedAt: input.at,
    });
    a.record({
      name: 'ProviderApplicationFiled',
      aggregateId: input.id,
      occurredAt: input.at,
      intakeId: input.intake.id,
      bin: input.bin,
      language: input.language,
      courses: input.courses,
      attachments: input.attachments,
      filedOn: input.filedOn,
      reviewDueOn: input.reviewDueOn,
    });
    return a;
  }

  /** The F-68 review period ended with the application still unreviewed. Idempotent. */
  markReviewOverdue(at: Date): void {
    if (this.status !== 'filed') return;
    this.m.status = 'review-overdue';
    this.m.updatedAt = at;
    this.record({ name: 'CompletenessReviewBecameOverdue', aggregateId: this.id, occurredAt: at, bin: this.bin, reviewDueOn: this.reviewDueOn });
  }
}
