import type { IsoDate } from '@hub/calendar';
import type { DraftContract } from '../../domain/call.aggregate.js';
import type { Delivery, Eligibility, ProgrammeDirection, RequiredSections } from '../../domain/service.aggregate.js';

export interface PriceView {
  readonly id: string;
  readonly effectiveFrom: IsoDate;
  readonly participantPriceTiyn: number | null;
  readonly nonParticipantPriceTiyn: number | null;
  readonly documentRef: string;
}
export interface ServiceView {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly direction: ProgrammeDirection;
  readonly eligibility: Eligibility;
  readonly requiredSections: RequiredSections;
  readonly delivery: Delivery;
  readonly priceList: readonly PriceView[];
}
export interface CallView {
  readonly id: string;
  readonly serviceId: string;
  readonly title: string;
  readonly contractConditions: string;
  readonly draftContract: DraftContract;
  readonly publishedOn: IsoDate;
  readonly intakeOpensOn: IsoDate;
  readonly intakeClosesOn: IsoDate;
  readonly reviewWorkingDays: number;
}

/** Port: reads for the public catalogue (no unit of work). */
export abstract class CatalogueReadModel {
  abstract services(): Promise<ServiceView[]>;
  abstract service(id: string): Promise<ServiceView | null>;
  abstract calls(filter: { serviceId?: string }): Promise<CallView[]>;
  abstract call(id: string): Promise<CallView | null>;
}
