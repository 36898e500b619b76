import { z } from 'zod';
import { IsoDateSchema } from './common.js';

/**
 * Issue #16, ADR 0138 (building ADR 0133 §3): what a Commission's agenda looks like on the bus, so that
 * notifications can tell each member what awaits their vote without asking the owning context.
 *
 * A member is named by their portal subject (the identity provider's `sub`): an identifier, never a
 * name, an address or an IIN (F-42). An item is named by its application id only — never the
 * applicant's BIN or name, so a member whom a conflict-of-interest declaration (F-69) keeps from an
 * application learns nothing of it: the owning context leaves that member out of the item's `awaiting`.
 */
export const PortalSubjectSchema = z.string().min(1).max(200);

export const CommissionAgendaEntrySchema = z.object({
  applicationId: z.uuid(),
  /** The working day the Commission's decision on the item is due, where the rules set one; else null. */
  dueOn: IsoDateSchema.nullable(),
  /** The members who may vote on the item and have not yet (F-69: a conflicted member is not listed). */
  awaiting: z.array(PortalSubjectSchema),
});
export type CommissionAgendaEntry = z.infer<typeof CommissionAgendaEntrySchema>;

/**
 * The whole agenda of one Commission (an intake's, a round's) as of `asOf`: a state, not a delta — a
 * consumer replaces what it kept for the Commission with it (and ignores one older than what it has).
 * Published in the transaction of every change to it: a member appointed or removed, a declaration,
 * an application coming before the Commission, a vote, the decision (`closed`: nothing awaits anyone).
 */
export const CommissionAgendaStateSchema = z.object({
  /** Every member of the Commission (who receives a digest at all). */
  members: z.array(PortalSubjectSchema),
  items: z.array(CommissionAgendaEntrySchema),
  closed: z.boolean(),
  asOf: z.iso.datetime({ offset: true }),
});
