import { type IsoDate, compareIsoDates } from '@hub/calendar';
import { ValidationError } from '@hub/kernel';

/**
 * F-17 («осындай шешімді қабылдаған күннен бастап»): the 5 WD of the notification run from the day
 * the Commission DECIDED — the date of its protocol, given by the secretary — not from the day the
 * protocol was typed in. That date has happened (not after today in Asia/Almaty) and is not before
 * the application reached the Commission (F-15). Throws a field error on `decidedOn` (422).
 */
export function assertDecisionDate(decidedOn: IsoDate, context: { today: IsoDate; sentToCommissionOn: IsoDate | null }): void {
  if (compareIsoDates(decidedOn, context.today) > 0)
    throw ValidationError.field('decidedOn', `the Commission cannot have decided in the future (today is ${context.today})`, 'date.future');
  if (context.sentToCommissionOn && compareIsoDates(decidedOn, context.sentToCommissionOn) < 0)
    throw ValidationError.field(
      'decidedOn',
      `the Commission cannot have decided before the application was sent to it on ${context.sentToCommissionOn}`,
      'date.before-commission',
    );
}
