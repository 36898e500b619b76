/** How hard an e-mail is tried (ADR 0091): configuration, not a Fund threshold. */
export interface DeliveryPolicy {
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
}

/**
 * The wait before the next attempt after `attempts` failed ones: exponential (base, 2×base, 4×base …)
 * capped at the maximum. Deterministic — one SMTP relay has no thundering herd to spread.
 */
export function backoffAfter(attempts: number, policy: DeliveryPolicy): number {
  return Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}
