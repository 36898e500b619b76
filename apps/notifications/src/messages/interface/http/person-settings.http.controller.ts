import { Controller, Get, Inject, Put } from '@nestjs/common';
import type { z } from 'zod';
import type { Actor } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody } from '@hub/nest-commons';
import { PersonContacts } from '../../application/person-contacts.service.js';
import { PersonSettingsBody, PersonSettingsSchema } from './messages.dto.js';

const tags = ['preferences'];
/** ADR 0114 §3, ADR 0138 §3: applicants, and the Commission members (their "awaiting your vote" digest switch). */
const PERSONS: ['applicant', 'commission-member', 'cluster-commission-member'] = ['applicant', 'commission-member', 'cluster-commission-member'];

/**
 * ADR 0114 §3: the signed-in person's own notice settings — a language, and per kind whether it also
 * comes by e-mail (reminders: on/off; statutory notices: always on, 422 naming `kinds.statutory.email`).
 * The person is the token's subject; the e-mail is the IdP's claim, never taken from the body (F-42). A Commission
 * member also switches their "awaiting your vote" digest (`commissionDigest`, ADR 0138 §3).
 */
@Controller('me/notification-settings')
export class PersonSettingsHttpController {
  constructor(@Inject(PersonContacts) private readonly persons: PersonContacts) {}

  @Get()
  @Endpoint({ summary: "The caller's own notice language and e-mail per kind (ADR 0114)", tags, access: PERSONS, response: PersonSettingsSchema })
  get(@CurrentActor() actor: Actor) {
    return this.persons.settings(actor);
  }

  @Put()
  @Endpoint({
    summary: "Set the caller's notice language and whether reminders come by e-mail (statutory notices always do: 422)",
    tags,
    access: PERSONS,
    body: PersonSettingsBody,
    response: PersonSettingsSchema,
  })
  set(@ValidBody() body: z.infer<typeof PersonSettingsBody>, @CurrentActor() actor: Actor) {
    return this.persons.choose(actor, body);
  }
}
