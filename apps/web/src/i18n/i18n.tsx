// kk / ru / en on every screen (issue #11): react-intl (ICU MessageFormat, plurals per CLDR), dates in
// Asia/Almaty. The language is the user's choice, switchable anywhere, remembered on this device
// (a preference, not a credential); else the browser's language; else Kazakh.
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { TIME_ZONE } from '../format';
import { isLocale, loadMessages, loadedMessages, type Locale, type MessageId } from './locales';

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

/** `t('registry.total', { count })`: a typed message id (a missing one does not compile). */
export function useT(): (id: MessageId, values?: Values) => string {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: Values) => intl.formatMessage({ id }, values), [intl]);
}
