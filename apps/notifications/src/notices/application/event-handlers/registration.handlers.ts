import { Inject, Injectable } from '@nestjs/common';
import { ApplicationSubmittedV1, DecisionMadeV1, type EventEnvelope, type PayloadOf, RemarksIssuedV1 } from '@hub/contracts';
import { almatyDate } from '@hub/calendar';
import type { EventHandler } from '@hub/messaging';
import { formatDate } from '../../domain/templates.js';
import { NoticeFactory } from '../notice-factory.js';
import { NoticeTemplates } from '../ports/templates.js';

/** F-10: the application's language becomes the company's language for notices (until it chooses one). */
@Injectable()
export class ApplicationSubmittedHandler implements EventHandler<typeof ApplicationSubmittedV1> {
  readonly event = ApplicationSubmittedV1;
  constructor(@Inject(NoticeFactory) private readonly factory: NoticeFactory) {}
  handle(envelope: EventEnvelope<PayloadOf<typeof ApplicationSubmittedV1>>): Promise<void> {
    return this.factory.learnLanguage(envelope.payload.bin, envelope.payload.language);
  }
}

/** F-14: the Fund's remarks reach the applicant (statutory). */
@Injectable()
export class RemarksIssuedHandler implements EventHandler<typeof RemarksIssuedV1> {
  readonly event = RemarksIssuedV1;
  constructor(@Inject(NoticeFactory) private readonly factory: NoticeFactory) {}
  async handle(envelope: EventEnvelope<PayloadOf<typeof RemarksIssuedV1>>): Promise<void> {
    const e = envelope.payload;
    await this.factory.notify({
      source: envelope,
      bin: e.bin,
      template: 'registration.remarks-issued',
      ruleId: 'F-14',
      kind: 'statutory',
      dueOn: null,
      values: (lang) => ({
        bin: e.bin,
        applicationId: e.applicationId,
        issuedOn: formatDate(almatyDate(new Date(e.issuedAt)), lang),
        remarks: e.remarks.map((r) => `- ${r.field}: ${r.message}`).join('\n'),
      }),
    });
  }
}

/** F-17: the decision, or the reasoned refusal (F-16), reaches the applicant within 5 working days (statutory). */
@Injectable()
export class DecisionMadeHandler implements EventHandler<typeof DecisionMadeV1> {
  readonly event = DecisionMadeV1;
  constructor(
    @Inject(NoticeFactory) private readonly factory: NoticeFactory,
    @Inject(NoticeTemplates) private readonly templates: NoticeTemplates,
  ) {}
  async handle(envelope: EventEnvelope<PayloadOf<typeof DecisionMadeV1>>): Promise<void> {
    const e = envelope.payload;
    await this.factory.notify({
      source: envelope,
      bin: e.bin,
      template: e.decision === 'register' ? 'registration.decision-made.register' : 'registration.decision-made.refuse',
      ruleId: 'F-17',
      kind: 'statutory',
      dueOn: e.notificationDueDate,
      values: (lang) => ({
        bin: e.bin,
        protocolNumber: e.protocolNumber,
        decidedOn: formatDate(e.decidedOn, lang),
        ...(e.decision === 'refuse' ? { grounds: e.grounds.map((g) => `- ${this.templates.groundLabel(g, lang)}`).join('\n') } : {}),
      }),
    });
  }
}
