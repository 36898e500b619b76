import type { IsoDate } from '@hub/calendar';

export type NoticeKind = 'lapse' | 'decision';

/**
 * A notice the Fund sends an applicant: the lapse of an application whose remarks were not fixed
 * (F-71), or the Commission's decision — admission with quotas or reasoned refusal (F-74). Written
 * once; the notifications context delivers it (not wired yet).
 */
export class Notice {
  readonly id!: string;
  readonly applicationId!: string;
  readonly bin!: string;
  readonly kind!: NoticeKind;
  readonly ruleId!: string;
  readonly text!: string;
  readonly sentOn!: IsoDate;
  readonly sentAt!: Date;
  readonly sentBy!: string;

  static send(input: {
    id: string;
    applicationId: string;
    bin: string;
    kind: NoticeKind;
    ruleId: string;
    text: string;
    sentOn: IsoDate;
    at: Date;
    sentBy: string;
  }): Notice {
    const { at, ...rest } = input;
    const n = new Notice();
    Object.assign(n, { ...rest, sentAt: at });
    return n;
  }
}
