// A date field in the reader's locale (issue #12): dd.mm.yyyy in Kazakh and Russian, "20 Nov 2026" in
// English — not the browser's mm/dd/yyyy of `<input type="date">`. Mantine's DateInput under a
// DatesProvider with dayjs's kk/ru/en locales (month names, Monday first); the value stays the ISO day
// (YYYY-MM-DD) the API takes. Loaded with the signed-in screens that use it, not on public pages.
import { DateInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/kk';
import 'dayjs/locale/ru';
import { useLocale } from '../i18n/i18n';

const FORMAT = { kk: 'DD.MM.YYYY', ru: 'DD.MM.YYYY', en: 'D MMM YYYY' } as const;
/** What a person types, shown as the hint: the locale's own order. */
const PLACEHOLDER = { kk: 'кк.аа.жжжж', ru: 'дд.мм.гггг', en: 'dd.mm.yyyy' } as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** Typed text → the ISO day: `20.11.2026` (or `20/11/2026`, `20-11-2026`) in any locale, or `2026-11-20`; anything else, or a day that does not exist, is null. */
export function parseTypedDate(text: string): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : dmy ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])] : [0, 0, 0];
  if (!y || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null; // 31.02 does not exist
  return `${y}-${pad(m)}-${pad(d)}`;
}

export interface DateFieldProps {
  label: string;
  /** The ISO day, or '' for none. */
  value: string;
  onChange: (isoDay: string) => void;
  error?: string | undefined;
  /** The earliest day the calendar offers (ISO); the server still decides. */
  minDate?: string | undefined;
  description?: string | undefined;
  w?: Record<string, number | string> | number | string;
  'data-testid'?: string;
}

export function DateField({ label, value, onChange, error, minDate, description, w, 'data-testid': testId }: DateFieldProps) {
  const { locale } = useLocale();
  return (
    <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
      <DateInput
        label={label}
        description={description}
        value={value || null}
        onChange={(v) => onChange(v ?? '')}
        valueFormat={FORMAT[locale]}
        dateParser={parseTypedDate}
        placeholder={PLACEHOLDER[locale]}
        minDate={minDate}
        error={error}
        w={w}
        data-testid={testId}
      />
    </DatesProvider>
  );
}
