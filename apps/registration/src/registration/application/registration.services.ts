import { Inject, Injectable } from '@nestjs/common';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { type WorkingDayCalendar, almatyDate } from '@hub/calendar';
import type { Actor, Role } from '@hub/contracts';
import { Clock, NotFoundError } from '@hub/kernel';
import { Outbox } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import type { ReferenceData } from '@hub/reference-data';
import type { ActivityTypeCatalogue } from '../domain/activity-type-catalogue.js';
import type { Application } from '../domain/application.aggregate.js';
import { type EligibilityEvaluation, evaluateEligibility } from '../domain/eligibility/eligibility-rule-set.js';
import { ApplicationRepository } from '../infrastructure/application.repository.js';
import { DeadlineBook } from './deadline-book.js';
import { ACTIVITY_TYPE_CATALOGUE, REFERENCE_DATA, WORKING_DAY_CALENDAR } from './registration.tokens.js';

/** Roles that work on applications for the Fund (they see every application; F-35 binds them as the Fund). */
export const REVIEWER_ROLES: readonly Role[] = ['fund-officer', 'commission-member', 'commission-secretary'];

/** What every registration use case needs, in one injectable. */
@Injectable()
export class RegistrationServices {
  constructor(
    @Inject(UnitOfWork) readonly uow: UnitOfWork,
    @Inject(Outbox) readonly outbox: Outbox,
    @Inject(Clock) readonly clock: Clock,
    @Inject(DeadlineBook) readonly deadlines: DeadlineBook,
    @Inject(ACTIVITY_TYPE_CATALOGUE) readonly catalogue: ActivityTypeCatalogue,
    @Inject(REFERENCE_DATA) readonly reference: ReferenceData,
    @Inject(WORKING_DAY_CALENDAR) readonly calendar: WorkingDayCalendar,
  ) {}

  today(): string {
    return almatyDate(this.clock.now());
  }

  repo(em: SqlEntityManager): ApplicationRepository {
    return new ApplicationRepository(em);
  }

  /** F-35: an applicant sees only its own companies' applications; anybody else's answers 404 (no existence leak). */
  assertMayRead(actor: Actor, app: Application): void {
    if (actor.roles.some((r) => REVIEWER_ROLES.includes(r))) return;
    if (actor.roles.includes('applicant') && actor.companies.includes(app.bin)) return;
    throw new NotFoundError('application', app.id);
  }

  /** Only the company's own representative acts on its application as applicant. */
  assertOwner(actor: Actor, app: Application): void {
    if (!actor.roles.includes('applicant') || !actor.companies.includes(app.bin)) throw new NotFoundError('application', app.id);
  }

  evaluate(app: Application, filedOn: string): EligibilityEvaluation {
    const i = app.eligibilityInputs();
    return evaluateEligibility({
      bin: app.bin,
      kind: app.kind,
      filedOn,
      evaluatedOn: this.today(),
      declaration: i.declaration,
      activityTypes: i.activityTypes,
      taxCertificate: i.taxCertificate,
      catalogue: this.catalogue,
      reference: this.reference,
    });
  }

  /** Activity types with their names from the list, as the published language carries them. */
  describeActivityTypes(selected: readonly { code: string; works: readonly string[] }[]): { code: string; name: string; works: string[] }[] {
    return selected.map((t) => {
      const type = this.catalogue.find(t.code);
      return { code: t.code, name: type?.nameRu ?? t.code, works: t.works.map((w) => type?.works.find((x) => x.code === w)?.name ?? w) };
    });
  }

  async nextNumber(em: SqlEntityManager, sequence: 'registration_certificate_seq' | 'registration_protocol_seq', prefix: string): Promise<string> {
    const [row] = await em.execute<{ n: string }[]>(`select nextval('${sequence}')::text as n`);
    return `${prefix}-${this.today().slice(0, 4)}-${String(row!.n).padStart(5, '0')}`;
  }
}
