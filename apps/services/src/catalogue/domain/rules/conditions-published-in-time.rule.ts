import { type IsoDate, addMonths, compareIsoDates } from '@hub/calendar';
import { RuleViolationError } from '@hub/kernel';

export const CONDITIONS_LEAD_RULE = 'F-55';

/**
 * F-55 ¶1: the conditions for concluding a contract are placed on the Fund's internet resource no
 * later than 1 (one) month before the day intake begins («өтініштерді қабылдау басталған күнге дейін
 * 1 (бір) айдан кешіктірілмей»). Calendar months, the length from data (ADR 0061): the latest
 * publication day is intakeOpensOn minus the months, the day clamped to the month's end
 * (intake 31 March → publish by 28/29 February). Publishing later refuses the intake.
 */
export function latestPublicationDay(intakeOpensOn: IsoDate, leadMonths: number): IsoDate {
  return addMonths(intakeOpensOn, -leadMonths);
}

export function assertConditionsPublishedInTime(publishedOn: IsoDate, intakeOpensOn: IsoDate, leadMonths: number): void {
  const latest = latestPublicationDay(intakeOpensOn, leadMonths);
  if (compareIsoDates(publishedOn, latest) > 0) {
    throw new RuleViolationError(
      CONDITIONS_LEAD_RULE,
      `the contract conditions must be published at least ${leadMonths} month(s) before intake opens: intake on ${intakeOpensOn} needs publication by ${latest}, and today is ${publishedOn}; open the intake on ${addMonths(publishedOn, leadMonths)} or later`,
      { intakeOpensOn, latestPublicationDay: latest, publishedOn, leadMonths },
    );
  }
}
