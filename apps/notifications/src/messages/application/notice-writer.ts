import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@hub/kernel';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { NotificationsConfig } from '../../config.js';
import { Message } from '../domain/message.aggregate.js';
import type { Language } from '../domain/language.js';
import type { NoticeDraft, PersonNoticeDraft, RecipientRole } from '../domain/notice-draft.js';
import type { StaffDigestDraft } from '../domain/rules/staff-digest.rule.js';
import type { CommissionDigestDraft } from '../domain/rules/commission-digest.rule.js';
import { TemplateCatalogue } from '../domain/template-catalogue.js';
import { MessageRepository } from './ports/message.repository.js';
import { RecipientPreferenceRepository } from './ports/recipient-preference.repository.js';
import { PersonContacts, type Representative } from './person-contacts.service.js';
import { ApplicationContactRepository } from './ports/application-contact.repository.js';
import { ContactCipher } from './ports/person-contact.repository.js';
import { Addresses } from './addresses.js';
import { APPLICATION_FILED_BY } from './event-handlers/application-submitted.handler.js';

/** What a notice is written from: the consumed event, or (a reminder) a fact derived from one with its own stable id. */
export interface NoticeSource {
  readonly id: string;
  readonly type: string;
}

/**
 * Turns a rule's notice draft into messages, inside the inbox's (or the timer's) transaction (ADR
 * 0091): one portal message in the company's language (ADR 0090), and by e-mail to each known
 * representative in their language — statutory notices since ADR 0121, reminders and the other notices
 * too since ADR 0133 — the company's address only when none is known. A message that is not statutory
 * (a reminder) goes by e-mail only while the company has not switched e-mail reminders off (ADR 0093),
 * and to a representative only while they have not switched theirs off (ADR 0114 §3); statutory notices always do.
 * Stored before anything is sent; the inbox row commits with them, so a redelivered event writes
 * nothing twice.
 */
