import type { DocumentKind } from '../../domain/document-kind.js';

/** Port: the catalogue of document kinds (data/document-kinds.json). */
export abstract class DocumentKinds {
  /** The kind, or a ValidationError naming `field`. */
  abstract get(code: string, field?: string): DocumentKind;
  abstract all(): readonly DocumentKind[];
}
