import { Inject, Injectable, type Provider } from '@nestjs/common';
import { HUB_CONFIG, UnitOfWork } from '@hub/nest-commons';
import type { TrainingConfig } from '../../config.js';
import type { PiiAccess, Trainee } from '../domain/trainee.js';
import { TraineeRepository } from '../application/ports/trainee.repository.js';
import { PiiCipher, piiCipherFrom } from '@hub/pii';
import { TraineeSchema } from './trainee.schema.js';

@Injectable()
export class MikroOrmTraineeRepository extends TraineeRepository {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {
    super();
  }
  async clear(applicationId: string): Promise<void> {
    await this.uow.em().nativeDelete(TraineeSchema, { applicationId });
  }
  listedElsewhere(intakeId: string, applicationId: string, iinIndexes: readonly string[]): Promise<number> {
    if (iinIndexes.length === 0) return Promise.resolve(0);
    return this.uow.em().count(TraineeSchema, { intakeId, applicationId: { $ne: applicationId }, iinIndex: { $in: [...iinIndexes] } });
  }
  add(trainee: Trainee): void {
    this.uow.em().persist(trainee);
  }
  ofApplication(applicationId: string): Promise<Trainee[]> {
    return this.uow.em().find(TraineeSchema, { applicationId }, { orderBy: { listedAt: 'asc', id: 'asc' } });
  }
  logAccess(access: PiiAccess): void {
    this.uow.em().persist(access);
  }
}

export const traineeProviders: Provider[] = [
  { provide: TraineeRepository, useClass: MikroOrmTraineeRepository },
  { provide: PiiCipher, inject: [HUB_CONFIG], useFactory: (c: TrainingConfig) => piiCipherFrom(c) },
];
