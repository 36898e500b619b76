import { type IsoDate, compareIsoDates } from '@hub/calendar';
import { ValidationError } from '@hub/kernel';

/**
 * F-18: the standard participant contract follows the Commission's decision to register (F-15).
 * Its signing date is a day that has happened (not after today in Asia/Almaty) and not before the
 * decision. Throws a field error on `signedOn` (422).
 */
export function assertContractSigningDate(signedOn: IsoDate, context: { today: IsoDate; decidedOn: IsoDate | null }): void {
  if (compareIsoDates(signedOn, context.today) > 0) {
    throw ValidationError.field('signedOn', `the contract cannot be signed in the future (today is ${context.today})`, 'date.future');
  }
  if (context.decidedOn && compareIsoDates(signedOn, context.decidedOn) < 0) {
    throw ValidationError.field('signedOn', `the contract cannot be signed before the Commission's decision of ${context.decidedOn}`, 'date.before-decision');
  }
}
