/** The application's value types, apart from the aggregate so that its rules and events import them without a cycle. */
export type RecipientKind = 'legal-entity' | 'individual';
export type Language = 'kk' | 'ru' | 'en';
export type ApplicationStatus = 'under-review' | 'remarks-issued' | 'approved' | 'refused' | 'contracted';
export type RefusalGround = 'non-compliance' | 'remarks-not-eliminated' | 'conditions-not-met';

/** F-48 (1) … (5): what the applicant states. (3) … (5) are present where the service requires them (or the applicant gives them). */
export interface ApplicationContent {
  readonly project: { readonly name: string; readonly direction: string; readonly summary: string; readonly expectedResults: string };
  readonly contacts: { readonly phone: string; readonly email: string; readonly city: string; readonly country: string };
  readonly readiness: {
    readonly stage: string;
    readonly technologies: string;
    readonly problem: string;
    readonly businessModel: string;
    readonly lifetime: string;
  } | null;
  readonly team: { readonly size: number; readonly involvement: string } | null;
  readonly pitchUrl: string | null;
}
export interface Remark {
  readonly field: string;
  readonly message: string;
  readonly issuedAt: string;
  /** Set when the applicant resubmitted after the remark (F-52 → F-53(2)). */
  readonly answeredAt: string | null;
}
