/**
 * Port (ADR 0110): the Fund as the owner of its own documents (a kind with `owner: "fund"`, e.g. a
 * dwelling's act): the Fund's BIN, from configuration (`HUB_FUND_BIN`) — never written in code. Null
 * where it is not configured: such kinds are then refused (409), company documents work as before.
 */
export abstract class FundOwner {
  abstract readonly bin: string | null;
}
