import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@hub/contracts';
import { Clock } from '@hub/kernel';
import { Message } from '../domain/message.aggregate.js';
import type { NoticeDraft } from '../domain/notice-draft.js';
import { TemplateCatalogue } from '../domain/template-catalogue.js';
import { MessageRepository } from './ports/message.repository.js';
import { RecipientPreferenceRepository } from './ports/recipient-preference.repository.js';

/**
 * Turns a rule's notice draft into messages, inside the inbox's transaction (ADR 0091): one portal
 * message, and one e-mail when the company gave an address — both in the company's language (ADR
 * 0090). Stored before anything is sent; the inbox row commits with them, so a redelivered event
 * writes nothing twice.
 */
@Injectable()
export class NoticeWriter {
  constructor(
    @Inject(MessageRepository) private readonly messages: MessageRepository,
    @Inject(RecipientPreferenceRepository) private readonly preferences: RecipientPreferenceRepository,
    @Inject(TemplateCatalogue) private readonly catalogue: TemplateCatalogue,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async write(envelope: EventEnvelope, draft: NoticeDraft): Promise<Message[]> {
    const preference = await this.preferences.find(draft.bin);
    const rendered = this.catalogue.render(draft.template, draft.role, preference?.language ?? null, (language) => draft.values(language, this.catalogue));
    const { ruleId, statutory } = this.catalogue.meta(draft.template);
    const at = this.clock.now();
    const common = {
      sourceEventId: envelope.id,
      sourceEventType: envelope.type,
      template: draft.template,
      ruleId,
      statutory,
      subjectId: draft.subjectId,
      bin: draft.bin,
      role: draft.role,
      language: rendered.language,
      subject: rendered.subject,
      body: rendered.body,
      dueOn: draft.dueOn,
      at,
    };
    const written = [Message.compose({ ...common, channel: 'portal', address: null })];
    if (preference?.email) written.push(Message.compose({ ...common, channel: 'email', address: preference.email }));
    for (const m of written) this.messages.add(m);
    return written;
  }
}
