/**
 * Port (ADR 0110): the Fund as the owner of a dwelling act's scan — the documents context keeps it
 * under the Fund's BIN (configuration, `HUB_FUND_BIN`, the same value documents has; never code). Null
 * where it is not configured: an act naming a scan is then refused (422 naming `documentId`).
 */
export abstract class FundOwner {
  abstract readonly bin: string | null;
}
