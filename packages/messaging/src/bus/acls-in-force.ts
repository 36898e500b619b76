/** How long createAcls waits for the broker's authorizer to apply what the controller committed. */
export const ACLS_IN_FORCE_WITHIN_MS = 30_000;

/**
 * Both adapters' createAcls end here. The controller commits ACL bindings; the broker's authorizer
 * applies them when its metadata catches up, a moment later — on a loaded machine long enough for a
 * client's first request to be refused. DescribeAcls is answered from that authorizer, so the bindings
 * are in force once `described` finds every one of them (polled every 100 ms, 30 s at most).
 */
export async function untilAclsInForce<E extends { readonly principal: string; readonly resourceName: string }>(
  entries: readonly E[],
  described: (entry: E) => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + ACLS_IN_FORCE_WITHIN_MS;
  let missing = [...entries];
  for (;;) {
    const found = await Promise.all(missing.map(described));
    missing = missing.filter((_, i) => !found[i]);
    if (missing.length === 0) return;
    if (Date.now() > deadline) {
      const names = missing.map((e) => `${e.principal} on ${e.resourceName}`).join(', ');
      throw new Error(`ACLs created but not in force within ${ACLS_IN_FORCE_WITHIN_MS} ms: ${names}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
