import type { Document } from '../../domain/document.aggregate.js';

/** Port (ADR 0035 §4): documents for the use cases, inside a unit of work. */
export abstract class DocumentRepository {
  /** The document, or NotFoundError (404). */
  abstract get(id: string): Promise<Document>;
  /** The issued document under an issuer's key, if any. */
  abstract findByIssueKey(issueKey: string): Promise<Document | null>;
  abstract add(document: Document): void;
}
