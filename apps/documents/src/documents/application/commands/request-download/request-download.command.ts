import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';

export interface DownloadGrant {
  readonly url: string;
  readonly expiresAt: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
}

/** Someone asks for a document's bytes: after the F-35/F-42 check, a presigned GET of 60 s, logged. */
export class RequestDownloadCommand extends Command<DownloadGrant> {
  constructor(
    readonly documentId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
