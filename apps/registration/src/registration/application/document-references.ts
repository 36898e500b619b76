import { Inject, Injectable } from '@nestjs/common';
import { ValidationError } from '@hub/kernel';
import type { Application } from '../domain/application.aggregate.js';
import { documentReferenceIssues } from '../domain/known-document.js';
import { KnownDocuments } from './ports/known-documents.js';

/** Issue #10: before filing, the documents an application refers to must be the company's own verified uploads of the right kind (422 naming the field). */
@Injectable()
export class DocumentReferences {
  constructor(@Inject(KnownDocuments) private readonly documents: KnownDocuments) {}

  async check(app: Application): Promise<void> {
    const refs = app.documentReferences();
    if (!refs.length) return;
    const known = new Map((await this.documents.findMany(refs.map((r) => r.documentId))).map((d) => [d.id, d]));
    const issues = documentReferenceIssues(app.bin, refs, known);
    if (issues.length) throw new ValidationError(issues);
  }
}
