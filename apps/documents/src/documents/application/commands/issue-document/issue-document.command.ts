import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';

/**
 * Store a document the Fund issued (a PDF a context rendered): once, with its hash. `issueKey`
 * names it in the issuer's terms (e.g. `registration/certificate/AH-…`): the same key with the same
 * bytes returns the stored document; with other bytes it is refused (issued documents never change).
 * A company's kind names its owner's BIN; a kind the Fund owns (ADR 0122) belongs to the configured Fund.
 */
export class IssueDocumentCommand extends Command<{ documentId: string; created: boolean }> {
  constructor(
    readonly input: {
      readonly ownerBin?: string | undefined;
      readonly kind: string;
      readonly issueKey: string;
      readonly fileName: string;
      readonly bytes: Uint8Array;
    },
    readonly actor: Actor,
  ) {
    super();
  }
}
