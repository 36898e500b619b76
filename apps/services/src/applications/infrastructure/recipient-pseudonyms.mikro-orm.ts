import { Inject, Injectable } from '@nestjs/common';
import { uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { PiiCipher } from '@hub/pii';
import { RecipientPseudonyms } from '../application/ports/recipient-pseudonyms.js';

/**
 * F-42 (ADR 0069): `services_recipient_person` holds one row per individual recipient — the pseudonym (the
 * row's id), the IIN's blind index (unique) and its ciphertext bound to the row's id. A first use inserts;
 * two concurrent firsts meet on the unique index and both read the one row that won.
 */
@Injectable()
export class PgRecipientPseudonyms extends RecipientPseudonyms {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
  ) {
    super();
  }

  async pseudonymOf(iin: string): Promise<string> {
    const id = uuidv7();
    const em = this.uow.em();
    await em.execute(
      `insert into "services_recipient_person" ("id", "iin_index", "iin_cipher", "created_at") values (?, ?, ?, now()) on conflict ("iin_index") do nothing`,
      [id, this.cipher.blindIndex(iin), this.cipher.encrypt(iin, id)],
    );
    const found = await this.find(iin);
    if (!found) throw new Error('services: the recipient pseudonym was neither inserted nor found');
    return found;
  }

  async find(iin: string): Promise<string | null> {
    const rows = await this.uow
      .em()
      .execute<{ id: string }[]>(`select "id" from "services_recipient_person" where "iin_index" = ?`, [this.cipher.blindIndex(iin)]);
    return rows[0]?.id ?? null;
  }
}
