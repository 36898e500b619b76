import type { IsoDate } from '../../../shared/domain/calendar.js';
import { sumTiyn, tiyn, type Tiyn } from '@hub/kernel';

/** F-36, F-40: one monitoring conclusion on one project for one period, as the analytics shows it. */
export interface ProjectConclusion {
  readonly project: string;
  readonly conclusion: 'expedient' | 'not-expedient';
  readonly periodFrom: IsoDate;
  readonly periodTo: IsoDate;
}

/** F-41: the participant's projects, in one word, for the authorised body. */
export type ProjectExpediency = 'expedient' | 'not-expedient' | 'not-concluded';

/**
 * F-40, F-41: «мониторинг қорытындылары бойынша қатысушылардың жобаларын іске асырудың орындылығы
 * туралы талдамалық ақпарат» — the analytics is about whether implementing each participant's projects
 * is expedient, on the results of monitoring. A participant with any project concluded "not expedient"
 * is shown as not expedient; with conclusions that are all "expedient", as expedient; with none for
 * the quarter, as not concluded (the Fund has not monitored it yet — shown, never guessed).
 */
export function projectExpediency(conclusions: readonly ProjectConclusion[]): ProjectExpediency {
  if (conclusions.length === 0) return 'not-concluded';
  return conclusions.some((c) => c.conclusion === 'not-expedient') ? 'not-expedient' : 'expedient';
}

/** F-39: one participant's figures from its submitted quarterly report. Commercial information (F-35): only ever summed. */
export interface ReportedFigures {
  readonly revenueTiyn: Tiyn | null;
  readonly exportRevenueTiyn: Tiyn | null;
  readonly headcount: number | null;
  readonly nonResidentHeadcount: number | null;
}

export interface DisclosableTotals {
  readonly reports: number;
  readonly revenueTiyn: Tiyn;
  readonly exportRevenueTiyn: Tiyn;
  readonly headcount: number;
  readonly nonResidentHeadcount: number;
}

/**
 * F-35: a participant's technical, economic and commercial information is confidential — it leaves
 * the Fund only where the rules require it, and no more than they require. F-41 asks for analytics on
 * the projects' expediency, not for any participant's figures: so the document carries no
 * participant's revenue, income, fee or headcount, only totals over the quarter's submitted reports,
 * and only when at least `minReports` reports contribute (a total of one or two reports would reveal
 * them: ADR 0027 as amended). Below that → null ("not shown"). Amounts are summed in integer tiyn.
 */
export function disclosableTotals(figures: readonly ReportedFigures[], minReports: number): DisclosableTotals | null {
  if (!Number.isInteger(minReports) || minReports < 1) throw new RangeError(`minReports must be a positive integer, got ${minReports}`);
  if (figures.length < minReports) return null;
  const money = (k: 'revenueTiyn' | 'exportRevenueTiyn'): Tiyn => sumTiyn(figures.map((f) => (f[k] === null ? tiyn(0) : tiyn(f[k], k))));
  const count = (k: 'headcount' | 'nonResidentHeadcount'): number => figures.reduce((a, f) => a + (f[k] ?? 0), 0);
  return {
    reports: figures.length,
    revenueTiyn: money('revenueTiyn'),
    exportRevenueTiyn: money('exportRevenueTiyn'),
    headcount: count('headcount'),
    nonResidentHeadcount: count('nonResidentHeadcount'),
  };
}
