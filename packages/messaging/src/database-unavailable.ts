/**
 * Issue #18: a request that fails because the database is not there — restarting, crashed, the
 * network to it cut — is the client's "try again", not an internal error. The chaos suite's
 * PostgreSQL restart answered 103 × 500 before this; now such an error is a 503 with Retry-After
 * (ProblemDetailsFilter), like any unavailable dependency.
 *
 * Recognised anywhere in the error's chain (`cause`, MikroORM's `previous`): a refused, reset or
 * timed-out connection (Node's system codes), PostgreSQL's connection-exception class `08…` and
 * operator intervention `57P01` admin shutdown, `57P02` crash shutdown, `57P03` cannot connect now,
 * MikroORM's `ConnectionException`, and node-postgres' "Connection terminated" messages. A query
 * error (syntax, constraint, serialization) is not one of these.
 */
const SYSTEM_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const MESSAGES =
  /Connection terminated|connection .*closed|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect|Timeout acquiring a connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (typeof e === 'object' && e !== null && !seen.has(e)) {
    seen.add(e);
    const x = e as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; previous?: unknown; errors?: unknown };
    const code = typeof x.code === 'string' ? x.code : '';
    if (SYSTEM_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (x.name === 'ConnectionException') return true;
    if (typeof x.message === 'string' && MESSAGES.test(x.message)) return true;
    // An AggregateError (a connect to several addresses) is unavailable if one of its parts is.
    if (Array.isArray(x.errors) && x.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    e = x.previous ?? x.cause;
  }
  return false;
}
