import type en from './messages/en.json';

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageId = keyof typeof en;
/** Every catalogue has every id (scripts/check-i18n.mjs fails the build otherwise; the types say so too). */
export type Catalogue = Record<MessageId, string>;
export const LOCALE_NAMES: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

type Part = Readonly<Record<string, string>>;
// One catalogue per language, loaded when that language is chosen, in two parts (ADR 0128): the
// public pages' messages first (the first-load budget counts the largest, scripts/check-bundle.mjs),
// the signed-in screens' messages when the first of them is opened.
const PUBLIC: Record<Locale, () => Promise<{ default: Part }>> = {
  kk: () => import('virtual:hub-messages/kk/public'),
  ru: () => import('virtual:hub-messages/ru/public'),
  en: () => import('virtual:hub-messages/en/public'),
};
const REST: Record<Locale, () => Promise<{ default: Part }>> = {
  kk: () => import('virtual:hub-messages/kk/rest'),
  ru: () => import('virtual:hub-messages/ru/rest'),
  en: () => import('virtual:hub-messages/en/rest'),
};
const loaded = new Map<Locale, Partial<Catalogue>>();
const complete = new Set<Locale>();
const pending = new Map<Locale, Promise<void>>();
/** Once a signed-in screen has been opened, a language switch loads both parts. */
let wantRest = false;
const listeners = new Set<() => void>();
/** Bumped whenever a catalogue becomes complete: the provider's external-store snapshot. */
let version = 0;

/** Loads the language's public messages (and the rest too, once any screen has needed it). */
export async function loadMessages(locale: Locale): Promise<void> {
  if (!loaded.has(locale)) loaded.set(locale, { ...loaded.get(locale), ...(await PUBLIC[locale]()).default });
  if (wantRest) await loadAllMessages(locale);
}

/** Loads every message of the language (no argument: of every language loaded so far); tells the provider. */
export async function loadAllMessages(locale?: Locale): Promise<void> {
  wantRest = true;
  const locales = (locale ? [locale] : [...loaded.keys()]).filter((l) => !complete.has(l));
  await Promise.all(locales.map(loadRest));
}

function loadRest(locale: Locale): Promise<void> {
  let p = pending.get(locale);
  if (!p) {
    p = Promise.all([PUBLIC[locale](), REST[locale]()]).then(([pub, rest]) => {
      loaded.set(locale, { ...pub.default, ...rest.default });
      complete.add(locale);
      version += 1;
      for (const listener of listeners) listener();
    });
    p.catch(() => pending.delete(locale)); // a failed download may be tried again
    pending.set(locale, p);
  }
  return p;
}

/** The messages of a language loaded so far (the public ones are, before the first render: main.tsx). */
export function loadedMessages(locale: Locale): Partial<Catalogue> | undefined {
  return loaded.get(locale);
}

export const hasAllMessages = (locale: Locale): boolean => complete.has(locale);

/** Changes whenever a language's catalogue becomes complete (for `useSyncExternalStore`). */
export const messagesVersion = (): number => version;

/** Called whenever a language's catalogue becomes complete; returns the unsubscribe. */
export function onMessagesLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
