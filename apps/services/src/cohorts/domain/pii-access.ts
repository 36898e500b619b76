/** F-42: one read of cohort members' IINs — who, when, which cohort, under which correlation (ADR 0068). */
export class PiiAccess {
  readonly id!: string;
  readonly actorSubject!: string;
  readonly actorRoles!: readonly string[];
  readonly cohortId!: string;
  readonly what!: string;
  readonly correlationId!: string | null;
  readonly accessedAt!: Date;

  static record(input: {
    id: string;
    actorSubject: string;
    actorRoles: readonly string[];
    cohortId: string;
    what: string;
    correlationId: string | null;
    at: Date;
  }): PiiAccess {
    const { at, ...rest } = input;
    const a = new PiiAccess();
    Object.assign(a, { ...rest, accessedAt: at });
    return a;
  }
}
