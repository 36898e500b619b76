// The file types each document kind accepts, for the browser (ADR 0045 §4, issue #11): read at build time
// from the one definition — the documents context's catalogue (apps/documents/data/document-kinds.json,
// checked there against @hub/object-storage's ACCEPTED_FILE_TYPES) — and served to the upload field as
// `virtual:hub-document-kinds` (vite.config.ts). Nothing here is a copy: a kind's types change in the
// catalogue, the field's `accept` and hint follow with the next build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ACCEPTED_FILE_TYPES } from '@hub/object-storage';
import type { UploadCatalogue } from '../src/forms/accepted-files.ts';

/** The catalogue's file path, from the documents context's package (a dev dependency of the web app). */
export function documentKindsFile(webDir: string): string {
  const pkg = createRequire(join(webDir, 'package.json')).resolve('@hub/documents-context/package.json');
  return join(dirname(pkg), 'data/document-kinds.json');
}

/** Per kind its accepted types and largest size; per type its media type and extensions. */
export function readUploadCatalogue(webDir: string): UploadCatalogue {
  const file = JSON.parse(readFileSync(documentKindsFile(webDir), 'utf8')) as {
    kinds: { code: string; issued?: boolean; maxBytes: number; types: string[] }[];
  };
  const fileTypes = Object.fromEntries(Object.entries(ACCEPTED_FILE_TYPES).map(([type, t]) => [type, { mime: t.mime, extensions: [...t.extensions] }]));
  const kinds: Record<string, { types: string[]; maxBytes: number }> = {};
  for (const k of file.kinds) {
    if (k.issued) continue; // issued by the Fund, never uploaded
    for (const type of k.types) if (!(type in fileTypes)) throw new Error(`document kind ${k.code}: ${type} is not an accepted file type`);
    kinds[k.code] = { types: k.types, maxBytes: k.maxBytes };
  }
  return { fileTypes, kinds };
}
