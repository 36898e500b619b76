import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { almatyDate } from '@hub/calendar';
import { Clock, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ServicesParametersSource } from '../../../shared/application/ports/services-parameters.source.js';
import { ServiceCall } from '../../domain/call.aggregate.js';
import { PriceListEntry } from '../../domain/price-list-entry.aggregate.js';
import { CatalogueService } from '../../domain/service.aggregate.js';
import { parametersOn } from '../../domain/services-parameters.js';
import { CatalogueRepository } from '../ports/catalogue.repository.js';
import { AddPriceCommand, DefineServiceCommand, PublishCallCommand } from './catalogue.commands.js';

@CommandHandler(DefineServiceCommand)
export class DefineServiceHandler implements ICommandHandler<DefineServiceCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ input }: DefineServiceCommand): Promise<{ id: string }> {
    return this.uow.run(async () => {
      const service = CatalogueService.define({ id: uuidv7(), ...input, at: this.clock.now() });
      this.catalogue.addService(service);
      return { id: service.id };
    });
  }
}

@CommandHandler(AddPriceCommand)
export class AddPriceHandler implements ICommandHandler<AddPriceCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ serviceId, input }: AddPriceCommand): Promise<{ id: string }> {
    return this.uow.run(async () => {
      await this.catalogue.getService(serviceId);
      const entry = PriceListEntry.add({ id: uuidv7(), serviceId, ...input, at: this.clock.now() });
      this.catalogue.addPrice(entry); // one entry per (service, effectiveFrom): a second is 409 (unique index)
      return { id: entry.id };
    });
  }
}

@CommandHandler(PublishCallCommand)
export class PublishCallHandler implements ICommandHandler<PublishCallCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(CatalogueRepository) private readonly catalogue: CatalogueRepository,
    @Inject(ServicesParametersSource) private readonly parameters: ServicesParametersSource,
    @Inject(Clock) private readonly clock: Clock,
  ) {}
  execute({ input }: PublishCallCommand): Promise<{ id: string }> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const today = almatyDate(now);
      await this.catalogue.getService(input.serviceId);
      const p = parametersOn(this.parameters.versions(), today);
      const call = ServiceCall.publish({
        id: uuidv7(),
        serviceId: input.serviceId,
        title: input.title,
        contractConditions: input.contractConditions,
        draftContract: input.draftContract,
        publishedOn: today,
        intakeOpensOn: input.intakeOpensOn,
        intakeClosesOn: input.intakeClosesOn,
        reviewWorkingDays: input.reviewWorkingDays ?? p.defaultReviewWorkingDays,
        leadMonths: p.conditionsLeadMonths,
        at: now,
      });
      this.catalogue.addCall(call);
      return { id: call.id };
    });
  }
}
