import type { IsoDate } from '@hub/calendar';
import { addCalendarDays } from '@hub/calendar';
import type { AcceptedFileType } from '@hub/object-storage';

/**
 * ADR 0113: the offices that own documents — the bodies of the cluster selection (C-2): the organiser
 * (the authorised body), the national institute (its experts) and the expert Commission (its secretariat).
 */
export const OFFICES = ['cluster-organiser', 'cluster-institute', 'cluster-commission'] as const;
export type Office = (typeof OFFICES)[number];

/** One period of a kind's retention, in force from `from` (effective-dated data, ADR 0045). */
export interface RetentionPeriod {
  readonly from: IsoDate;
  readonly years: number;
}

/**
 * A kind of document (data/document-kinds.json): the rule that asks for it, whether it is
 * F-42-class personal data (restricted), what may be uploaded, how long it is kept.
 */
export interface DocumentKind {
  readonly code: string;
  readonly title: string;
  readonly rule: string;
  /** F-42-class (passports, visas): readable by the company and fund officers only. */
  readonly restricted: boolean;
  /** Issued by the Fund (rendered by a context), never uploaded. */
  readonly issued: boolean;
  /** ADR 0106: the platform workers (OAuth clients) that may issue this kind — each issues only its own documents. */
  readonly issuers: readonly string[];
  /**
   * ADR 0110: whose documents of this kind are — a company's (the owner BIN the uploader names, F-35), or
   * the Fund's own (the Fund's BIN from configuration, `HUB_FUND_BIN`; the client names no owner): a
   * dwelling's act names a resident, not a company.
   */
  readonly owner: 'company' | 'fund' | 'office';
  /** ADR 0110 (ADR 0053 §5): the roles that upload, attach and read documents of this kind besides fund officers (e.g. housing-manager). */
  readonly handlers: readonly string[];
  /**
   * ADR 0113: for `owner: "office"`, the office (a role-holding body, e.g. `cluster-institute`) whose
   * documents of this kind are; its `uploaders` upload and attach them, its `readers` read them (the
   * uploaders read too). Nobody else — not fund officers, not a company — learns that one exists.
   */
  readonly office?: Office;
  readonly uploaders: readonly string[];
  readonly readers: readonly string[];
  readonly maxBytes: number;
  readonly types: readonly AcceptedFileType[];
  readonly retention: readonly RetentionPeriod[];
}

/** The period in force on `on` (the latest `from` not after it). */
export function retentionYearsOn(kind: DocumentKind, on: IsoDate): number {
  const inForce = [...kind.retention].sort((a, b) => (a.from < b.from ? -1 : 1)).filter((p) => p.from <= on);
  const last = inForce.at(-1);
  if (!last) throw new Error(`document kind ${kind.code} has no retention period in force on ${on}`);
  return last.years;
}

/** The last day a document of this kind verified or issued on `on` is kept. */
export function retainUntil(kind: DocumentKind, on: IsoDate): IsoDate {
  const years = retentionYearsOn(kind, on);
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const anniversary = `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, '0')}`;
  return addCalendarDays(anniversary, -1);
}
