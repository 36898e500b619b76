import { Inject, Injectable } from '@nestjs/common';
import { type IsoDate, almatyDate } from '@hub/calendar';
import { Clock } from '@hub/kernel';
import { ActivityTypeCatalogue } from '../domain/activity-type-catalogue.js';
import type { Application } from '../domain/application.aggregate.js';
import { type EligibilityEvaluation, evaluateEligibility } from '../domain/eligibility/eligibility-rule-set.js';
import { ReferenceValues } from './ports/reference-values.port.js';

/** Runs the eligibility rule set (F-7, F-9(2)) for an application with the reference data in force. */
@Injectable()
export class EligibilityCheck {
  constructor(
    @Inject(ActivityTypeCatalogue) readonly catalogue: ActivityTypeCatalogue,
    @Inject(ReferenceValues) private readonly reference: ReferenceValues,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  evaluate(app: Application, filedOn: IsoDate): EligibilityEvaluation {
    const i = app.eligibilityInputs();
    return evaluateEligibility({
      bin: app.bin,
      kind: app.kind,
      filedOn,
      evaluatedOn: almatyDate(this.clock.now()),
      declaration: i.declaration,
      activityTypes: i.activityTypes,
      taxCertificate: i.taxCertificate,
      catalogue: this.catalogue,
      reference: this.reference,
    });
  }
}
