import type en from './messages/en.json';

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageId = keyof typeof en;
/** Every catalogue has every id (scripts/check-i18n.mjs fails the build otherwise; the types say so too). */
export type Catalogue = Record<MessageId, string>;
export const LOCALE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

// One catalogue per language, loaded when that language is chosen: a visitor downloads only its own
// (the first-load budget counts the largest one, scripts/check-bundle.mjs).
const LOADERS: Record<Locale, () => Promise<{ default: Catalogue }>> = {
  kk: () => import('./messages/kk.json'),
  ru: () => import('./messages/ru.json'),
  en: () => import('./messages/en.json'),
};
const loaded = new Map<Locale, Catalogue>();

export async function loadMessages(locale: Locale): Promise<Catalogue> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const catalogue = (await LOADERS[locale]()).default;
  loaded.set(locale, catalogue);
  return catalogue;
}

/** A catalogue already loaded (the initial one is, before the first render: main.tsx). */
export function loadedMessages(locale: Locale): Catalogue | undefined {
  return loaded.get(locale);
}
