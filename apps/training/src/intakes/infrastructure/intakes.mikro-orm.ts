import { readFileSync } from 'node:fs';
import { Inject, Injectable, type Provider } from '@nestjs/common';
import { z } from 'zod';
import { type IsoDate, kzCalendar } from '@hub/calendar';
import { IsoDateSchema } from '@hub/contracts';
import { NotFoundError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import type { Intake } from '../domain/intake.aggregate.js';
import type { ProviderApplication } from '../domain/provider-application.aggregate.js';
import { TrainingParticipationRepository } from '../../participants/application/ports/participation.repository.js';
import {
  IntakeRepository,
  ParticipationStatus,
  ProviderApplicationRepository,
  type TrainingParameters,
  TrainingParametersSource,
  WorkingDays,
} from '../application/ports/intakes.ports.js';
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

const ParametersFile = z.object({
  versions: z.array(z.object({ effectiveFrom: IsoDateSchema, completenessReviewWorkingDays: z.int().min(1).max(60), source: z.string().min(1) })).min(1),
});

/** Reads and checks data/training-rules.json once at start (a bad file stops the app with the path named). */
export function loadTrainingParameters(url = new URL('../../../data/training-rules.json', import.meta.url)): readonly TrainingParameters[] {
  const parsed = ParametersFile.safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) throw new Error(`${url.pathname}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return [...parsed.data.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
}

/** The version in force on a date: the latest whose effectiveFrom is on or before it. */
export function parametersOn(versions: readonly TrainingParameters[], date: IsoDate): TrainingParameters {
  const v = [...versions].reverse().find((x) => x.effectiveFrom <= date);
  if (!v) throw new Error(`no training parameters in force on ${date}`);
  return v;
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
    provide: TrainingParametersSource,
    useFactory: (): TrainingParametersSource => {
      const versions = loadTrainingParameters();
      return { on: (date) => parametersOn(versions, date) };
    },
  },
];
