import type { Actor } from '@hub/contracts';

/** F-33 (ADR 0052): the company declares its income of a whole financial year (integer tiyn). */
export class DeclareAnnualIncomeCommand {
  constructor(
    readonly actor: Actor,
    readonly participationId: string,
    readonly input: { readonly year: number; readonly incomeTiyn: number },
  ) {}
}
