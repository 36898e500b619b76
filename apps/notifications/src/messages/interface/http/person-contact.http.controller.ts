import { Controller, HttpCode, Inject, Put } from '@nestjs/common';
import type { Actor } from '@hub/contracts';
import { CurrentActor, Endpoint } from '@hub/nest-commons';
import { PersonContacts } from '../../application/person-contacts.service.js';

/** ADR 0145: the persons notifications tells something — applicants (their notices) and the Commission members (their digest, ADR 0138). */
const PERSONS: ['applicant', 'commission-member', 'cluster-commission-member'] = ['applicant', 'commission-member', 'cluster-commission-member'];

/**
 * ADR 0145: the portal's shell says hello once per session, right after sign-in — the caller's contact
 * (e-mail, language, companies, roles) is learnt from the verified token's claims (ADR 0114 §2; never a
 * body, F-42), so a Commission member who never opens their settings still gets their digest (ADR 0138 §4).
 * Idempotent: the same token again changes nothing; no body, 204.
 */
@Controller('me/contact')
export class PersonContactHttpController {
  constructor(@Inject(PersonContacts) private readonly persons: PersonContacts) {}

  @Put()
  @HttpCode(204)
  @Endpoint({
    summary: "Record the caller's contact from their verified token (ADR 0145: once per session, after sign-in; the e-mail is the IdP's claim, F-42)",
    tags: ['preferences'],
    access: PERSONS,
    status: 204,
  })
  async hello(@CurrentActor() actor: Actor): Promise<void> {
    await this.persons.hello(actor);
  }
}
