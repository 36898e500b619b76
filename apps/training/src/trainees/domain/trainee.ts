/**
 * A trainee listed by an admitted provider (F-76). The IIN and the name are personal data (F-42):
 * stored only encrypted (bound to this row's id) with a keyed blind index of the IIN, unique per
 * intake — one person is trained once per intake, whichever provider lists them (a database constraint).
 */
export class Trainee {
  readonly id!: string;
  readonly intakeId!: string;
  readonly applicationId!: string;
  readonly iinIndex!: string;
  readonly iinCipher!: string;
  readonly nameCipher!: string;
  readonly listedAt!: Date;

  static list(input: { id: string; intakeId: string; applicationId: string; iinIndex: string; iinCipher: string; nameCipher: string; at: Date }): Trainee {
    const { at, ...rest } = input;
    const t = new Trainee();
    Object.assign(t, { ...rest, listedAt: at });
    return t;
  }
}

/** F-42: one read of trainees' personal data — who, which application, when. */
export class PiiAccess {
  readonly id!: string;
  readonly actorSubject!: string;
  readonly actorRoles!: readonly string[];
  readonly applicationId!: string;
  readonly what!: string;
  readonly correlationId!: string | null;
  readonly accessedAt!: Date;

  static record(input: {
    id: string;
    actorSubject: string;
    actorRoles: readonly string[];
    applicationId: string;
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
