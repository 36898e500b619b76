import type { FieldIssue } from '@hub/kernel';

/**
 * A document the documents context verified (issue #10, ADR 0045) — registration's local copy from
 * `documents.document-verified`: whose it is and of which kind. The bytes and the file name stay in
 * documents; registration only checks that an application refers to the company's own verified
 * document of the kind the rule requires.
 */
export class KnownDocument {
  readonly id!: string;
  readonly bin!: string;
  readonly kind!: string;
  readonly sha256!: string;
  readonly verifiedAt!: Date;
  readonly recordedAt!: Date;

  static record(input: Omit<KnownDocument, 'recordedAt'>, at: Date): KnownDocument {
    const d = new KnownDocument();
    Object.assign(d, { ...input, recordedAt: at });
    return d;
  }
}

/**
 * F-9(2), F-9(3) with issue #10: each document an application refers to is a verified upload of
 * the same company and of the kind the rule requires — else the field is named. `known` holds what
 * registration has learnt from documents (an upload verified a moment ago may not have arrived yet:
 * the message says to retry).
 */
export function documentReferenceIssues(
  bin: string,
  refs: readonly { path: string; documentId: string; kind: string; ruleId: string }[],
  known: ReadonlyMap<string, Pick<KnownDocument, 'bin' | 'kind'>>,
): FieldIssue[] {
  return refs.flatMap((r): FieldIssue[] => {
    const d = known.get(r.documentId);
    if (!d || d.bin !== bin)
      return [
        {
          path: r.path,
          message: `${r.ruleId}: ${r.documentId} is not a verified document of this company (upload and complete it first; a document verified a moment ago may take a few seconds to arrive)`,
          code: 'document-unknown',
        },
      ];
    if (d.kind !== r.kind) return [{ path: r.path, message: `${r.ruleId}: the document is a ${d.kind}, a ${r.kind} is required`, code: 'document-wrong-kind' }];
    return [];
  });
}
