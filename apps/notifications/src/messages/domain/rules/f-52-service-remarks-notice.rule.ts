import { almatyDate } from '@hub/calendar';
import type { PayloadOf, ServiceApplicationRemarksIssuedV1 } from '@hub/contracts';
import { formatDate } from '../language.js';
import { type NoticeDraft, bulletList } from '../notice-draft.js';

/**
 * F-52: an application that does not match F-48 gets a notice with remarks. Statutory. Services
 * publishes the F-48 field paths only — the remark texts, like the application's contacts, stay in
 * services (F-42) — so the notice names each field (labels `f48.*`) and the portal link leads to the
 * texts and the form to answer them. A legal entity is told through its company (BIN): the portal
 * inbox and the company's e-mail preference. An individual has no company inbox (ADR 0094): `null`.
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
      fields: bulletList(e.fields.map((f) => catalogue.label(`f48.${f}`, language))),
      link: `${portalUrl}/services/applications/${e.applicationId}`,
    }),
  };
}
