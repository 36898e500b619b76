import type { KnownDocument } from '../../domain/known-document.js';

/** Port: registration's local copy of the documents verified in the documents context (issue #10). */
export abstract class KnownDocuments {
  abstract findMany(ids: readonly string[]): Promise<KnownDocument[]>;
  abstract find(id: string): Promise<KnownDocument | null>;
  abstract add(document: KnownDocument): void;
}
