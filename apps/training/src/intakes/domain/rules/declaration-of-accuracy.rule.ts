import { RuleViolationError } from '@hub/kernel';

/** F-67: the applicant answers for the accuracy of what it files — an application without the declaration is refused. */
export const DECLARATION_OF_ACCURACY_RULE = 'F-67';

export function assertAccuracyDeclared(declared: boolean): void {
  if (!declared)
    throw new RuleViolationError(DECLARATION_OF_ACCURACY_RULE, 'the applicant must declare that the information filed is accurate', {
      field: 'declarationOfAccuracy',
    });
}
