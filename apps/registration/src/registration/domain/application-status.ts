import { StateMachine } from '@hub/kernel';

/**
 * The life of an application (F-8 … F-20):
 * draft → submitted → (remarks-issued ⇄ resubmitted) → with-commission → registered | refused
 *   → contract-signed → certificate-issued → listed.
 * An activity-change application (F-20) ends at `registered` (approved) or `refused`.
 */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'remarks-issued',
  'resubmitted',
  'with-commission',
  'registered',
  'refused',
  'contract-signed',
  'certificate-issued',
  'listed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_KINDS = ['registration', 'activity-change'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export type ApplicationCommand =
  | 'edit-draft'
  | 'submit'
  | 'issue-remarks'
  | 'resubmit'
  | 'send-to-commission'
  | 'cast-vote'
  | 'register'
  | 'refuse'
  | 'record-notification'
  | 'sign-contract'
  | 'issue-certificate'
  | 'list-in-registry';

/** The transition table: an illegal command fails with IllegalStateError naming the current state (→ 409). */
export const applicationStateMachine = new StateMachine<ApplicationStatus, ApplicationCommand>('application', {
  'edit-draft': { from: ['draft', 'remarks-issued'], to: 'draft' }, // `to` unused: editing keeps the state
  submit: { from: ['draft'], to: 'submitted' },
  'issue-remarks': { from: ['submitted', 'resubmitted'], to: 'remarks-issued' },
  resubmit: { from: ['remarks-issued'], to: 'resubmitted' },
  'send-to-commission': { from: ['submitted', 'resubmitted'], to: 'with-commission' },
  'cast-vote': { from: ['with-commission'], to: 'with-commission' },
  register: { from: ['with-commission'], to: 'registered' },
  refuse: { from: ['with-commission'], to: 'refused' },
  'record-notification': { from: ['registered', 'refused', 'contract-signed', 'certificate-issued', 'listed'], to: 'registered' }, // keeps the state
  'sign-contract': { from: ['registered'], to: 'contract-signed' },
  'issue-certificate': { from: ['contract-signed'], to: 'certificate-issued' },
  'list-in-registry': { from: ['certificate-issued'], to: 'listed' },
});

/** States in which an application is still being processed (a company has at most one such per kind). */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ['draft', 'submitted', 'remarks-issued', 'resubmitted', 'with-commission'];
