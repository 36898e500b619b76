/** Durable timer kinds of the participation context (hub_timer.kind); every one cites its rule. */
export const TIMER = {
  /** F-27: the term passes — the participation ends as planned. Key: participation id. */
  plannedEnd: 'participation.planned-end',
  /** F-21, F-37: a calendar quarter closed — open its fee and its report. Key: participation id. */
  quarterClosed: 'participation.quarter-closed',
  /** F-21: the fee's due date passed. Key: fee id. */
  feeDue: 'participation.fee-due',
  /** F-37, F-39: the report's due date passed. Key: report id. */
  reportDue: 'participation.report-due',
  /** F-32, F-38: the request's due date passed. Key: request id. */
  informationRequestDue: 'participation.information-request-due',
  /** F-33: 1 July passed. Key: audit obligation id. */
  auditOpinionDue: 'participation.audit-opinion-due',
  /** F-29: the announced withdrawal date arrived. Key: early-termination case id. */
  withdrawalEffective: 'participation.withdrawal-effective',
  /** F-42 (ADR 0119): the retention of a report's non-residents' personal data ended — delete it. Key: report id. */
  f42RetentionEnded: 'participation.f42-retention-ended',
  /** F-41: generate the quarter's analytical information. Key: YYYY-Qn. */
  analytics: 'participation.analytics',
  /** F-41, issue #10 (ADR 0132): archive one generated edition of the analytics as an issued document. Key: <report id>@<generated at>. */
  analyticsArchive: 'participation.analytics-archive',
} as const;
