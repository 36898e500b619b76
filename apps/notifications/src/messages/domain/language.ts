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
