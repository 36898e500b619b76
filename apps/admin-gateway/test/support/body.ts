/**
 * A response body read as the shape the test expects. supertest types every body as `any`; naming
 * the shape keeps the tests type-checked (and lint-clean) without asserting anything extra.
 */
export const bodyOf = <T>(res: { readonly body: unknown }): T => res.body as T;

export interface Problem {
  readonly status: number;
  readonly code?: string;
  readonly detail: string;
  readonly correlationId?: string;
  readonly errors?: readonly { readonly field: string }[];
}
