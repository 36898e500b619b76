import en from './messages/en.json';
import kk from './messages/kk.json';
import ru from './messages/ru.json';

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageId = keyof typeof en;
/** Every catalogue has every id (scripts/check-i18n.mjs fails the build otherwise; the types say so too). */
export const MESSAGES: Record<Locale, Record<MessageId, string>> = { kk, ru, en };
export const LOCALE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
