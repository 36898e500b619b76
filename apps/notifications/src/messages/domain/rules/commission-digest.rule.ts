import type { IsoDate } from '@hub/calendar';
import { type Language, formatDate } from '../language.js';
import { bulletList } from '../notice-draft.js';
import type { TemplateCatalogue } from '../template-catalogue.js';

/**
 * The Commission members' "awaiting your vote" digest (issue #16, ADR 0138 §4): one e-mail per member
 * and working day listing, per context, the applications before their Commission that await their vote —
 * the application's short id, the working day the decision is due (earliest first; none set: last) and a
 * link into the portal. Application ids only: no BIN, no company name (F-35, F-42) — a member whom a
 * conflict declaration keeps from an application (F-69) is not among its awaited, so learns nothing of it.
 * A reminder, not a notice the rules prescribe (ADR 0093): switchable, and nothing when nothing awaits.
 */
export const COMMISSION_DIGEST_TEMPLATE = 'commission.daily-digest';

/** The contexts whose Commissions vote (F-15 registration, F-72 training, C-19 clusters), in the order the digest lists them. */
export const COMMISSION_CONTEXTS = ['registration', 'training', 'clusters'] as const;
export type CommissionContext = (typeof COMMISSION_CONTEXTS)[number];

/** registration's one Commission (F-15: any holder of `commission-member` votes; no roster): its commission id in the projection. */
export const REGISTRATION_COMMISSION = 'registration';

/** One application awaiting the member's vote. */
export interface AwaitedItem {
  readonly context: CommissionContext;
  /** The intake (training), the round (clusters) or `registration`. */
  readonly commissionId: string;
  readonly applicationId: string;
  /** The working day the decision is due, where the rules set one. */
  readonly dueOn: IsoDate | null;
}

export interface CommissionDigestDraft {
  readonly template: typeof COMMISSION_DIGEST_TEMPLATE;
  readonly member: string;
  readonly day: IsoDate;
  /** What the body lists, in its order. */
  readonly items: readonly AwaitedItem[];
  readonly values: (language: Language, catalogue: TemplateCatalogue) => Readonly<Record<string, string>>;
}

/** An application id's short form for a reader: its last 8 hex digits (a UUIDv7's first ones are its time, alike for ids made together). */
export const shortApplicationId = (id: string): string => `#${id.replace(/-/g, '').slice(-8)}`;

/** Where in the portal a member votes on the item (the full id is in the link; the Commission's own screen for training and clusters). */
export function itemLink(portalUrl: string, item: AwaitedItem): string {
  switch (item.context) {
    case 'registration':
      return `${portalUrl}/staff/applications/${item.applicationId}`;
    case 'training':
      return `${portalUrl}/training/intakes/${item.commissionId}/commission`;
    case 'clusters':
      return `${portalUrl}/clusters/rounds/${item.commissionId}`;
  }
}

const byDue = (a: AwaitedItem, b: AwaitedItem): number =>
  (a.dueOn === null ? 1 : 0) - (b.dueOn === null ? 1 : 0) || (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.applicationId.localeCompare(b.applicationId);

/**
 * A member's digest of `day`, or null when nothing awaits their vote (ADR 0138 §4: no e-mail then). Items
 * grouped per context (registration, training, clusters), each group earliest due day first.
 */
export function commissionDigest(input: { member: string; day: IsoDate; items: readonly AwaitedItem[]; portalUrl: string }): CommissionDigestDraft | null {
  if (input.items.length === 0) return null;
  const groups = COMMISSION_CONTEXTS.map((context) => ({ context, items: input.items.filter((i) => i.context === context).sort(byDue) })).filter(
    (g) => g.items.length > 0,
  );
  return {
    template: COMMISSION_DIGEST_TEMPLATE,
    member: input.member,
    day: input.day,
    items: groups.flatMap((g) => g.items),
    values: (language, catalogue) => {
      const label = (key: string) => catalogue.label(key, language);
      const line = (i: AwaitedItem) =>
        [
          shortApplicationId(i.applicationId),
          i.dueOn === null ? label('commission-digest.no-due-day') : `${label('commission-digest.due')} ${formatDate(i.dueOn, language)}`,
          itemLink(input.portalUrl, i),
        ].join(' · ');
      return {
        day: formatDate(input.day, language),
        count: String(input.items.length),
        items: groups.map((g) => `${label(`context.${g.context}`)} (${g.items.length}):\n${bulletList(g.items.map(line))}`).join('\n\n'),
        link: `${input.portalUrl}/my/notifications`,
      };
    },
  };
}
