import type { IsoDate } from '@hub/calendar';
import type { RequestStatus } from '../../domain/request.aggregate.js';

export interface RequestView {
  readonly id: string;
  readonly bin: string;
  readonly subject: string;
  readonly status: RequestStatus;
  readonly openedAt: string;
  readonly reviewDueOn: IsoDate;
}

/** Port: reads for the queries (no unit of work, no identity map). */
export abstract class HousingRequestReadModel {
  abstract find(id: string): Promise<RequestView | null>;
  /** Newest first; `bins` restricts to those companies (undefined = every company). */
  abstract list(filter: { bins?: readonly string[]; status?: RequestStatus }): Promise<RequestView[]>;
  abstract countByStatus(): Promise<Record<RequestStatus, number>>;
}
