import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import type { PresignedRequest } from '@hub/object-storage';

export interface StartUploadResult {
  readonly documentId: string;
  /** The client PUTs the file's bytes here itself, with these headers, before `expiresAt`. */
  readonly upload: PresignedRequest;
}

/** A company (or a fund officer for it; or, for a kind the Fund owns, a role the kind names — ADR 0110) declares a document it is about to upload. */
export class StartUploadCommand extends Command<StartUploadResult> {
  constructor(
    readonly input: {
      readonly ownerBin?: string | undefined;
      /** ADR 0113: the office of a kind an office owns (optional: the kind names it). */
      readonly ownerOffice?: string | undefined;
      readonly kind: string;
      readonly fileName: string;
      readonly size: number;
      readonly supersedes?: string;
    },
    readonly actor: Actor,
  ) {
    super();
  }
}
