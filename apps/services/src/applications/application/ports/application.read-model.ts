import type { ApplicationContent, ApplicationStatus, Remark } from '../../domain/service-application.aggregate.js';

export interface ApplicationView {
  readonly id: string;
  readonly callId: string;
  readonly serviceId: string;
  readonly recipientKind: 'legal-entity' | 'individual';
  readonly recipientId: string;
  readonly filedBy: string;
  readonly participantAtFiling: boolean;
  readonly language: 'kk' | 'ru' | 'en';
  readonly translationRequired: boolean;
  readonly content: ApplicationContent;
  readonly status: ApplicationStatus;
  readonly remarks: readonly Remark[];
  readonly filedAt: string;
  readonly reviewDueOn: string;
  readonly reviewOverdue: boolean;
  readonly refusalGround: string | null;
  readonly refusalReasons: string | null;
  readonly contract: {
    readonly id: string;
    readonly priceTiyn: number;
    readonly priceBasis: string;
    readonly priceListEntryId: string;
    readonly signedOn: string;
  } | null;
}

/** Port: reads (no unit of work). */
export abstract class ServiceApplicationReadModel {
  abstract find(id: string): Promise<ApplicationView | null>;
  /** Newest first; recipientIds/filedBy restrict (undefined = all). */
  abstract list(filter: { recipientIds?: readonly string[]; filedBy?: string; callId?: string; status?: ApplicationStatus }): Promise<ApplicationView[]>;
  abstract countByStatus(): Promise<Record<string, number>>;
}
