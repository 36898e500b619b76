import { APPLICATION_REVIEWER_ROLES, PARTICIPANT_FILE_ROLES, type Role } from '@hub/contracts';
import type { Access } from './access-rule.js';
import { type CompiledPattern, compilePattern, matchParts, splitPath } from './route-pattern.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const STATE_CHANGING: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * One proxied route: `method /api/<upstream><path>` is forwarded to `<upstream base URL><path>`.
 * This table is the gateway's access policy for the contexts' APIs (ADR 0030): reviewed in code,
 * tested route × role (test/authorisation-matrix.int.spec.ts); anything not in it is 404 (path
 * unknown) or 405 (method not declared), and never reaches a context.
 */
export interface ProxiedRoute {
  readonly upstream: string;
  readonly method: HttpMethod;
  /** The context's own path, `:name` for a parameter. */
  readonly path: string;
  readonly summary: string;
  readonly access: Access;
  /** Path parameter holding the BIN the request acts on; applicants must hold it (F-35). */
  readonly companyParam?: string;
  /** Query parameter that, when given, names the BIN the request acts on (list filters); applicants must hold it (F-35). */
  readonly companyQuery?: string;
  /** Path parameter naming the resource, for the audit trail (default `id` when present). */
  readonly resourceParam?: string;
  /**
   * Reads restricted personal data (F-42 non-residents): every read is recorded in the audit trail,
   * and if it cannot be recorded the data is not released (fail closed, ADR 0032).
   */
  readonly restrictedPersonalData?: boolean;
}

// Single roles, and the groups of @hub/contracts (ADR 0035 §7: no local list of a group).
const APPLICANT: readonly Role[] = ['applicant'];
const OFFICER: readonly Role[] = ['fund-officer'];
const FINANCE: readonly Role[] = ['finance-officer'];
const SECRETARY: readonly Role[] = ['commission-secretary'];
const ANALYST: readonly Role[] = ['authorised-body-analyst'];
/** ADR 0106: a platform worker that stores the documents its context issues (client credentials; never a person). */
const DOCUMENT_ISSUER: readonly Role[] = ['document-issuer'];
/** A company's file (F-35): the company itself (the contexts filter an applicant to its own companies) and the Fund's people who may read participant files. */
const COMPANY_FILE_READERS: readonly Role[] = [...APPLICANT, ...PARTICIPANT_FILE_ROLES];
/** ADR 0110: the roles a document kind names as its handlers (the housing manager: the Fund's dwelling acts). */
const DOCUMENT_KIND_HANDLERS: readonly Role[] = ['housing-manager'];
/** ADR 0113: the roles that upload an office's documents (the cluster selection's organiser, institute experts, Commission secretary; C-2). */
const OFFICE_DOCUMENT_UPLOADERS: readonly Role[] = ['cluster-organiser', 'cluster-expert', 'cluster-commission-secretary'];
/** ADR 0113: …and those that read them too (the Commission's members). */
const OFFICE_DOCUMENT_READERS: readonly Role[] = [...OFFICE_DOCUMENT_UPLOADERS, 'cluster-commission-member'];
/** Who follows statutory deadlines that name companies: the same readers (the authorised body's analyst is not among them). */
const DEADLINE_READERS: readonly Role[] = [...COMPANY_FILE_READERS, 'deadline-reader'];
/** Who reads the Fund's own deadlines that are not a company's file: the Fund's staff, and the platform's deadline reader (ADR 0106: the staff digest). */
const STAFF_DEADLINE_READERS: readonly Role[] = [
  'fund-officer',
  'finance-officer',
  'commission-member',
  'commission-secretary',
  'housing-manager',
  'training-officer',
  'auditor',
  'deadline-reader',
];
const union = (...groups: (readonly Role[])[]): readonly Role[] => [...new Set(groups.flat())];

const reg = (method: HttpMethod, path: string, access: Access, summary: string, extra: Partial<ProxiedRoute> = {}): ProxiedRoute => ({
  upstream: 'registration',
  method,
  path,
  access,
  summary,
  ...extra,
});
const par = (method: HttpMethod, path: string, access: Access, summary: string, extra: Partial<ProxiedRoute> = {}): ProxiedRoute => ({
  upstream: 'participation',
  method,
  path,
  access,
  summary,
  ...extra,
});

/**
 * The contexts' routes reachable through the gateway, in step with each context's controllers
 * (their @Endpoint `access` is checked again there: defence in depth, the stricter wins). Where a
 * context admits any verified caller (`authenticated`), the gateway names the roles that need it.
 * The merged OpenAPI (`/api/openapi.json`) lists exactly these, with these roles.
 */
