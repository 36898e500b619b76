import { Inject, Injectable, type Provider } from '@nestjs/common';
import { type IsoDate, kzCalendar } from '@hub/calendar';
import { referenceData, taxDebtLimitTiyn } from '@hub/reference-data';
import { ConflictError, NotFoundError } from '@hub/kernel';
import { DriverException } from '@mikro-orm/core';
import { HUB_CONFIG, UnitOfWork } from '@hub/nest-commons';
import type { TrainingConfig } from '../../config.js';
import { DebtorsRegister, TaxDebtData, UnfairProcurementRegister } from '../application/ports/registers.ports.js';
import {
  DevelopmentDebtorsRegister,
  DevelopmentTaxDebtData,
  DevelopmentUnfairProcurementRegister,
  UnavailableRegisters,
} from './registers/development-registers.adapter.js';
import type { Intake } from '../domain/intake.aggregate.js';
import type { ProviderApplication } from '../domain/provider-application.aggregate.js';
import type { CompletenessReview } from '../domain/completeness-review.js';
import type { Notice } from '../domain/notice.js';
import { TrainingParticipationRepository } from '../../participants/application/ports/participation.repository.js';
import { IntakeRepository, ParticipationStatus, ProviderApplicationRepository, TrainingThresholds, WorkingDays } from '../application/ports/intakes.ports.js';
import { IntakeSchema, ProviderApplicationSchema } from './intake.schema.js';

@Injectable()
export class MikroOrmIntakeRepository extends IntakeRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<Intake> {
    const intake = await this.uow.em().findOne(IntakeSchema, { id });
    if (!intake) throw new NotFoundError('intake', id);
    return intake;
  }
  add(intake: Intake): void {
    this.uow.em().persist(intake);
  }
}

@Injectable()
export class MikroOrmProviderApplicationRepository extends ProviderApplicationRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async get(id: string): Promise<ProviderApplication> {
    const a = await this.uow.em().findOne(ProviderApplicationSchema, { id });
    if (!a) throw new NotFoundError('provider application', id);
    return a;
  }
  add(application: ProviderApplication): void {
    this.uow.em().persist(application);
  }
  listByIntake(intakeId: string, statuses: readonly ProviderApplication['status'][]): Promise<ProviderApplication[]> {
    return this.uow.em().find(ProviderApplicationSchema, { intakeId, status: { $in: [...statuses] } }, { orderBy: { filedAt: 'asc', id: 'asc' } });
  }
  async flushPresentation(): Promise<void> {
    try {
      await this.uow.em().flush();
    } catch (e) {
      // 23P01 exclusion_violation of training_presentation_no_overlap (migration 20261207010000): the
      // platform maps only unique violations to 409, so this one is translated where it is declared.
      if (e instanceof DriverException && (e as DriverException & { code?: string }).code === '23P01')
        throw new ConflictError('training.presentation-slot-taken', 'F-72: the slot overlaps another applicant’s presentation scheduled at the same time');
      throw e;
    }
  }
  addReview(review: CompletenessReview): void {
    this.uow.em().persist(review);
  }
  addNotice(notice: Notice): void {
    this.uow.em().persist(notice);
  }
}

@Injectable()
export class ParticipationReadModelStatus extends ParticipationStatus {
  constructor(@Inject(TrainingParticipationRepository) private readonly participations: TrainingParticipationRepository) {
    super();
  }
  isActiveOn(bin: string, day: IsoDate): Promise<boolean> {
    return this.participations.isActiveParticipant(bin, day);
  }
}

export const intakeProviders: Provider[] = [
  { provide: IntakeRepository, useClass: MikroOrmIntakeRepository },
  { provide: ProviderApplicationRepository, useClass: MikroOrmProviderApplicationRepository },
  { provide: ParticipationStatus, useClass: ParticipationReadModelStatus },
  {
    provide: WorkingDays,
    useFactory: (): WorkingDays => {
      const calendar = kzCalendar();
      return { add: (date, n) => calendar.addWorkingDays(date, n) };
    },
  },
  {
    provide: TrainingThresholds,
    useFactory: (): TrainingThresholds => {
      const rd = referenceData();
      return {
        reviewWorkingDays: (on) => rd.numberAt('deadline.training-review-wd', on),
        remarksFixWorkingDays: (on) => rd.numberAt('deadline.training-remarks-fix-wd', on),
        decisionNoticeWorkingDays: (on) => rd.numberAt('deadline.training-decision-notice-wd', on),
        contractWorkingDays: (on) => rd.numberAt('deadline.training-contract-wd', on),
        taxDebtLimitTiyn: (on) => taxDebtLimitTiyn(on, rd),
        minCourseMonths: (on) => rd.numberAt('training-course-min-months', on),
      };
    },
  },
  // F-68 registers (ADR 0071): the development adapter only when configured so; otherwise none is
  // connected and the officer's recorded check with evidence is required.
  {
    provide: TaxDebtData,
    inject: [HUB_CONFIG],
    useFactory: (c: TrainingConfig): TaxDebtData => (c.TRAINING_REGISTERS === 'development' ? new DevelopmentTaxDebtData() : new UnavailableRegisters().tax),
  },
  {
    provide: UnfairProcurementRegister,
    inject: [HUB_CONFIG],
    useFactory: (c: TrainingConfig): UnfairProcurementRegister =>
      c.TRAINING_REGISTERS === 'development' ? new DevelopmentUnfairProcurementRegister() : new UnavailableRegisters().unfairProcurement,
  },
  {
    provide: DebtorsRegister,
    inject: [HUB_CONFIG],
    useFactory: (c: TrainingConfig): DebtorsRegister =>
      c.TRAINING_REGISTERS === 'development' ? new DevelopmentDebtorsRegister() : new UnavailableRegisters().debtors,
  },
];
