import { z } from 'zod';

/**
 * Roles of the platform (issue #5). A token carries them in the `roles` claim; an applicant token
 * also carries `hub_companies`: the BINs of the companies its holder may act for (F-35: a company's
 * representative sees only that company's data).
 */
export const ROLES = [
  'applicant',
  'fund-officer',
  'commission-member',
  'commission-secretary',
  'finance-officer',
  'housing-manager',
  'training-officer',
  'auditor',
  'authorised-body-analyst',
] as const;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Roles that work for the Fund (staff), as opposed to applicants/participants. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'applicant');

export const AccessTokenClaimsSchema = z.object({
  sub: z.string().min(1),
  roles: z.array(RoleSchema).min(1),
  hub_companies: z.array(z.string().regex(/^\d{12}$/)).default([]),
  name: z.string().optional(),
});
export type AccessTokenClaims = z.infer<typeof AccessTokenClaimsSchema>;

/** The verified caller, as every context sees it. */
export interface Actor {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** BINs the actor may act for (applicants). */
  readonly companies: readonly string[];
  readonly name?: string;
}
