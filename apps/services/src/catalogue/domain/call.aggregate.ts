import { type IsoDate, compareIsoDates } from '@hub/calendar';
import { AggregateRoot, ValidationError } from '@hub/kernel';
import type { CatalogueEvent } from './catalogue.events.js';
import { assertConditionsPublishedInTime } from './rules/conditions-published-in-time.rule.js';
import { assertInsideIntake } from './rules/intake-window.rule.js';

/** F-55 ¶2: the draft contract states the Fund's service conditions and the recipient's payment order and amount. */
export interface DraftContract {
  readonly serviceConditions: string;
  readonly paymentOrder: string;
  readonly paymentAmount: string;
}

/**
 * A call: the Fund opens an intake for one service (F-47) after publishing the conditions for
 * concluding a contract and the draft contract on its internet resource (F-55). Publication is the
 * moment the call is created; the intake must open at least the data's lead months later.
 */
export class ServiceCall extends AggregateRoot<CatalogueEvent> {
  readonly id!: string;
  readonly serviceId!: string;
  readonly title!: string;
  readonly contractConditions!: string;
  readonly draftContract!: DraftContract;
  readonly publishedOn!: IsoDate;
  readonly intakeOpensOn!: IsoDate;
  /** F-47: the last day applications are accepted (until 23:59:59 Asia/Almaty). */
  readonly intakeClosesOn!: IsoDate;
  /** The Fund's review length for this call, in working days (F-51: the Fund's acts; default ADR 0061). */
  readonly reviewWorkingDays!: number;
  readonly version!: number;
  readonly createdAt!: Date;

  static publish(input: {
    id: string;
    serviceId: string;
    title: string;
    contractConditions: string;
    draftContract: DraftContract;
    publishedOn: IsoDate;
    intakeOpensOn: IsoDate;
    intakeClosesOn: IsoDate;
    reviewWorkingDays: number;
    leadMonths: number;
    at: Date;
  }): ServiceCall {
    if (compareIsoDates(input.intakeClosesOn, input.intakeOpensOn) < 0)
      throw ValidationError.field('intakeClosesOn', 'the intake cannot close before it opens');
    if (!Number.isInteger(input.reviewWorkingDays) || input.reviewWorkingDays < 1)
      throw ValidationError.field('reviewWorkingDays', 'a whole number of working days, at least 1');
    assertConditionsPublishedInTime(input.publishedOn, input.intakeOpensOn, input.leadMonths);
    const { leadMonths: _lead, at, ...fields } = input;
    const c = new ServiceCall();
    Object.assign(c, { ...fields, createdAt: at });
    c.record({
      name: 'CallPublished',
      aggregateId: input.id,
      occurredAt: at,
      serviceId: input.serviceId,
      intakeOpensOn: input.intakeOpensOn,
      intakeClosesOn: input.intakeClosesOn,
    });
    return c;
  }

  /** F-47: whether an application filed on `day` is accepted (throws F-47 otherwise). */
  assertAcceptsApplicationsOn(day: IsoDate): void {
    assertInsideIntake(day, this.intakeOpensOn, this.intakeClosesOn);
  }
}
