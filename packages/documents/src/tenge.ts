/**
 * Money on the Fund's documents (ADR 0036: integer tiyn, never a float). 1 tenge = 100 tiyn. Every
 * function here works on bigint, so an amount is exact up to any size a contract can have.
 */

const toTiyn = (amount: number | bigint): bigint => {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) throw new RangeError(`an amount in tiyn is a safe integer, got ${amount}`);
  const t = BigInt(amount);
  if (t < 0n) throw new RangeError(`an amount on a document is not negative, got ${t}`);
  return t;
};

/** Thousands grouped by three from the right, with `sep`. */
const group = (digits: string, sep: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/**
 * The amount in figures: `1 234 567,89 ₸` in Kazakh and Russian (a no-break space between groups, a
 * decimal comma — the national standard's notation), `₸1,234,567.89` in English.
 */
export function formatTenge(amountTiyn: number | bigint, language: 'kk' | 'ru' | 'en'): string {
  const t = toTiyn(amountTiyn);
  const whole = (t / 100n).toString();
  const cents = (t % 100n).toString().padStart(2, '0');
  return language === 'en' ? `₸${group(whole, ',')}.${cents}` : `${group(whole, '\u00a0')},${cents}\u00a0₸`;
}

// ---- in words ----

const RU_UNITS_M = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_UNITS_F = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const RU_HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];
/** Scale words with their three forms (1, 2–4, 5–20) and gender of the numeral before them. */
const RU_SCALES: readonly { forms: readonly [string, string, string]; feminine: boolean }[] = [
  { forms: ['', '', ''], feminine: false },
  { forms: ['тысяча', 'тысячи', 'тысяч'], feminine: true },
  { forms: ['миллион', 'миллиона', 'миллионов'], feminine: false },
  { forms: ['миллиард', 'миллиарда', 'миллиардов'], feminine: false },
  { forms: ['триллион', 'триллиона', 'триллионов'], feminine: false },
];

const ruForm = (n: number, forms: readonly [string, string, string]): string => {
  const d = n % 10;
  const dd = n % 100;
  if (dd >= 11 && dd <= 19) return forms[2];
  if (d === 1) return forms[0];
  if (d >= 2 && d <= 4) return forms[1];
  return forms[2];
};

const ruTriad = (n: number, feminine: boolean): string[] => {
  const words = [RU_HUNDREDS[Math.floor(n / 100)]!];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(RU_TEENS[rest - 10]!);
  else words.push(RU_TENS[Math.floor(rest / 10)]!, (feminine ? RU_UNITS_F : RU_UNITS_M)[rest % 10]!);
  return words.filter((w) => w !== '');
};

const KK_UNITS = ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const KK_TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];
const KK_SCALES = ['', 'мың', 'миллион', 'миллиард', 'триллион'];

const kkTriad = (n: number): string[] => {
  const h = Math.floor(n / 100);
  // Kazakh counts hundreds as "<digit> жүз"; a lone hundred is "жүз" (as "бір жүз" is rare in writing).
  const words = h === 0 ? [] : h === 1 ? ['жүз'] : [KK_UNITS[h]!, 'жүз'];
  words.push(KK_TENS[Math.floor((n % 100) / 10)]!, KK_UNITS[n % 10]!);
  return words.filter((w) => w !== '');
};

const triads = (n: bigint): number[] => {
  const out: number[] = [];
  for (let rest = n; rest > 0n; rest /= 1000n) out.push(Number(rest % 1000n));
  return out; // least significant first
};

/** The whole tenge in words (lower case), without the currency. */
function wholeInWords(tenge: bigint, language: 'kk' | 'ru'): string {
  if (tenge === 0n) return language === 'ru' ? 'ноль' : 'нөл';
  const parts = triads(tenge);
  if (parts.length > RU_SCALES.length) throw new RangeError(`the amount ${tenge} tenge is beyond the words of a document`);
  const words: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const n = parts[i]!;
    if (n === 0) continue;
    if (language === 'ru') {
      const scale = RU_SCALES[i]!;
      words.push(...ruTriad(n, scale.feminine));
      if (i > 0) words.push(ruForm(n, scale.forms));
    } else {
      words.push(...kkTriad(n));
      if (i > 0) words.push(KK_SCALES[i]!);
    }
  }
  return words.join(' ');
}

/**
 * The amount in words as a Kazakh or Russian payment document writes it: the tenge in words, the tiyn
 * in figures — `Один миллион двести тысяч тенге 05 тиын` / `Бір миллион екі жүз мың теңге 05 тиын`.
 * ("тенге" and "тиын" do not decline in Russian; Kazakh numerals take no agreement.)
 */
export function tengeInWords(amountTiyn: number | bigint, language: 'kk' | 'ru'): string {
  const t = toTiyn(amountTiyn);
  const words = wholeInWords(t / 100n, language);
  const cents = (t % 100n).toString().padStart(2, '0');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} ${language === 'ru' ? 'тенге' : 'теңге'} ${cents} тиын`;
}
