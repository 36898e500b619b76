import { almatyDate } from '@hub/calendar';
import type { PayloadOf, ServiceDeliveryActAnsweredV1, ServiceDeliveryActIssuedV1, ServiceInvoiceIssuedV1, ServiceInvoiceOverdueV1 } from '@hub/contracts';
import { formatDate, formatTenge } from '../language.js';
import type { NoticeDraft } from '../notice-draft.js';

/**
 * F-55 (ADR 0066, ADR 0105): the money and the acts of a service contract. The rules prescribe no
 * notice here — the contract's payment order does — so none of these is statutory: a company may
 * switch the e-mail copies off, the portal message stays.
 * - to the recipient company: an invoice issued (amount, due day), an invoice overdue, an act issued
 *   to accept or dispute;
 * - to the Fund (its services mailbox): an act disputed — the reasons stay in services (F-42).
 * An individual recipient (IIN) has no company inbox (ADR 0094): `null`, and the IIN goes nowhere.
 * The number, the amount and the dates only; everything else behind the portal link (F-35, F-42).
 */

const applicationLink = (portalUrl: string, applicationId: string) => `${portalUrl}/services/applications/${applicationId}`;

export function invoiceIssuedNotice(e: PayloadOf<typeof ServiceInvoiceIssuedV1>, portalUrl: string): NoticeDraft | null {
  if (e.recipientKind !== 'legal-entity') return null;
  return {
    template: 'services.invoice-issued',
    role: 'applicant',
    bin: e.recipientId,
    subjectId: e.invoiceId,
    dueOn: null,
    values: (language) => ({
      bin: e.recipientId,
      number: e.number,
      amount: formatTenge(e.amountTiyn, language),
      issuedOn: formatDate(e.issuedOn, language),
      dueDate: formatDate(e.dueOn, language),
      link: applicationLink(portalUrl, e.applicationId),
    }),
  };
}

export function invoiceOverdueNotice(e: PayloadOf<typeof ServiceInvoiceOverdueV1>, portalUrl: string): NoticeDraft | null {
  if (e.recipientKind !== 'legal-entity') return null;
  return {
    template: 'services.invoice-overdue',
    role: 'applicant',
    bin: e.recipientId,
    subjectId: e.invoiceId,
    dueOn: null,
    values: (language) => ({
      bin: e.recipientId,
      number: e.number,
      dueDate: formatDate(e.dueOn, language),
      link: applicationLink(portalUrl, e.applicationId),
    }),
  };
}

export function deliveryActIssuedNotice(e: PayloadOf<typeof ServiceDeliveryActIssuedV1>, portalUrl: string): NoticeDraft | null {
  if (e.recipientKind !== 'legal-entity') return null;
  return {
    template: 'services.delivery-act-issued',
    role: 'applicant',
    bin: e.recipientId,
    subjectId: e.actId,
    dueOn: null,
    values: (language) => ({
      bin: e.recipientId,
      number: e.number,
      deliveredTo: formatDate(e.deliveredTo, language),
      link: applicationLink(portalUrl, e.applicationId),
    }),
  };
}

/** An act disputed → the Fund is told; an accepted act needs no one told. */
export function deliveryActDisputedFundNotice(e: PayloadOf<typeof ServiceDeliveryActAnsweredV1>, portalUrl: string): NoticeDraft | null {
  if (e.answer !== 'disputed' || e.recipientKind !== 'legal-entity') return null;
  return {
    template: 'services.delivery-act-disputed',
    role: 'fund',
    bin: e.recipientId,
    subjectId: e.actId,
    dueOn: null,
    values: (language) => ({
      bin: e.recipientId,
      number: e.number,
      answeredOn: formatDate(almatyDate(new Date(e.answeredAt)), language),
      link: applicationLink(portalUrl, e.applicationId),
    }),
  };
}
