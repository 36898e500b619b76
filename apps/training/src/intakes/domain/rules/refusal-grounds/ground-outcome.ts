/**
 * The outcome of one F-68 refusal ground: a named rule, `refuses` when the ground applies, with the
 * figures it compared (stored with the application's review with their source and date — not built yet).
 */
export interface GroundOutcome {
  readonly ruleId: string;
  readonly name: string;
  readonly refuses: boolean;
  readonly message: string;
  readonly details: Record<string, unknown>;
}
