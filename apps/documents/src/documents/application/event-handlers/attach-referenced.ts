import type { Logger } from '@nestjs/common';
import type { DocumentRepository } from '../ports/document.repository.js';

/**
 * Issue #10 (ADRs 0045, 0049): a context's fact names the documents it rests on; they are attached to
 * `to` (`<context>/<thing>/<id>`) — immutable from then on, a correction being a new version. Runs in
 * the inbox's transaction (one effect per event); the same target again is a no-op. A document of
 * another company is a broken contract (the context checked it): the event goes to the dead-letter
 * topic with nothing attached. One already attached elsewhere stays where it is (it is immutable).
 */
export async function attachReferenced(
  documents: DocumentRepository,
  log: Logger,
  fact: { bin: string; to: string; documentIds: readonly string[]; at: Date },
): Promise<void> {
  const loaded = await Promise.all(fact.documentIds.map((id) => documents.get(id)));
  const foreign = loaded.find((d) => d.ownerBin !== fact.bin);
  if (foreign) throw new Error(`${fact.to} of ${fact.bin} names document ${foreign.id} of another company`);
  for (const d of loaded) {
    if (d.status === 'attached' && d.attachedTo !== fact.to) {
      log.log({ documentId: d.id, attachedTo: d.attachedTo, to: fact.to }, 'document already attached elsewhere; it stays immutable there');
      continue;
    }
    d.attach(fact.to, fact.at);
  }
}
