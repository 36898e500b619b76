import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { sql, sqlRun } from '@hub/messaging';
import { HUB_LOGGER, UnitOfWork } from '@hub/nest-commons';
import type { Message } from '../domain/message.aggregate.js';
import type { RecipientPreference } from '../domain/recipient-preference.aggregate.js';
import { ContactCipher } from './ports/person-contact.repository.js';
import { MESSAGE_ADDRESS, PREFERENCE_EMAIL } from '../domain/sealed-columns.js';

interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** The @hub/pii bindings (AAD column prefixes) of the sealed addresses (ADR 0121), listed with the others (ADR 0133). */
export { MESSAGE_ADDRESS, PREFERENCE_EMAIL } from '../domain/sealed-columns.js';

/**
 * F-42, ADR 0121: the addresses notifications keeps — an e-mail row's recipient and a company's mailbox —
 * sealed with @hub/pii, each bound to its row (the message id, the BIN), whenever a key ring is configured;
 * in clear only without one (ADR 0114 §3 keeps the key ring optional for the fleets that start
 * notifications without it). The worker opens an address only to hand it to SMTP.
 */
@Injectable()
export class Addresses implements OnApplicationBootstrap {
  constructor(
    @Inject(ContactCipher) private readonly cipher: ContactCipher,
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
  ) {}

  /** With a key ring, the addresses stored in clear are sealed at start; a failure is logged, never fatal (the next start seals them). */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const sealed = await this.sealStored();
      if (sealed > 0) this.logger.info({ sealed }, 'stored addresses sealed with @hub/pii (ADR 0121)');
    } catch (err) {
      this.logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'stored addresses not sealed yet (ADR 0121)');
    }
  }

  /** Seals the message's address (a new e-mail row, or one resent to a new address). */
  seal(m: Message): Message {
    if (this.cipher.enabled && m.address !== null) m.sealAddress(this.cipher.sealAs(MESSAGE_ADDRESS, m.id, m.address));
    return m;
  }

  /** The address an e-mail row goes to, opened for SMTP. */
  open(m: Message): string | null {
    if (m.addressCipher !== null) return this.cipher.openAs(MESSAGE_ADDRESS, m.id, m.addressCipher);
    return m.address;
  }

  /** The cipher text of a company's mailbox, or null when there is no key ring (kept in clear then). */
  sealMailbox(bin: string, email: string | null): string | null {
    return this.cipher.enabled && email !== null ? this.cipher.sealAs(PREFERENCE_EMAIL, bin, email) : null;
  }

  /** A company's mailbox, opened. */
  mailbox(p: RecipientPreference | null): string | null {
    if (!p) return null;
    if (p.emailCipher !== null) return this.cipher.openAs(PREFERENCE_EMAIL, p.bin, p.emailCipher);
    return p.email;
  }

  /**
   * At start with a key ring: the addresses stored in clear before (or while notifications had none) are
   * sealed and the clear column emptied, in batches that replicas share (SKIP LOCKED). Returns how many.
   */
  async sealStored(batch = 200): Promise<number> {
    if (!this.cipher.enabled) return 0;
    let sealed = 0;
    for (;;) {
      const n = await this.uow.run(async () => {
        const em = this.uow.em();
        const messages = await sql<{ id: string; address: string }>(
          em,
          `select id, address from notifications_message where address is not null and address_cipher is null limit ? for update skip locked`,
          [batch],
        );
        for (const r of messages)
          await sqlRun(em, `update notifications_message set address_cipher = ?, address = null where id = ?`, [
            this.cipher.sealAs(MESSAGE_ADDRESS, r.id, r.address),
            r.id,
          ]);
        const mailboxes = await sql<{ bin: string; email: string }>(
          em,
          `select bin, email from notifications_recipient_preference where email is not null and email_cipher is null limit ? for update skip locked`,
          [batch],
        );
        for (const r of mailboxes)
          await sqlRun(em, `update notifications_recipient_preference set email_cipher = ?, email = null where bin = ?`, [
            this.cipher.sealAs(PREFERENCE_EMAIL, r.bin, r.email),
            r.bin,
          ]);
        return messages.length + mailboxes.length;
      });
      sealed += n;
      if (n === 0) return sealed;
    }
  }
}
