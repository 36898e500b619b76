import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { Clock, ForbiddenError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import type { Language } from '../domain/language.js';
import { RecipientPreference } from '../domain/recipient-preference.aggregate.js';
import { RecipientPreferenceRepository } from './ports/recipient-preference.repository.js';
import { Addresses } from './addresses.js';

export interface PreferencesView {
  bin: string;
  language: Language | null;
  email: string | null;
  emailReminders: boolean;
}

/** A company's notice preferences (ADR 0090), set and read by its representatives only (F-35, F-42: the address is personal data). */
@Injectable()
export class PreferencesService {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(RecipientPreferenceRepository) private readonly preferences: RecipientPreferenceRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Addresses) private readonly addresses: Addresses,
  ) {}

  get(bin: string, actor: Actor): Promise<PreferencesView> {
    this.mustRepresent(bin, actor);
    return this.uow.run(async () => {
      const p = await this.preferences.find(bin);
      return { bin, language: p?.language ?? null, email: this.addresses.mailbox(p), emailReminders: p?.emailReminders ?? true };
    });
  }

  set(bin: string, input: Omit<PreferencesView, 'bin'>, actor: Actor): Promise<PreferencesView> {
    this.mustRepresent(bin, actor);
    return this.uow.run(async () => {
      let p = await this.preferences.find(bin);
      if (!p) {
        p = RecipientPreference.create(bin, this.clock.now());
        this.preferences.add(p);
      }
      // F-42, ADR 0121: the mailbox sealed with @hub/pii (bound to the BIN) when there is a key ring
      p.change({ ...input, emailCipher: this.addresses.sealMailbox(bin, input.email) }, this.clock.now());
      return { bin, language: p.language, email: input.email, emailReminders: p.emailReminders };
    });
  }

  private mustRepresent(bin: string, actor: Actor): void {
    if (!actor.companies.includes(bin)) throw new ForbiddenError('only a representative of the company sets its notice preferences (F-35)', { bin });
  }
}