export const ROUTE_TABLE: readonly ProxiedRoute[] = [
  // ---- registration (F-7 … F-20) -------------------------------------------------------------
  reg('GET', '/registry', 'public', 'Public registry of participants (F-19)'),
  reg('GET', '/registry/export', 'public', 'Public registry as CSV/JSON (F-19)'),
  reg('GET', '/registry/certificates/:number', 'public', 'Verify a certificate by its number (F-18)', { resourceParam: 'number' }),
  reg('GET', '/activity-types', 'public', 'Priority ICT activity types (F-7(7))'),
  reg('POST', '/applications', APPLICANT, 'Start a draft application (F-8, F-20)'),
  reg('GET', '/applications', union(APPLICANT, APPLICATION_REVIEWER_ROLES), 'Applications (an applicant: its own companies, F-35)', { companyQuery: 'bin' }),
  reg('GET', '/applications/:id', union(APPLICANT, APPLICATION_REVIEWER_ROLES), 'One application'),
  reg('PATCH', '/applications/:id', APPLICANT, 'Fill or correct the draft (Annex 1, F-9)'),
  reg('POST', '/applications/:id/submit', APPLICANT, 'File the application (F-8; F-7, F-9 checks)'),
  reg('POST', '/applications/:id/resubmit', APPLICANT, 'Answer the remarks and file again (F-14, F-15)'),
  reg('GET', '/review-queue', OFFICER, 'Completeness review queue with working-day deadlines (F-12, F-14)'),
  reg('GET', '/deadlines', DEADLINE_READERS, "The Fund's statutory deadlines in registration (F-12 … F-20)", { companyQuery: 'bin' }),
  reg('GET', '/participants/:bin', COMPANY_FILE_READERS, "A participant's record: contract, term, certificate, activity types (F-18)", {
    companyParam: 'bin',
    resourceParam: 'bin',
  }),
  reg('POST', '/participants/:bin/address', APPLICANT, 'Report a change of the place of business (F-9(3))', { companyParam: 'bin', resourceParam: 'bin' }),
  reg('POST', '/applications/:id/remarks', OFFICER, 'Issue remarks (F-14)'),
  reg('POST', '/applications/:id/send-to-commission', OFFICER, 'Send to the Commission (F-13, F-15)'),
  reg('POST', '/applications/:id/notification', OFFICER, 'Record the notification of the decision (F-17)'),
  reg('POST', '/applications/:id/contract', OFFICER, 'Record the signed participant contract (F-18, F-19)'),
  reg('POST', '/applications/:id/certificate', OFFICER, 'Issue the certificate (F-18, Annex 2)'),
  reg('GET', '/applications/:id/certificate.pdf', union(OFFICER, APPLICANT), 'The certificate as PDF (Annex 2)'),
  reg('POST', '/applications/:id/listing', OFFICER, 'List in the public registry (F-19)'),
  reg('GET', '/translation-tasks', OFFICER, 'Translation tasks for English applications (F-10)'),
  reg('POST', '/translation-tasks/:id/complete', OFFICER, 'Complete a translation task (F-10)'),
  reg('GET', '/commission/agenda', APPLICATION_REVIEWER_ROLES, 'Applications before the Commission (F-15)'),
  reg('POST', '/applications/:id/votes', ['commission-member'], "Record a member's vote (F-15)"),
  reg('POST', '/applications/:id/decision', SECRETARY, 'Record the decision as a protocol (F-15, F-16)'),

  // ---- participation (F-21 … F-42) -----------------------------------------------------------
  par('GET', '/participations', COMPANY_FILE_READERS, 'Participations (an applicant: its own companies, F-35)', { companyQuery: 'bin' }),
  par('GET', '/participations/:id', COMPANY_FILE_READERS, 'One participation'),
  par('POST', '/participations/:id/extensions', union(APPLICANT, OFFICER), 'Apply for an extension (F-25)'),
  par('GET', '/participations/:id/extensions', COMPANY_FILE_READERS, 'Extensions of a participation (F-25)'),
  par('POST', '/participations/:id/extensions/:extensionId/decision', OFFICER, 'Decide an extension (F-25, Annex 3)'),
  par('GET', '/participations/:id/extensions/:extensionId/certificate.pdf', COMPANY_FILE_READERS, 'Extension certificate as PDF (Annex 3)'),
  par('POST', '/participations/:id/early-terminations', union(APPLICANT, OFFICER), 'Open an early termination (F-28, F-29)'),
  par('GET', '/early-terminations', COMPANY_FILE_READERS, 'Early-termination cases (F-28 … F-30)'),
  par('POST', '/early-terminations/:caseId/commission-decision', SECRETARY, 'Commission decision on early termination (F-30)', { resourceParam: 'caseId' }),
  par('POST', '/participations/:id/income-declarations', union(APPLICANT, OFFICER, FINANCE), "Declare the previous quarter's income (F-21, F-22)"),
  par(
    'POST',
    '/participations/:id/annual-income',
    union(APPLICANT, OFFICER, FINANCE),
    "Declare the company's annual income that decides the audit duty (F-33)",
  ),
  par('GET', '/participations/:id/fees', COMPANY_FILE_READERS, 'Membership fees of a participation (F-21 … F-23)'),
  par('POST', '/fees/:feeId/payments', union(FINANCE, OFFICER), 'Record a fee payment (F-21)', { resourceParam: 'feeId' }),
  par('POST', '/fee-payments/imports', FINANCE, 'Import a bank statement CSV of fee payments (F-21)'),
  par('GET', '/fees/arrears', union(OFFICER, FINANCE), 'Fee arrears (F-28(6))'),
  par('POST', '/participations/:id/quarterly-reports/:year/:quarter', union(APPLICANT, OFFICER), 'File the quarterly report (F-37, F-39, F-42)'),
  par('GET', '/participations/:id/quarterly-reports', COMPANY_FILE_READERS, 'Quarterly reports of a participation (F-37)'),
  par('GET', '/quarterly-reports/overdue', OFFICER, 'Overdue quarterly reports (F-28(4))'),
  par('GET', '/quarterly-reports/:reportId/non-residents', union(OFFICER, APPLICANT), 'Non-residents of a quarterly report (F-42: restricted personal data)', {
    resourceParam: 'reportId',
    restrictedPersonalData: true,
  }),
  par('GET', '/pii-access-log', union(OFFICER, ['auditor']), "Participation's own log of reads of non-resident data (F-42)"),
  par('POST', '/analytics/quarterly/:year/:quarter', OFFICER, 'Generate the quarterly analytics for the authorised body (F-41)'),
  par('GET', '/analytics/quarterly/:year/:quarter', union(OFFICER, ANALYST), 'Quarterly analytics (F-41)'),
  par('GET', '/analytics/quarterly/:year/:quarter/report.csv', union(OFFICER, ANALYST), 'Quarterly analytics as CSV (F-41)'),
  par('GET', '/analytics/quarterly/:year/:quarter/report.md', union(OFFICER, ANALYST), 'Quarterly analytics as a readable document (F-41)'),
  par('POST', '/participations/:id/monitoring-conclusions', OFFICER, 'Record a monitoring conclusion (F-36, F-40)'),
  par('GET', '/participations/:id/monitoring-conclusions', APPLICATION_REVIEWER_ROLES, 'Monitoring conclusions (F-40)'),
  par('POST', '/participations/:id/information-requests', OFFICER, 'Request information or documents (F-32, F-38)'),
  par('POST', '/information-requests/:requestId/answer', union(APPLICANT, OFFICER), 'Answer an information request (F-32, F-38)', {
    resourceParam: 'requestId',
  }),
  par('GET', '/information-requests', COMPANY_FILE_READERS, 'Information requests (F-32, F-38)'),
  par('GET', '/audit-obligations', COMPANY_FILE_READERS, 'Annual audit obligations (F-33)'),
  par('POST', '/audit-obligations/:obligationId/opinion', union(APPLICANT, OFFICER), 'Submit the audit opinion (F-33)', { resourceParam: 'obligationId' }),
  par('POST', '/participations/:id/corporate-notices', union(APPLICANT, OFFICER), 'Notify re-registration or liquidation (F-34)'),
  par(
    'GET',
    '/participations/:id/corporate-notices',
    COMPANY_FILE_READERS,
    "A participation's own re-registration and liquidation notices (F-34; F-35: the company's own)",
  ),
  par('GET', '/corporate-notices', OFFICER, 'Re-registration and liquidation notices (F-34)'),
  par(
    'GET',
    '/deadlines',
    DEADLINE_READERS,
    'Open deadlines of participation: fees, reports, requests, audit opinions, planned ends (F-21, F-27, F-32, F-33, F-37)',
    { companyQuery: 'bin' },
  ),
  // ---- documents (ADR 0045; generated by tools/hub new-context, then kept in step with its controller) ----
  // Reads: the company and the participant-file readers (F-35); F-42-class kinds are narrowed to the
  // company and fund officers inside the context (per document, which the gateway cannot see), and
  // every download grant is logged there in its transaction. Writes: the company or a fund officer.
  // ADR 0110: the housing manager reaches them too, and inside the context only the kind it handles
  // (the Fund's own dwelling acts, data/document-kinds.json `handlers`). ADR 0113: the cluster roles
  // reach them for an office's documents only (the kinds naming them as `uploaders` / `readers`).
  {
    upstream: 'documents',
    method: 'POST',
    path: '/documents/uploads',
    access: union(APPLICANT, OFFICER, DOCUMENT_KIND_HANDLERS, OFFICE_DOCUMENT_UPLOADERS),
    summary: 'Start uploading a company document: a presigned PUT of 5 minutes (ADR 0045)',
  },
  {
    upstream: 'documents',
    method: 'POST',
    path: '/documents/:id/complete',
    access: union(APPLICANT, OFFICER, DOCUMENT_KIND_HANDLERS, OFFICE_DOCUMENT_UPLOADERS),
    summary: 'Complete an upload: the server verifies size, real type and SHA-256 (ADR 0045)',
  },
  {
    upstream: 'documents',
    method: 'POST',
    path: '/documents/:id/attach',
    access: union(APPLICANT, OFFICER, DOCUMENT_KIND_HANDLERS, OFFICE_DOCUMENT_UPLOADERS),
    summary: 'Attach a verified document; immutable afterwards (ADR 0045)',
  },
  {
    upstream: 'documents',
    method: 'GET',
    path: '/documents',
    access: union(COMPANY_FILE_READERS, DOCUMENT_KIND_HANDLERS, OFFICE_DOCUMENT_READERS),
    summary: "A company's documents (F-35; restricted kinds F-42)",
    companyQuery: 'bin',
  },
  {
    upstream: 'documents',
    method: 'GET',
    path: '/documents/:id',
    access: union(COMPANY_FILE_READERS, DOCUMENT_KIND_HANDLERS, OFFICE_DOCUMENT_READERS),
    summary: 'One document (F-35; restricted kinds F-42)',
  },
  {
    upstream: 'documents',
    method: 'GET',
    path: '/documents/:id/download',
    access: union(COMPANY_FILE_READERS, DOCUMENT_KIND_HANDLERS, OFFICE_DOCUMENT_READERS),
    summary: 'A presigned download URL of 60 s after the F-35/F-42 check, logged (ADR 0045)',
  },
  {
    upstream: 'documents',
    method: 'POST',
    path: '/issued-documents',
    access: DOCUMENT_ISSUER,
    summary: 'Store a document the Fund issued, once, with its hash (ADR 0045); platform workers only (ADR 0106)',
  },
  // ---- services (issue #12, ADR 0060): the catalogue, price list and calls are public (F-55: published on the Fund's internet resource) ----
  { upstream: 'services', method: 'GET', path: '/services', access: 'public', summary: 'The catalogue with each price list (F-43 … F-46, F-56)' },
  { upstream: 'services', method: 'GET', path: '/services/:id', access: 'public', summary: 'One service with its price list' },
  { upstream: 'services', method: 'POST', path: '/services', access: OFFICER, summary: 'Add a service to the catalogue (F-43 … F-46)' },
  {
    upstream: 'services',
    method: 'POST',
    path: '/services/:id/prices',
    access: union(OFFICER, FINANCE),
    summary: 'Add an effective-dated price-list entry (F-56)',
  },
  { upstream: 'services', method: 'GET', path: '/calls', access: 'public', summary: 'Published calls with conditions and draft contracts (F-55)' },
  { upstream: 'services', method: 'GET', path: '/calls/:id', access: 'public', summary: 'One call (F-55)' },
  { upstream: 'services', method: 'POST', path: '/calls', access: OFFICER, summary: 'Publish a call at least a month before intake (F-47, F-55)' },
  { upstream: 'services', method: 'POST', path: '/service-applications', access: APPLICANT, summary: 'File a service application (F-47 … F-50)' },
  {
    upstream: 'services',
    method: 'GET',
    path: '/service-applications',
    access: union(APPLICANT, OFFICER, FINANCE, ['auditor']),
    summary: 'Service applications (an applicant: its own)',
  },
  {
    upstream: 'services',
    method: 'GET',
    path: '/service-applications/:id',
    access: union(APPLICANT, OFFICER, FINANCE, ['auditor']),
    summary: 'One service application',
  },
  { upstream: 'services', method: 'POST', path: '/service-applications/:id/remarks', access: OFFICER, summary: 'Remarks on F-48 fields (F-52)' },
  { upstream: 'services', method: 'POST', path: '/service-applications/:id/resubmission', access: APPLICANT, summary: 'Answer the remarks (F-52)' },
  {
    upstream: 'services',
    method: 'POST',
    path: '/service-applications/:id/decision',
    access: OFFICER,
    summary: 'Contract or refusal on an F-53 ground (F-51, F-53)',
  },
  {
    upstream: 'services',
    method: 'POST',
    path: '/service-applications/:id/contract',
    access: OFFICER,
    summary: 'Sign the contract at the price fixed today (F-55, F-56)',
  },
  {
    upstream: 'services',
    method: 'POST',
    path: '/service-applications/:id/translation',
    access: OFFICER,
    summary: 'Record the Kazakh or Russian translation of an English application (F-49, as F-10)',
  },
  // services: acceleration cohorts (F-44, ADR 0064) — the enrolments carry IINs (F-42): the Fund's people only
  { upstream: 'services', method: 'POST', path: '/cohorts', access: OFFICER, summary: 'Open a cohort of an acceleration service (F-44)' },
  { upstream: 'services', method: 'GET', path: '/cohorts', access: union(OFFICER, FINANCE, ['auditor']), summary: 'Cohorts with their enrolments (F-44)' },
  { upstream: 'services', method: 'GET', path: '/cohorts/:id', access: union(OFFICER, FINANCE, ['auditor']), summary: 'One cohort (F-44)' },
  { upstream: 'services', method: 'POST', path: '/cohorts/:id/enrolments', access: OFFICER, summary: 'Enrol a person within the capacity (F-44, F-55)' },
  {
    upstream: 'services',
    method: 'POST',
    path: '/cohorts/:id/enrolments/:enrolmentId/expulsion',
    access: OFFICER,
    summary: 'Expel a person from a cohort (F-44; housing F-61)',
  },
  {
    upstream: 'services',
    method: 'POST',
    path: '/cohorts/:id/enrolments/:enrolmentId/completion',
    access: OFFICER,
    summary: 'A person completed the cohort (F-44; housing F-60)',
  },
  {
    upstream: 'services',
    method: 'GET',
    path: '/deadlines',
    access: DEADLINE_READERS,
    summary: 'Open service-application reviews with their working-day due dates (F-51, ADR 0033, ADR 0061)',
  },
  // services: third-party purchases on commercial offers (F-56 ¶2, ADR 0064)
  { upstream: 'services', method: 'POST', path: '/purchases', access: union(OFFICER, FINANCE), summary: 'Open a purchase of a third-party service (F-56)' },
  { upstream: 'services', method: 'GET', path: '/purchases', access: union(OFFICER, FINANCE, ['auditor']), summary: 'Purchases with their offers (F-56)' },
  { upstream: 'services', method: 'GET', path: '/purchases/:id', access: union(OFFICER, FINANCE, ['auditor']), summary: 'One purchase (F-56)' },
  { upstream: 'services', method: 'POST', path: '/purchases/:id/offers', access: union(OFFICER, FINANCE), summary: 'Add a commercial offer (F-56)' },
  {
    upstream: 'services',
    method: 'POST',
    path: '/purchases/:id/choice',
    access: OFFICER,
    summary: 'Choose the supplier; a reason when not the cheapest (F-56)',
  },
  // services: the contract's money and delivery (F-55, ADR 0066) — finance invoices and records payments; the recipient answers its acts
  {
    upstream: 'services',
    method: 'POST',
    path: '/service-applications/:id/invoices',
    access: FINANCE,
    summary: 'Issue an invoice under the contract, within its amount (F-55)',
  },
  {
    upstream: 'services',
    method: 'GET',
    path: '/invoices',
    access: union(APPLICANT, OFFICER, FINANCE, ['auditor']),
    summary: 'Invoices: a recipient its own (F-55)',
  },
  {
    upstream: 'services',
    method: 'GET',
    path: '/invoices/:id',
    access: union(APPLICANT, OFFICER, FINANCE, ['auditor']),
    summary: 'One invoice with its payments (F-55)',
  },
  { upstream: 'services', method: 'POST', path: '/invoices/:id/payments', access: FINANCE, summary: 'Record a payment by hand (F-55)' },
  { upstream: 'services', method: 'POST', path: '/invoices/:id/cancellation', access: FINANCE, summary: 'Cancel an unpaid invoice issued in error (F-55)' },
  {
    upstream: 'services',
    method: 'POST',
    path: '/invoice-payments/imports',
    access: FINANCE,
    summary: 'Import service payments from the bank statement, all rows or none (F-55, ADR 0066)',
  },
  {
    upstream: 'services',
    method: 'POST',
    path: '/service-applications/:id/delivery-acts',
    access: OFFICER,
    summary: 'Issue an act of services delivered under the contract (F-55)',
  },
  {
    upstream: 'services',
    method: 'GET',
    path: '/delivery-acts',
    access: union(APPLICANT, OFFICER, FINANCE, ['auditor']),
    summary: 'Delivery acts: a recipient its own (F-55)',
  },
  {
    upstream: 'services',
    method: 'GET',
    path: '/delivery-acts/:id',
    access: union(APPLICANT, OFFICER, FINANCE, ['auditor']),
    summary: 'One delivery act (F-55)',
  },
  {
    upstream: 'services',
    method: 'POST',
    path: '/delivery-acts/:id/answer',
    access: APPLICANT,
    summary: 'The recipient accepts or disputes a delivery act (F-55)',
  },
  // ---- training (issue #13: intakes and provider applications, F-64 … F-68, F-77; keep in step with its controllers and the gateway's EXPECTED_POLICY) ----
  {
    upstream: 'training',
    method: 'POST',
    path: '/intakes',
    access: ['training-officer'],
    summary: 'Announce an intake of ICT training providers with its window, selection criteria and intake order (F-64, F-77)',
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/intakes',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'Announced intakes of ICT training providers (F-64)',
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/intakes/:id',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'One intake of ICT training providers',
  },
  {
    upstream: 'training',
    method: 'POST',
    path: '/provider-applications',
    access: ['applicant'],
    summary: 'File a provider application to an intake (F-64 window, F-65 … F-67, F-77 participant)',
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/provider-applications',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'Provider applications of ICT training (an applicant: its own companies, F-35)',
    companyQuery: 'bin',
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/provider-applications/:id',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'One provider application of ICT training (F-35)',
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/deadlines',
    access: STAFF_DEADLINE_READERS,
    summary: 'Open training deadlines: the completeness review of provider applications (F-68)',
  },
  {
    upstream: 'training',
    method: 'POST',
    path: '/provider-applications/:id/completeness-review',
    access: ['training-officer'],
    summary: "F-68 completeness review: the eight refusal grounds, registers via adapters or the officer's recorded check, each outcome with source and date",
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/provider-applications/:id/completeness-reviews',
    access: ['fund-officer', 'finance-officer', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'F-68 completeness reviews of a provider application',
  },
  {
    upstream: 'training',
    method: 'POST',
    path: '/provider-applications/:id/remarks',
    access: ['training-officer'],
    summary: 'Issue remarks on an incomplete provider application within 10 WD of filing (F-70)',
  },
  {
    upstream: 'training',
    method: 'POST',
    path: '/provider-applications/:id/remarks/fix',
    access: ['applicant'],
    summary: 'Fix the remarks within 10 WD of receipt (F-71)',
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/provider-applications/:id/notices',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'Notices about a provider application: lapse (F-71), decision (F-74)',
  },
  {
    upstream: 'training',
    method: 'POST',
    path: '/intakes/:id/commission/members',
    access: ['training-officer'],
    summary: "Appoint a member of the intake's Independent Commission (F-69)",
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/intakes/:id/commission',
    access: ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: "The Independent Commission of an intake with the members' declarations (F-69)",
  },
  {
    upstream: 'training',
    method: 'POST',
    path: '/intakes/:id/commission/declaration',
    access: ['commission-member'],
    summary: "A member's conflict-of-interest declaration, before seeing applications (F-69)",
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/intakes/:id/commission/applications',
    access: ['commission-member'],
    summary: 'The applications before the Commission, for a declared member without conflicts (F-69)',
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/intakes/:id/commission/schedule',
    access: ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: "The Commission's presentation schedule of the intake (F-72; a member after the declaration, without conflicted applicants)",
  },
  {
    upstream: 'training',
    method: 'POST',
    path: '/provider-applications/:id/presentation',
    access: ['commission-secretary'],
    summary: "Schedule the applicant's presentation to the Commission (F-72)",
  },
  {
    upstream: 'training',
    method: 'POST',
    path: '/provider-applications/:id/votes',
    access: ['commission-member'],
    summary: "A member's vote on a complete application (F-72)",
  },
  {
    upstream: 'training',
    method: 'POST',
    path: '/intakes/:id/commission/decision',
    access: ['commission-secretary'],
    summary: "Record the Commission's decision: outcomes follow the votes, quotas by the F-73 formula (F-72, F-73, F-77)",
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/intakes/:id/commission/protocol',
    access: ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: "The protocol of the Commission's decision (F-72)",
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/intakes/:id/quota-calculation',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'The quota calculation with its snapshotted inputs (F-73)',
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/intakes/:id/quota-calculation.csv',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'The quota calculation as CSV (F-73)',
  },
  {
    upstream: 'training',
    method: 'POST',
    path: '/provider-applications/:id/decision-notice',
    access: ['training-officer'],
    summary: 'Send the decision notice within 5 WD (F-74)',
  },
  {
    upstream: 'training',
    method: 'POST',
    path: '/provider-applications/:id/contract',
    access: ['training-officer'],
    summary: 'Record the signed contract within 10 WD of the positive decision (F-75)',
  },
  {
    upstream: 'training',
    method: 'PUT',
    path: '/provider-applications/:id/trainees',
    access: ['applicant'],
    summary: 'List the trainees of an admitted provider (F-76: valid IINs, at most its quotas, once per intake)',
  },
  {
    upstream: 'training',
    method: 'GET',
    path: '/provider-applications/:id/trainees',
    access: ['applicant', 'training-officer'],
    summary: "The trainees' IIN and name (F-42, F-76: the company and the training officer; reads logged)",
  },
  // ---- clusters (issue #15, C-2 … C-12; keep in step with apps/clusters's @Endpoint access and EXPECTED_POLICY). The announcement and the rule sets are public (C-5); a participant (applicant) sees only its own applications (C-2). ----
  // ---- clusters (issue #15, C-2 … C-21; keep in step with apps/clusters's @Endpoint access and EXPECTED_POLICY). The announcement and the rule sets are public (C-5); a participant (applicant) sees only its own applications (C-2). ----
  {
    upstream: 'clusters',
    method: 'GET',
    path: '/rule-sets',
    access: 'public',
    summary: 'Rule sets of the cluster selection programme with their effective periods (ADR 0080)',
  },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/rounds',
    access: ['cluster-organiser'],
    summary: 'Announce a round of cluster selection, at least 60 CD before its deadline (C-3 … C-5)',
  },
  { upstream: 'clusters', method: 'GET', path: '/rounds', access: 'public', summary: 'Announced rounds of cluster selection (C-5)' },
  { upstream: 'clusters', method: 'GET', path: '/rounds/:id', access: 'public', summary: 'One announcement of cluster selection (C-5)' },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/rounds/:id/commission',
    access: ['cluster-organiser'],
    summary: "Form a round's Commission (C-2, C-19; ADR 0083)",
  },
  {
    upstream: 'clusters',
    method: 'GET',
    path: '/rounds/:id/commission',
    access: ['cluster-organiser', 'cluster-commission-member', 'cluster-commission-secretary'],
    summary: "A round's Commission: composition, the members' votes, the protocol (C-19, C-20)",
  },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/rounds/:id/votes',
    access: ['cluster-commission-member'],
    summary: 'A Commission member votes on an application, once (C-19)',
  },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/rounds/:id/protocol',
    access: ['cluster-commission-secretary'],
    summary: "The Commission's protocol on the winners, following the members' votes (C-19, C-20)",
  },
  { upstream: 'clusters', method: 'POST', path: '/rounds/:id/results', access: ['cluster-organiser'], summary: 'Publish the results of a round (C-21)' },
  { upstream: 'clusters', method: 'GET', path: '/rounds/:id/results', access: 'public', summary: 'The published results of a round (C-21)' },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/applications',
    access: ['applicant'],
    summary: 'File an application to a round of cluster selection (C-6 … C-11)',
  },
  {
    upstream: 'clusters',
    method: 'GET',
    path: '/applications',
    access: ['applicant', 'cluster-organiser', 'cluster-expert'],
    summary: 'Applications to cluster selection (a participant: its own only, C-2; the institute: those sent to it, C-13)',
    companyQuery: 'bin',
  },
  {
    upstream: 'clusters',
    method: 'GET',
    path: '/applications/:id',
    access: ['applicant', 'cluster-organiser', 'cluster-expert'],
    summary: 'One application to cluster selection',
  },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/applications/:id/revisions',
    access: ['applicant'],
    summary: 'Change an application before the deadline (C-9)',
  },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/applications/:id/withdrawal',
    access: ['applicant'],
    summary: 'Withdraw an application before the deadline (C-9)',
  },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/applications/:id/compliance',
    access: ['cluster-organiser'],
    summary: 'Compliance check: compliant or returned with notice (C-12)',
  },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/applications/:id/institute-transfer',
    access: ['cluster-organiser'],
    summary: 'Send a compliant application to the national institute within 3 WD (C-13)',
  },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/applications/:id/expert-opinion',
    access: ['cluster-expert'],
    summary: "The institute's opinion: a SWOT and a finding per Annex 4 criterion (C-14, C-15)",
  },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/rounds/:id/comparative-assessment',
    access: ['cluster-expert'],
    summary: "The institute's comparative assessment of the round's applications (C-14, C-16)",
  },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/rounds/:id/opinions-to-organiser',
    access: ['cluster-expert'],
    summary: 'The institute hands the opinions to the organiser within 5 WD (C-17)',
  },
  {
    upstream: 'clusters',
    method: 'POST',
    path: '/rounds/:id/opinions-to-commission',
    access: ['cluster-organiser'],
    summary: 'The organiser puts the materials and opinions before the Commission within 3 WD (C-18)',
  },
  {
    upstream: 'clusters',
    method: 'GET',
    path: '/rounds/:id/expert-review',
    access: ['cluster-organiser', 'cluster-expert', 'cluster-commission-member', 'cluster-commission-secretary'],
    summary: "The institute's opinions and comparison on a round (the Commission: once before it, C-18)",
  },
  {
    upstream: 'clusters',
    method: 'GET',
    path: '/deadlines',
    access: ['cluster-organiser', ...STAFF_DEADLINE_READERS],
    summary: 'Open deadlines of cluster selection: compliance checks (C-12)',
  },
  // ---- notifications (issue #16; keep in step with apps/notifications's @Endpoint access and EXPECTED_POLICY). The recipients are the companies in the applicant's token (hub_companies, F-35). ----
  {
    upstream: 'notifications',
    method: 'GET',
    path: '/inbox',
    access: ['applicant'],
    summary: "The in-portal inbox: the caller's companies' messages and the unread count",
  },
  {
    upstream: 'notifications',
    method: 'POST',
    path: '/inbox/:id/read',
    access: ['applicant'],
    summary: 'Mark a message read (a statutory notice read in the portal is delivered, ADR 0092)',
  },
  {
    upstream: 'notifications',
    method: 'GET',
    path: '/recipients/:bin/preferences',
    access: ['applicant'],
    summary: "A company's notice language and e-mail address (its representatives only, F-35)",
    companyParam: 'bin',
  },
  {
    upstream: 'notifications',
    method: 'PUT',
    path: '/recipients/:bin/preferences',
    access: ['applicant'],
    summary: "Set a company's notice language and e-mail address (ADR 0090)",
    companyParam: 'bin',
  },
  {
    upstream: 'notifications',
    method: 'GET',
    path: '/messages',
    access: ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'The message log of a company or an application (no bodies, addresses masked, F-42)',
  },
  {
    upstream: 'notifications',
    method: 'GET',
    path: '/messages/dead-letters',
    access: ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'The dead letters: e-mails given up after the last attempt, with the reason (no bodies, addresses masked; ADR 0104)',
  },
  {
    upstream: 'notifications',
    method: 'POST',
    path: '/messages/:id/resend',
    access: ['fund-officer', 'training-officer', 'housing-manager'],
    summary: "Send a dead letter again, to the company's current address (ADR 0104)",
  },
  {
    upstream: 'notifications',
    method: 'GET',
    path: '/me/notification-settings',
    access: ['applicant', 'commission-member', 'cluster-commission-member'],
    summary:
      "The caller's own notice language and e-mail per kind, and a Commission member's digest switch (ADR 0114, ADR 0138; the person is the token's subject)",
  },
  {
    upstream: 'notifications',
    method: 'PUT',
    path: '/me/notification-settings',
    access: ['applicant', 'commission-member', 'cluster-commission-member'],
    summary:
      "Set the caller's notice language, reminders by e-mail and (a Commission member) the digest; statutory notices cannot be switched off (422, ADR 0114, ADR 0138)",
  },
  {
    upstream: 'notifications',
    method: 'PUT',
    path: '/me/contact',
    access: ['applicant', 'commission-member', 'cluster-commission-member'],
    summary: "Record the caller's contact from their verified token, once per session after sign-in (ADR 0145; the e-mail is the IdP's claim, F-42); 204",
  },
  // ---- housing (issue #14, F-57 … F-62; keep in step with apps/housing's @Endpoint access and EXPECTED_POLICY). A person in acceleration is an applicant acting for themselves (their token's subject). ----
  { upstream: 'housing', method: 'POST', path: '/buildings', access: ['housing-manager'], summary: 'Register a building in a town (KATO code + name)' },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/buildings',
    access: ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'Buildings of the Fund',
  },
  {
    upstream: 'housing',
    method: 'POST',
    path: '/buildings/:id/units',
    access: ['housing-manager'],
    summary: 'Register a dwelling or premises (F-57) in a building',
  },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/units',
    access: ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'Dwellings and premises',
  },
  { upstream: 'housing', method: 'POST', path: '/units/:id/out-of-service', access: ['housing-manager'], summary: 'Take a unit out of service for a period' },
  { upstream: 'housing', method: 'POST', path: '/housing-requests', access: ['applicant'], summary: 'A person in acceleration asks for housing (F-59)' },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/housing-requests',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'Housing requests (a person: their own)',
  },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/housing-requests/:id',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'One housing request',
  },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/housing-requests/:id/personal-data',
    access: ['applicant', 'housing-manager'],
    summary: "A resident's IIN and contacts (F-42: restricted personal data; the person or housing staff)",
    restrictedPersonalData: true,
  },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/waitlist',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: "A town's housing waitlist in its published order (F-62)",
  },
  {
    upstream: 'housing',
    method: 'POST',
    path: '/waitlist/offer-next',
    access: ['housing-manager'],
    summary: 'Offer free beds to the next eligible people (F-62)',
  },
  {
    upstream: 'housing',
    method: 'POST',
    path: '/allocations',
    access: ['housing-manager'],
    summary: 'Offer a given bed to a waiting person (no double booking)',
  },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/allocations',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'Offers and allocations of beds (a person: their own)',
  },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/allocations/:id',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'One offer or allocation',
  },
  { upstream: 'housing', method: 'POST', path: '/allocations/:id/accept', access: ['applicant'], summary: 'Accept an offer: the housing contract (F-60)' },
  { upstream: 'housing', method: 'POST', path: '/allocations/:id/decline', access: ['applicant'], summary: 'Decline an offer (F-62)' },
  { upstream: 'housing', method: 'POST', path: '/allocations/:id/check-in', access: ['housing-manager'], summary: 'The check-in act (F-60)' },
  {
    upstream: 'housing',
    method: 'POST',
    path: '/allocations/:id/handover',
    access: ['housing-manager'],
    summary: 'The acceptance-transfer act on vacating (F-61)',
  },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/deadlines',
    access: STAFF_DEADLINE_READERS,
    summary: 'Open housing deadlines: offer acceptance (F-62), vacating (F-61), handing premises back (F-58, ADR 0053)',
  },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/pii-access-log',
    access: ['housing-manager', 'auditor'],
    summary: "Housing's log of reads of residents' personal data (F-42)",
  },
  { upstream: 'housing', method: 'POST', path: '/premises-leases', access: ['applicant'], summary: 'A participant asks for premises (F-57, F-58)' },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/premises-leases',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'Premises leases (an applicant: its own companies, F-35)',
    companyQuery: 'bin',
  },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/premises-leases/:id/scans',
    access: ['applicant', 'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: "The scans of a lease's hand-back act housing knows of (ADR 0124; an applicant: its own companies, F-35)",
  },
  {
    upstream: 'housing',
    method: 'POST',
    path: '/premises-leases/:id/allocate',
    access: ['housing-manager'],
    summary: 'Allocate premises to a participant (no double booking)',
  },
  {
    upstream: 'housing',
    method: 'POST',
    path: '/premises-leases/:id/release',
    access: ['applicant', 'housing-manager'],
    summary: 'Release premises on request (F-58)',
  },
  { upstream: 'housing', method: 'POST', path: '/premises-leases/:id/handover', access: ['housing-manager'], summary: 'The act handing premises back' },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/reports/housing',
    access: ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'Housing reports: occupancy and turnover, waitlist, overdue vacating',
  },
  {
    upstream: 'housing',
    method: 'GET',
    path: '/reports/occupancy.csv',
    access: ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'],
    summary: 'Housing occupancy and turnover by building, as CSV',
  },
  // @new-context:routes — tools/hub new-context inserts a generated context's routes above this line (keep it the last line of ROUTE_TABLE)
];

