import { Inject, Injectable } from '@nestjs/common';
import { KnownDocuments } from '@hub/nest-commons';
import type { Application } from '../domain/application.aggregate.js';

/**
 * Issue #10 (ADRs 0045, 0049): before filing, the documents an application refers to (F-9(2), F-9(3))
 * must be the company's own verified uploads of the right kind, and not attached to anything else —
 * documents attach them to this application when it is filed, immutable from then on, so a document
 * of an earlier application is not reused (a new upload is). 422 naming the field otherwise.
 */
@Injectable()
export class DocumentReferences {
  constructor(@Inject(KnownDocuments) private readonly documents: KnownDocuments) {}

  check(app: Application): Promise<void> {
    return this.documents.assertReferences(app.bin, app.documentReferences(), `registration/application/${app.id}`);
  }
}
