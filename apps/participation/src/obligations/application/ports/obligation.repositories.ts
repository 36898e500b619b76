import type { AnnualIncome } from '../../domain/annual-income.js';
import type { AuditObligation } from '../../domain/audit-obligation.aggregate.js';
import type { CorporateNotice } from '../../domain/corporate-notice.js';
import type { InformationRequest } from '../../domain/information-request.aggregate.js';

/** Information requests (F-32, F-38), in the current unit of work. */
export abstract class InformationRequestRepository {
  /** The request, or NotFoundError. */
  abstract get(id: string): Promise<InformationRequest>;
  abstract add(request: InformationRequest): void;
}

/** Annual audit obligations (F-33), in the current unit of work. */
export abstract class AuditObligationRepository {
  /** The obligation, or NotFoundError. */
  abstract get(id: string): Promise<AuditObligation>;
  abstract findOf(participationId: string, financialYear: number): Promise<AuditObligation | null>;
  abstract add(obligation: AuditObligation): void;
}

/** Re-registration and liquidation notices (F-34), in the current unit of work. */
export abstract class CorporateNoticeRepository {
  abstract add(notice: CorporateNotice): void;
}

/** The declared annual income of a year (F-33, ADR 0052), in the current unit of work. */
export abstract class AnnualIncomeRepository {
  abstract findOf(participationId: string, financialYear: number): Promise<AnnualIncome | null>;
  abstract add(income: AnnualIncome): void;
}