/**
 * Context routes the gateway deliberately does not expose, with the reason (reviewed like the
 * table). Every context's `/health/*` and `/openapi.json` are implied (the merged document replaces
 * the latter). The cross-context test fails on any context route that is in neither list.
 */
export const NOT_PROXIED: readonly { readonly upstream: string; readonly method: HttpMethod; readonly path: string; readonly reason: string }[] = [
  {
    upstream: 'registration',
    method: 'GET',
    path: '/metrics',
    reason: 'Prometheus scrape target: scraped on the internal network, not through the front door',
  },
  {
    upstream: 'participation',
    method: 'GET',
    path: '/metrics',
    reason: 'Prometheus scrape target: scraped on the internal network, not through the front door',
  },
  { upstream: 'documents', method: 'GET', path: '/metrics', reason: 'Prometheus scrape target: scraped on the internal network, not through the front door' },
  { upstream: 'services', method: 'GET', path: '/metrics', reason: 'Prometheus scrape target: scraped on the internal network, not through the front door' },
  { upstream: 'training', method: 'GET', path: '/metrics', reason: 'Prometheus scrape target: scraped on the internal network, not through the front door' },
  { upstream: 'clusters', method: 'GET', path: '/metrics', reason: 'Prometheus scrape target: scraped on the internal network, not through the front door' },
  {
    upstream: 'notifications',
    method: 'GET',
    path: '/metrics',
    reason: 'Prometheus scrape target: scraped on the internal network, not through the front door',
  },
  { upstream: 'housing', method: 'GET', path: '/metrics', reason: 'Prometheus scrape target: scraped on the internal network, not through the front door' },
  // @new-context:not-proxied — tools/hub new-context inserts a generated context's /metrics above this line (keep it the last line of NOT_PROXIED)
];

