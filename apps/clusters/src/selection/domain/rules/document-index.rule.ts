import { ValidationError } from '@hub/kernel';

export interface DocumentIndexEntry {
  readonly number: number;
  readonly title: string;
  readonly documentRef: string;
}

/**
 * C-8, C-10: the paper volumes are bound and numbered with the document list first; on the platform
 * an electronic numbered document index takes their place — numbered 1 … n without gaps, each entry
 * naming a document.
 */
export function assertDocumentIndex(index: readonly DocumentIndexEntry[]): void {
  if (index.length === 0) throw ValidationError.field('documentIndex', 'C-10: list the application documents in a numbered index');
  index.forEach((e, i) => {
    if (e.number !== i + 1)
      throw ValidationError.field(`documentIndex.${i}.number`, `C-10: the documents are numbered 1 … ${index.length} in order; expected ${i + 1}`);
  });
}
