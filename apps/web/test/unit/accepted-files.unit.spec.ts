import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readUploadCatalogue } from '../../scripts/document-kinds.ts';
import { acceptedFiles } from '../../src/forms/accepted-files.ts';

// ADR 0045 §4: the upload field offers and names what the documents context accepts for the kind — read
// from its catalogue (apps/documents/data/document-kinds.json), the same the server verifies the bytes against.
const WEB = join(import.meta.dirname, '../..');
const catalogue = readUploadCatalogue(WEB);
const messages = (locale: string) => JSON.parse(readFileSync(join(WEB, 'src/i18n/messages', `${locale}.json`), 'utf8')) as Record<string, string>;
const hint = (locale: string, kind: string) => {
  const files = acceptedFiles(catalogue, kind);
  return (messages(locale)['upload.hint'] ?? '').replace('{types}', files.types).replace('{mb}', String(files.mb));
};

test('ADR 0137, ADR 0045: a translation accepts PDF, DOCX and ODT only — the chooser and the hint say so in kk, ru and en', () => {
  const files = acceptedFiles(catalogue, 'application-translation');
  expect(files.accept).toBe(
    '.pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text',
  );
  expect(files.types).toBe('PDF, DOCX, ODT');
  expect(hint('en', 'application-translation')).toBe("Accepted files: PDF, DOCX, ODT, up to 20 MB; the file is checked by the Fund's server");
  expect(hint('ru', 'application-translation')).toBe('Принимаются файлы: PDF, DOCX, ODT, до 20 МБ; файл проверяет сервер Фонда');
  expect(hint('kk', 'application-translation')).toBe('Қабылданатын файлдар: PDF, DOCX, ODT, 20 МБ дейін; файлды Қордың сервері тексереді');
});

test('ADR 0045 §4: each kind its own types and size — images where the kind takes them, a spreadsheet only for a request answer', () => {
  expect(acceptedFiles(catalogue, 'tax-debt-certificate')).toEqual({
    accept: '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg',
    types: 'PDF, PNG, JPEG',
    mb: 10,
  });
  expect(acceptedFiles(catalogue, 'request-answer').types).toBe('PDF, PNG, JPEG, DOCX, XLSX, ODT');
  expect(acceptedFiles(catalogue, 'audit-opinion')).toEqual({ accept: '.pdf,application/pdf', types: 'PDF', mb: 20 });
  // the same definition the server reads: every uploaded kind of the catalogue, with its own types
  const file = JSON.parse(readFileSync(join(WEB, '../documents/data/document-kinds.json'), 'utf8')) as {
    kinds: { code: string; issued?: boolean; types: string[] }[];
  };
  for (const k of file.kinds.filter((x) => !x.issued)) expect(catalogue.kinds[k.code]?.types, k.code).toEqual(k.types);
  expect(catalogue.kinds['participant-certificate']).toBeUndefined(); // issued by the Fund, never uploaded
});

test('ADR 0045 §3, §4: a file of no accepted type is told the kind’s own types, not every type the Fund accepts — in kk, ru and en', () => {
  const refused = (locale: string, kind: string) =>
    (messages(locale)['upload.refused.type-unknown'] ?? '').replace('{types}', acceptedFiles(catalogue, kind).types);
  expect(refused('en', 'audit-opinion')).toBe('The file is none of the types this document accepts: PDF.');
  expect(refused('ru', 'tax-debt-certificate')).toBe('Файл не относится ни к одному из типов, которые принимаются для этого документа: PDF, PNG, JPEG.');
  expect(refused('kk', 'application-translation')).toBe('Файл бұл құжат үшін қабылданатын түрлердің ешқайсысына жатпайды: PDF, DOCX, ODT.');
  // the only argument, the same in every language (scripts/check-i18n.mjs checks the argument sets agree)
  for (const locale of ['kk', 'ru', 'en']) expect(messages(locale)['upload.refused.type-unknown']?.match(/\{\w+\}/g), locale).toEqual(['{types}']);
});

test('ADR 0045: a kind the catalogue does not list offers every accepted type; the server decides', () => {
  expect(acceptedFiles(catalogue, 'no-such-kind').types).toBe('PDF, PNG, JPEG, DOCX, XLSX, ODT');
});
