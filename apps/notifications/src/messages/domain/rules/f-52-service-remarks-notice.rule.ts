import { almatyDate } from '@hub/calendar';
import type { PayloadOf, ServiceApplicationRemarksIssuedV1 } from '@hub/contracts';
import { formatDate } from '../language.js';
import { type NoticeDraft, type PersonNoticeDraft, bulletList } from '../notice-draft.js';
import { F48_UNLISTED } from '../required-labels.js';
import type { TemplateCatalogue } from '../template-catalogue.js';
import type { Language } from '../language.js';

/**
 * F-52: an application that does not match F-48 gets a notice with remarks. Statutory. Services
 * publishes the F-48 field paths only — the remark texts, like the application's contacts, stay in
 * services (F-42) — so the notice names each field (labels `f48.*`) and the portal link leads to the
 * texts and the form to answer them. A legal entity is told through its company (BIN): the portal
 * inbox and the company's e-mail preference. An individual has no company inbox (ADR 0094): `null`.
 * Every path of SERVICE_APPLICATION_FIELDS has its label (checked with the catalogue); a path the
 * contract does not list still names the field by its path — a statutory notice is never held back
 * for want of a word (the dev stack's dead letter "no label f48.revenue in kk").
 */
export function serviceRemarksNotice(e: PayloadOf<typeof ServiceApplicationRemarksIssuedV1>, portalUrl: string): NoticeDraft | null {
  if (e.recipientKind !== 'legal-entity') return null;
  return {
    template: 'services.application-remarks-issued',
    role: 'applicant',
    bin: e.recipientId,
    subjectId: e.applicationId,
    dueOn: null,
    values: (language, catalogue) => ({
      bin: e.recipientId,
      issuedOn: formatDate(almatyDate(new Date(e.issuedAt)), language),
      fields: bulletList(e.fields.map((f) => fieldLabel(f, language, catalogue))),
      link: `${portalUrl}/services/applications/${e.applicationId}`,
    }),
  };
}

/**
 * F-52 to an individual (ADR 0094, 0107): the same statutory notice, to the person who filed — by the
 * portal subject services names (`filedBy`), in their portal inbox. Never the IIN (F-42): the
 * recipient id is not in the text, the row or the log. `null` for a legal entity, or for an event
 * published before services named the person (nothing to address it to).
 */
export function serviceRemarksNoticeToPerson(e: PayloadOf<typeof ServiceApplicationRemarksIssuedV1>, portalUrl: string): PersonNoticeDraft | null {
  if (e.recipientKind !== 'individual' || !e.filedBy) return null;
  return {
    template: 'services.application-remarks-issued.individual',
    role: 'applicant',
    person: e.filedBy,
    subjectId: e.applicationId,
    dueOn: null,
    values: (language, catalogue) => ({
      issuedOn: formatDate(almatyDate(new Date(e.issuedAt)), language),
      fields: bulletList(e.fields.map((f) => fieldLabel(f, language, catalogue))),
      link: `${portalUrl}/services/applications/${e.applicationId}`,
    }),
  };
}

/** F-48: the words for a field path in a language — its label, or "another field of the application: <path>". */
export function fieldLabel(path: string, language: Language, catalogue: TemplateCatalogue): string {
  const key = `f48.${path}`;
  return catalogue.hasLabel(key) ? catalogue.label(key, language) : `${catalogue.label(F48_UNLISTED, language)}: ${path}`;
}
