import { readFileSync } from 'node:fs';
import { ROLES } from '@hub/contracts';
import { ValidationError } from '@hub/kernel';
import { ALL_ACCEPTED_FILE_TYPES } from '@hub/object-storage';
import { z } from 'zod';
import { DocumentKinds } from '../application/ports/document-kinds.js';
import { type DocumentKind, OFFICES } from '../domain/document-kind.js';

/** The shipped catalogue: apps/documents/data/document-kinds.json (same depth from src/ and dist/). */
export const SHIPPED_DOCUMENT_KINDS = new URL('../../../data/document-kinds.json', import.meta.url);

const KindsFile = z.object({
  kinds: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z][a-z0-9-]*$/),
        title: z.string().min(1),
        rule: z.string().min(1),
        restricted: z.boolean(),
        issued: z.boolean().default(false),
        issuers: z.array(z.string().min(1)).default([]),
        owner: z.enum(['company', 'fund', 'office']).default('company'),
        handlers: z.array(z.enum(ROLES)).default([]),
        office: z.enum(OFFICES).optional(),
        uploaders: z.array(z.enum(ROLES)).default([]),
        readers: z.array(z.enum(ROLES)).default([]),
        maxBytes: z.number().int().positive(),
        types: z.array(z.enum(ALL_ACCEPTED_FILE_TYPES as [string, ...string[]])).min(1),
        retention: z.array(z.object({ from: z.iso.date(), years: z.number().int().positive() })).min(1),
      }),
    )
    .min(1),
});

/** The catalogue of document kinds, read and checked once at start (a bad file stops the app). */
export class JsonDocumentKinds extends DocumentKinds {
  private readonly byCode: ReadonlyMap<string, DocumentKind>;

  constructor(file: URL | string = SHIPPED_DOCUMENT_KINDS) {
    super();
    const parsed = KindsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    for (const k of parsed.kinds)
      if (k.issued !== k.issuers.length > 0)
        throw new Error(`document kind ${k.code}: an issued kind names its issuers (service clients), an uploaded kind none`);
    for (const k of parsed.kinds)
      if (k.owner === 'fund' && (!k.restricted || k.handlers.length === 0))
        throw new Error(`document kind ${k.code}: a kind the Fund owns is restricted and names the roles that handle it (ADR 0110)`);
    for (const k of parsed.kinds)
      if ((k.owner === 'office') !== (k.office !== undefined) || (k.owner === 'office' && (k.uploaders.length === 0 || k.handlers.length > 0 || k.issued)))
        throw new Error(
          `document kind ${k.code}: a kind an office owns names its office and the roles that upload it (and no handlers; it is uploaded, not issued); another kind names no office (ADR 0113)`,
        );
    for (const k of parsed.kinds)
      if (k.owner !== 'office' && (k.uploaders.length > 0 || k.readers.length > 0))
        throw new Error(`document kind ${k.code}: only a kind an office owns names uploaders and readers (ADR 0113)`);
    this.byCode = new Map(parsed.kinds.map((k) => [k.code, k as DocumentKind]));
  }

  get(code: string, field = 'kind'): DocumentKind {
    const kind = this.byCode.get(code);
    if (!kind) throw ValidationError.field(field, `not a document kind: one of ${[...this.byCode.keys()].join(', ')}`);
    return kind;
  }

  all(): readonly DocumentKind[] {
    return [...this.byCode.values()];
  }
}
