// kk / ru / en on every screen (issue #11): react-intl (ICU MessageFormat, plurals per CLDR), dates in
// Asia/Almaty. The language is the user's choice, switchable anywhere, remembered on this device
// (a preference, not a credential); else the browser's language; else Kazakh.
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { TIME_ZONE } from '../format';
import {
  hasAllMessages,
  isLocale,
  loadAllMessages,
  loadMessages,
  loadedMessages,
  messagesVersion,
  onMessagesLoaded,
  type Locale,
  type MessageId,
} from './locales';

const STORAGE_KEY = 'hub.locale';

export function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLocale(saved)) return saved;
  for (const lang of navigator.languages) {
    const base = lang.slice(0, 2).toLowerCase();
    if (isLocale(base)) return base;
  }
  return 'kk';
}

const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({ locale: 'kk', setLocale: () => undefined });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  // A catalogue that became complete (ADR 0128) re-renders every message — also one that completed
  // between this provider's first render and its subscription (a page opened on a signed-in path:
  // the router's beforeLoad finishes the download first), which an effect-based subscription missed.
  useSyncExternalStore(onMessagesLoaded, messagesVersion);
  const setLocale = useCallback((l: Locale) => {
    localStorage.setItem(STORAGE_KEY, l);
    void loadMessages(l).then(() => setLocaleState(l));
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} messages={loadedMessages(locale)} timeZone={TIME_ZONE} defaultLocale="kk" onError={(e) => console.error(e)}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = () => useContext(LocaleContext);

type Values = Record<string, string | number | boolean | Date | null | undefined>;

/**
 * `t('registry.total', { count })`: a typed message id (a missing one does not compile). A message of
 * the part not loaded yet (ADR 0128) reads as empty for the moment it takes to load it; the provider
 * then re-renders.
 */
export function useT(): (id: MessageId, values?: Values) => string {
  const intl = useIntl();
  return useCallback(
    (id: MessageId, values?: Values) => {
      if (intl.messages[id] === undefined && isLocale(intl.locale) && !hasAllMessages(intl.locale)) {
        void loadAllMessages(intl.locale);
        return '';
      }
      return intl.formatMessage({ id }, values);
    },
    [intl],
  );
}