export interface RouteMatch {
  readonly route: ProxiedRoute;
  readonly params: Record<string, string>;
}

export type RouteLookup =
  | { readonly kind: 'match'; readonly match: RouteMatch }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'unknown' };

interface CompiledRoute {
  readonly route: ProxiedRoute;
  readonly pattern: CompiledPattern;
}

/** The route table compiled for lookup. */
export class RouteTable {
  private readonly compiled: readonly CompiledRoute[];
  /**
   * ADR 0143: the compiled routes by upstream and by number of segments, in table order — a lookup
   * looks only at the routes a path could match, and splits and decodes the path once.
   */
  private readonly byShape = new Map<string, CompiledRoute[]>();

  constructor(readonly routes: readonly ProxiedRoute[] = ROUTE_TABLE) {
    const seen = new Set<string>();
    this.compiled = routes.map((route) => {
      const key = `${route.upstream} ${route.method} ${route.path}`;
      if (seen.has(key)) throw new Error(`route table: ${key} is declared twice`);
      seen.add(key);
      if (Array.isArray(route.access) && route.access.length === 0) throw new Error(`route table: ${key} allows no role — remove it instead`);
      const pattern = compilePattern(route.path);
      for (const p of [route.companyParam, route.resourceParam]) {
        if (p && !pattern.segments.some((s) => s.param === p)) throw new Error(`route table: ${key} names :${p}, which its path lacks`);
      }
      return { route, pattern };
    });
    for (const c of this.compiled) {
      const shape = `${c.pattern.segments.length} ${c.route.upstream}`;
      const list = this.byShape.get(shape);
      if (list) list.push(c);
      else this.byShape.set(shape, [c]);
    }
  }

  upstreams(): string[] {
    return [...new Set(this.routes.map((r) => r.upstream))];
  }

  /** The most specific declared route for `method path` of `upstream` (ties: the first in the table). */
  lookup(upstream: string, method: string, path: string): RouteLookup {
    const parts = splitPath(path);
    const candidates = parts ? this.byShape.get(`${parts.length} ${upstream}`) : undefined;
    if (!parts || !candidates) return { kind: 'unknown' };
    const wanted = method.toUpperCase();
    let best: RouteMatch | undefined;
    let bestSpecificity = -1;
    let allowed: Set<string> | undefined;
    for (const c of candidates) {
      const params = matchParts(c.pattern, parts);
      if (params === undefined) continue;
      if (c.route.method === wanted) {
        if (c.pattern.specificity > bestSpecificity) {
          best = { route: c.route, params };
          bestSpecificity = c.pattern.specificity;
        }
      } else (allowed ??= new Set()).add(c.route.method);
    }
    if (best) return { kind: 'match', match: best };
    if (!allowed) return { kind: 'unknown' };
    return { kind: 'method-not-allowed', allowed: [...allowed] };
  }
}
