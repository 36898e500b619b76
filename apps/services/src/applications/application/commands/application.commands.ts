import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import type { ApplicationContent, Language, RefusalGround } from '../../domain/service-application.aggregate.js';

export type RecipientInput = { readonly kind: 'legal-entity'; readonly bin: string } | { readonly kind: 'individual'; readonly iin: string };

/** F-47 … F-50: a recipient files a service application for a call. */
export class FileApplicationCommand extends Command<{ id: string }> {
  constructor(
    readonly input: {
      readonly callId: string;
      readonly recipient: RecipientInput;
      readonly language: Language;
      readonly declarationAccepted: boolean;
      readonly content: ApplicationContent;
    },
    readonly actor: Actor,
  ) {
    super();
  }
}
/** F-52: a fund officer sends remarks. */
export class IssueRemarksCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly remarks: readonly { field: string; message: string }[],
  ) {
    super();
  }
}
/** The applicant answers the remarks with corrected content. */
export class ResubmitApplicationCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly content: ApplicationContent,
    readonly actor: Actor,
  ) {
    super();
  }
}
/** F-51, F-53: the Fund decides. */
export class DecideApplicationCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly decision: { readonly outcome: 'conclude-contract' } | { readonly outcome: 'refuse'; readonly ground: RefusalGround; readonly reasons: string },
  ) {
    super();
  }
}
/** F-55, F-56: the contract is signed today at the price fixed today. */
export class SignContractCommand extends Command<{ contractId: string }> {
  /** `payerName`: the payer as the contract names it (ADR 0123; F-42 for an individual — encrypted, never logged). */
  constructor(
    readonly id: string,
    readonly payerName?: string,
  ) {
    super();
  }
}

/** F-49 (as F-10): the Fund records the Kazakh or Russian translation of an English application. */
export class RecordTranslationCommand extends Command<void> {
  constructor(
    readonly id: string,
    readonly body: { readonly targetLanguage: 'kk' | 'ru'; readonly documentRef: string },
    readonly actor: Actor,
  ) {
    super();
  }
}
