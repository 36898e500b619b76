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
  /** F-49: the Fund's Kazakh or Russian translation of an English application, once recorded. */
  readonly translation: { readonly language: 'kk' | 'ru'; readonly documentRef: string; readonly recordedAt: string } | null;
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
  abstract list(filter: {
    recipientIds?: readonly string[];
    filedBy?: string;
    callId?: string;
    status?: ApplicationStatus;
    /** F-49: only the English applications whose translation is (true) or is not (false) still to record. */
    translationOpen?: boolean;
  }): Promise<ApplicationView[]>;
  abstract countByStatus(): Promise<Record<string, number>>;
}
