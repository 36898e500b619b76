/** The languages of every notice (issue #16): Kazakh (the state language), Russian, English. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * ADR 0090: the events carry no language. A notice is written in the recipient's stored
 * preference; without one in Kazakh, then Russian, then English — the first the template has.
 */
export const FALLBACK_ORDER: readonly Language[] = ['kk', 'ru', 'en'];

export function languageOrder(preferred: Language | null | undefined): readonly Language[] {
  return preferred ? [preferred, ...FALLBACK_ORDER.filter((l) => l !== preferred)] : FALLBACK_ORDER;
}

/** A civil date (YYYY-MM-DD) as a reader of the language writes it. */
export function formatDate(iso: string, language: Language): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return language === 'en' ? `${y}-${m}-${d}` : `${d}.${m}.${y}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** A calendar quarter as a reader of the language names it: "Q3 2026", "III квартал 2026 года", "2026 жылғы III тоқсан". */
export function formatQuarter(year: number, quarter: number, language: Language): string {
  const roman = ROMAN[quarter - 1];
  if (!roman) throw new RangeError(`quarter ${quarter} is not 1 … 4`);
  if (language === 'en') return `Q${quarter} ${year}`;
  return language === 'ru' ? `${roman} квартал ${year} года` : `${year} жылғы ${roman} тоқсан`;
}

/**
 * An amount of integer tiyn (ADR 0036) in tenge as a reader of the language writes it — exact, no
 * float: "KZT 1,234,567.89", "1 234 567,89 тенге", "1 234 567,89 теңге".
 */
export function formatTenge(tiyn: number, language: Language): string {
  if (!Number.isSafeInteger(tiyn) || tiyn < 0) throw new RangeError(`expected a non-negative integer of tiyn, got ${tiyn}`);
  const whole = Math.trunc(tiyn / 100);
  const cents = String(tiyn % 100).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : '\u00a0');
  if (language === 'en') return `KZT ${grouped}.${cents}`;
  return `${grouped},${cents} ${language === 'ru' ? 'тенге' : 'теңге'}`;
}
