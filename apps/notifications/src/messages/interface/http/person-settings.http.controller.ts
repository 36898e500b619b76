import { Controller, Get, Inject, Put } from '@nestjs/common';
import type { z } from 'zod';
import type { Actor } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody } from '@hub/nest-commons';
import { PersonContacts } from '../../application/person-contacts.service.js';
import { PersonSettingsBody, PersonSettingsSchema } from './messages.dto.js';

const tags = ['preferences'];

/**
 * ADR 0114 §3: the signed-in person's own notice settings — a language, and per kind whether it also
 * comes by e-mail (reminders: on/off; statutory notices: always on, 422 naming `kinds.statutory.email`).
 * The person is the token's subject; the e-mail is the IdP's claim, never taken from the body (F-42).
 */
@Controller('me/notification-settings')
export class PersonSettingsHttpController {
  constructor(@Inject(PersonContacts) private readonly persons: PersonContacts) {}

  @Get()
  @Endpoint({ summary: "The caller's own notice language and e-mail per kind (ADR 0114)", tags, access: ['applicant'], response: PersonSettingsSchema })
  get(@CurrentActor() actor: Actor) {
    return this.persons.settings(actor);
  }

  @Put()
  @Endpoint({
    summary: "Set the caller's notice language and whether reminders come by e-mail (statutory notices always do: 422)",
    tags,
    access: ['applicant'],
    body: PersonSettingsBody,
    response: PersonSettingsSchema,
  })
  set(@ValidBody() body: z.infer<typeof PersonSettingsBody>, @CurrentActor() actor: Actor) {
    return this.persons.choose(actor, body);
  }
}
