/**
 * Largest-remainder apportionment (Hamilton) of an integer budget over non-negative integer weights,
 * exact in BigInt (no floats, ADR 0071):
 *  1. each share's exact quota is budget × weight / Σweight; it first gets the floor;
 *  2. the seats left (budget − Σfloors) go one each to the largest remainders
 *     (budget × weight mod Σweight — all over the same denominator, so compared exactly);
 *  3. **tie-break** (documented, deterministic): a larger remainder first; on equal remainders the
 *     larger weight; on equal weights the smaller key (code-point order of the application id).
 * When every weight is zero, every share weighs one (the budget is still spent exactly).
 * The result sums to the budget exactly, does not depend on the order of the input, and a share
 * never loses seats when only its own weight grows (tested with fast-check).
 */
export interface Share {
  readonly key: string;
  readonly weight: bigint;
}
export interface Apportioned {
  readonly key: string;
  readonly weight: bigint;
  readonly floor: number;
  /** The remainder's numerator over `denominator` (Σweight). */
  readonly remainder: bigint;
  readonly denominator: bigint;
  readonly bonus: 0 | 1;
  readonly quota: number;
  /** 1-based place in the remainder order (the tie-break applied). */
  readonly remainderRank: number;
}

export function largestRemainder(budget: number, shares: readonly Share[]): Apportioned[] {
  if (!Number.isSafeInteger(budget) || budget < 0) throw new Error('the budget is a non-negative integer');
  if (shares.length === 0) return [];
  if (new Set(shares.map((s) => s.key)).size !== shares.length) throw new Error('keys must be unique');
  if (shares.some((s) => s.weight < 0n)) throw new Error('weights are non-negative');
  const allZero = shares.every((s) => s.weight === 0n);
  const weighted = shares.map((s) => ({ key: s.key, weight: allZero ? 1n : s.weight }));
  const total = weighted.reduce((a, s) => a + s.weight, 0n);
  const B = BigInt(budget);
  const rows = weighted.map((s) => ({ ...s, floor: (B * s.weight) / total, remainder: (B * s.weight) % total }));
  const left = Number(B - rows.reduce((a, r) => a + r.floor, 0n));
  const order = [...rows].sort((a, b) =>
    a.remainder !== b.remainder
      ? a.remainder > b.remainder
        ? -1
        : 1
      : a.weight !== b.weight
        ? a.weight > b.weight
          ? -1
          : 1
        : a.key < b.key
          ? -1
          : a.key > b.key
            ? 1
            : 0,
  );
  const rank = new Map(order.map((r, i) => [r.key, i + 1]));
  return shares.map((s) => {
    const r = rows.find((x) => x.key === s.key)!;
    const place = rank.get(s.key)!;
    const bonus: 0 | 1 = place <= left ? 1 : 0;
    return {
      key: s.key,
      weight: s.weight,
      floor: Number(r.floor),
      remainder: r.remainder,
      denominator: total,
      bonus,
      quota: Number(r.floor) + bonus,
      remainderRank: place,
    };
  });
}
