import { describe, expect, it } from 'vitest';
import { formatTenge, tengeInWords } from './tenge.js';

describe('tenge on documents (ADR 0036: integer tiyn, ADR 0067)', () => {
  it('figures: groups of three, two tiyn digits, the notation of each language', () => {
    expect(formatTenge(0, 'ru')).toBe('0,00\u00a0₸');
    expect(formatTenge(1, 'kk')).toBe('0,01\u00a0₸');
    expect(formatTenge(123_456_789, 'ru')).toBe('1\u00a0234\u00a0567,89\u00a0₸');
    expect(formatTenge(123_456_789, 'en')).toBe('₸1,234,567.89');
    expect(formatTenge(100_000, 'en')).toBe('₸1,000.00');
    expect(formatTenge(10n ** 13n, 'ru')).toBe('100\u00a0000\u00a0000\u00a0000,00\u00a0₸');
  });

  it('refuses what is not an amount in tiyn', () => {
    expect(() => formatTenge(1.5, 'ru')).toThrow(RangeError);
    expect(() => formatTenge(-1, 'ru')).toThrow(RangeError);
    expect(() => tengeInWords(2 ** 60, 'kk')).toThrow(RangeError);
  });

  it('Russian words: gender of thousands, the three plural forms, the teens', () => {
    expect(tengeInWords(1, 'ru')).toBe('Ноль тенге 01 тиын');
    expect(tengeInWords(100, 'ru')).toBe('Один тенге 00 тиын');
    expect(tengeInWords(100_000, 'ru')).toBe('Одна тысяча тенге 00 тиын');
    expect(tengeInWords(200_000, 'ru')).toBe('Две тысячи тенге 00 тиын');
    expect(tengeInWords(1_100_000, 'ru')).toBe('Одиннадцать тысяч тенге 00 тиын');
    expect(tengeInWords(2_100_000, 'ru')).toBe('Двадцать одна тысяча тенге 00 тиын');
    expect(tengeInWords(123_456_789, 'ru')).toBe('Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь тенге 89 тиын');
    expect(tengeInWords(500_000_000_05, 'ru')).toBe('Пятьсот миллионов тенге 05 тиын');
    expect(tengeInWords(10n ** 13n, 'ru')).toBe('Сто миллиардов тенге 00 тиын');
    expect(tengeInWords(2_000_001_400, 'ru')).toBe('Двадцать миллионов четырнадцать тенге 00 тиын');
  });

  it('Kazakh words: hundreds, tens and scales without agreement', () => {
    expect(tengeInWords(1, 'kk')).toBe('Нөл теңге 01 тиын');
    expect(tengeInWords(100_000, 'kk')).toBe('Бір мың теңге 00 тиын');
    expect(tengeInWords(30_000_000, 'kk')).toBe('Үш жүз мың теңге 00 тиын');
    expect(tengeInWords(123_456_789, 'kk')).toBe('Бір миллион екі жүз отыз төрт мың бес жүз алпыс жеті теңге 89 тиын');
    expect(tengeInWords(10n ** 13n, 'kk')).toBe('Жүз миллиард теңге 00 тиын');
    expect(tengeInWords(4_099_00, 'kk')).toBe('Төрт мың тоқсан тоғыз теңге 00 тиын');
  });
});