@Injectable()
export class NoticeWriter {
  constructor(
    @Inject(MessageRepository) private readonly messages: MessageRepository,
    @Inject(RecipientPreferenceRepository) private readonly preferences: RecipientPreferenceRepository,
    @Inject(TemplateCatalogue) private readonly catalogue: TemplateCatalogue,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HUB_CONFIG) private readonly config: NotificationsConfig,
    @Inject(PersonContacts) private readonly persons: PersonContacts,
    @Inject(ApplicationContactRepository) private readonly applications: ApplicationContactRepository,
    @Inject(ContactCipher) private readonly cipher: ContactCipher,
    @Inject(Addresses) private readonly addresses: Addresses,
  ) {}

  /**
   * A notice to the Fund's staff (role `fund`, ADR 0105): one e-mail to the Fund's services mailbox
   * in the Fund's language — no portal message (the portal inbox is the companies'; staff read the
   * message log). Keyed by the company it is about, like every message.
   */
  async writeToFund(source: NoticeSource, draft: NoticeDraft): Promise<Message[]> {
    if (draft.role !== 'fund') throw new Error(`writeToFund takes a notice to the Fund, not to ${draft.role}`);
    const to = { role: draft.role, language: this.config.NOTIFICATIONS_FUND_LANGUAGE, address: this.config.NOTIFICATIONS_FUND_SERVICES_EMAIL };
    return [this.addEmail(source, draft, to, { subjectId: draft.subjectId, bin: draft.bin, dueOn: draft.dueOn })];
  }

  /**
   * ADR 0108: an officer role's daily digest — one e-mail to the role's digest mailbox in its language,
   * no portal message (staff have no portal inbox). The recipient is the role (`staff-role:<role>`), not
   * a company and not a person; the source is the digest's day, so the unique index keeps it to one per
   * role and day.
   */
  async writeToStaff(
    source: NoticeSource,
    draft: StaffDigestDraft,
    mailbox: { readonly email: string; readonly language: Language },
    subjectId: string,
  ): Promise<Message> {
    const to = { role: 'staff', language: mailbox.language, address: mailbox.email } as const;
    return this.addEmail(source, draft, to, { subjectId, bin: null, recipientSubject: staffRecipient(draft.role), dueOn: null });
  }

  /**
   * ADR 0138 §4: a Commission member's "awaiting your vote" digest — one e-mail to the member's own address
   * in their language (ADR 0114 §1), no portal message. The recipient is the member's portal subject, the
   * source the digest's day, so the unique index keeps it to one per member and day. No BIN (F-35, F-42).
   */
  async writeToCommissionMember(
    source: NoticeSource,
    draft: CommissionDigestDraft,
    recipient: { readonly email: string; readonly language: Language | null },
  ): Promise<Message> {
    const to = { role: 'commission', language: recipient.language, address: recipient.email } as const;
    return this.addEmail(source, draft, to, { subjectId: source.id, bin: null, recipientSubject: draft.member, dueOn: null });
  }

  /**
   * The frame of the e-mail-only notices (the Fund's, the staff digests', the members' digests): the draft
   * rendered for `to.role` in `to.language` (else kk → ru → en), the template's rule and statutory flag, one
   * e-mail row to `to.address` stored sealed (F-42) — no portal message.
   */
  private addEmail(
    source: NoticeSource,
    draft: { readonly template: string; readonly values: (language: Language, catalogue: TemplateCatalogue) => Readonly<Record<string, string>> },
    to: { readonly role: RecipientRole; readonly language: Language | null; readonly address: string },
    about: { readonly subjectId: string; readonly bin: string | null; readonly recipientSubject?: string; readonly dueOn: string | null },
  ): Message {
    const rendered = this.catalogue.render(draft.template, to.role, to.language, (language) => draft.values(language, this.catalogue));
    const { ruleId, statutory } = this.catalogue.meta(draft.template);
    const m = Message.compose({
      sourceEventId: source.id,
      sourceEventType: source.type,
      template: draft.template,
      ruleId,
      statutory,
      ...about,
      role: to.role,
      language: rendered.language,
      subject: rendered.subject,
      body: rendered.body,
      at: this.clock.now(),
      channel: 'email',
      address: to.address,
    });
    this.messages.add(this.addresses.seal(m));
    return m;
  }

  async write(source: NoticeSource, draft: NoticeDraft): Promise<Message[]> {
    if (draft.role === 'fund') return this.writeToFund(source, draft);
    const preference = await this.preferences.find(draft.bin);
    // ADR 0121: registration's application contact — its language (F-10) when the company chose none, and its filer.
    const application = await this.applications.find(draft.subjectId);
    const contact = application?.bin === draft.bin ? application : null;
    const rendered = this.catalogue.render(draft.template, draft.role, preference?.language ?? contact?.language ?? null, (language) =>
      draft.values(language, this.catalogue),
    );
    const { ruleId, statutory } = this.catalogue.meta(draft.template);
    const at = this.clock.now();
    const common = {
      sourceEventId: source.id,
      sourceEventType: source.type,
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
    // ADR 0121, ADR 0133: a notice to a company — statutory or a reminder — goes by e-mail to each known representative
    // of the company, each in their own language (else the company's); the company's mailbox only when none is known.
    // The lookup order (ADR 0114 §1, 0121): the representatives' claims → the application's filer (the context's contact) → the company mailbox.
    let representatives: Representative[] = await this.persons.representatives(draft.bin);
    if (representatives.length === 0 && contact?.filedByCipher && this.cipher.enabled) {
      const filer = this.cipher.openAs(APPLICATION_FILED_BY, contact.applicationId, contact.filedByCipher);
      const person = await this.persons.resolve(filer, statutory);
      if (person.email) representatives = [{ subject: filer, language: person.language, email: person.email, emailReminders: true }];
    }
    // ADR 0093, 0133: a reminder (not statutory) by e-mail only while the company keeps e-mail reminders on, and to a
    // representative only while they keep theirs on (their own settings, ADR 0114 §3); a statutory notice always.
    const byEmail = statutory || (preference?.emailReminders ?? true);
    for (const person of byEmail ? representatives : []) {
      if (!statutory && !person.emailReminders) continue;
      const theirs =
        person.language === null || person.language === rendered.language
          ? rendered
          : this.catalogue.render(draft.template, draft.role, person.language, (language) => draft.values(language, this.catalogue));
      written.push(
        Message.compose({
          ...common,
          recipientSubject: person.subject,
          language: theirs.language,
          subject: theirs.subject,
          body: theirs.body,
          channel: 'email',
          address: person.email,
        }),
      );
    }
    const mailbox = this.addresses.mailbox(preference);
    if (representatives.length === 0 && mailbox && byEmail) written.push(Message.compose({ ...common, channel: 'email', address: mailbox }));
    for (const m of written) this.messages.add(this.addresses.seal(m));
    return written;
  }

  /**
   * A notice to a person (ADR 0107, 0114): one portal message in the inbox of the portal subject and,
   * when the person's contact (learnt from the IdP's claims) has an e-mail and the notice is statutory or
   * the person kept reminders by e-mail on, one e-mail — in the person's language (their choice, else
   * their sign-in's `locale`, else kk → ru → en). No IIN anywhere in the row (F-42); the address opened
   * from its ciphertext only for the e-mail row the worker sends.
   */
  async writeToPerson(source: NoticeSource, draft: PersonNoticeDraft): Promise<Message[]> {
    const { ruleId, statutory } = this.catalogue.meta(draft.template);
    const person = await this.persons.resolve(draft.person, statutory);
    const rendered = this.catalogue.render(draft.template, draft.role, person.language, (language) => draft.values(language, this.catalogue));
    const common = {
      sourceEventId: source.id,
      sourceEventType: source.type,
      template: draft.template,
      ruleId,
      statutory,
      subjectId: draft.subjectId,
      bin: null,
      recipientSubject: draft.person,
      role: draft.role,
      language: rendered.language,
      subject: rendered.subject,
      body: rendered.body,
      dueOn: draft.dueOn,
      at: this.clock.now(),
    };
    const written = [Message.compose({ ...common, channel: 'portal', address: null })];
    if (person.email) written.push(Message.compose({ ...common, channel: 'email', address: person.email }));
    for (const m of written) this.messages.add(this.addresses.seal(m));
    return written;
  }
}

/** The recipient of an officer role's digest: the role's mailbox, never a person (ADR 0108). */
export const staffRecipient = (role: string): string => `staff-role:${role}`;
