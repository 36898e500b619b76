import { Command } from '@nestjs/cqrs';
import type { IsoDate } from '@hub/calendar';
import type { DraftContract } from '../../domain/call.aggregate.js';
import type { Delivery, Eligibility, ProgrammeDirection, RequiredSections } from '../../domain/service.aggregate.js';

/** A fund officer adds a service to the catalogue (F-43 … F-46). */
export class DefineServiceCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      readonly code: string;
      readonly title: string;
      readonly direction: ProgrammeDirection;
      readonly eligibility: Eligibility;
      readonly requiredSections: RequiredSections;
      readonly delivery: Delivery;
    },
  ) {
    super();
  }
}

/** A fund or finance officer adds an effective-dated price-list entry from the Fund's internal document (F-56). */
export class AddPriceCommand extends Command<{ id: string }> {
  constructor(
    readonly serviceId: string,
    readonly input: {
      readonly effectiveFrom: IsoDate;
      readonly participantPriceTiyn: number | null;
      readonly nonParticipantPriceTiyn: number | null;
      readonly documentRef: string;
    },
  ) {
    super();
  }
}

/** A fund officer publishes a call: the contract conditions and the draft contract today, the intake later (F-47, F-55). */
export class PublishCallCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      readonly serviceId: string;
      readonly title: string;
      readonly contractConditions: string;
      readonly draftContract: DraftContract;
      readonly intakeOpensOn: IsoDate;
      readonly intakeClosesOn: IsoDate;
      readonly reviewWorkingDays?: number | undefined;
    },
  ) {
    super();
  }
}
