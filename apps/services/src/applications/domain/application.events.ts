import type { IsoDate } from '@hub/calendar';
import type { DomainEvent } from '@hub/kernel';
import type { RecipientKind, RefusalGround } from './service-application.types.js';

interface OfRecipient extends DomainEvent {
  readonly recipientKind: RecipientKind;
  readonly recipientId: string;
}
export interface ApplicationFiled extends OfRecipient {
  readonly name: 'ApplicationFiled';
  readonly callId: string;
  readonly serviceId: string;
  readonly participant: boolean;
  readonly language: 'kk' | 'ru' | 'en';
  readonly translationRequired: boolean;
  readonly reviewDueOn: IsoDate;
}
export interface RemarksIssued extends OfRecipient {
  readonly name: 'RemarksIssued';
  readonly fields: readonly string[];
  /** The portal subject who filed (ADR 0107: published for an individual, whom notifications tells). */
  readonly filedBy?: string;
}
export interface ApplicationResubmitted extends OfRecipient {
  readonly name: 'ApplicationResubmitted';
  readonly reviewDueOn: IsoDate;
}
export interface DecisionMade extends OfRecipient {
  readonly name: 'DecisionMade';
  readonly callId: string;
  readonly serviceId: string;
  readonly outcome: 'conclude-contract' | 'refuse';
  readonly ground: RefusalGround | null;
}
export interface ContractSigned extends OfRecipient {
  readonly name: 'ContractSigned';
  readonly contractId: string;
  readonly serviceId: string;
  readonly priceTiyn: number;
  readonly priceBasis: 'participant' | 'non-participant';
  readonly priceListEntryId: string;
  readonly signedOn: IsoDate;
}
export interface ReviewBecameOverdue extends OfRecipient {
  readonly name: 'ReviewBecameOverdue';
  readonly reviewDueOn: IsoDate;
}
export type ApplicationEvent = ApplicationFiled | RemarksIssued | ApplicationResubmitted | DecisionMade | ContractSigned | ReviewBecameOverdue;

const NAMES: ReadonlySet<string> = new Set<ApplicationEvent['name']>([
  'ApplicationFiled',
  'RemarksIssued',
  'ApplicationResubmitted',
  'DecisionMade',
  'ContractSigned',
  'ReviewBecameOverdue',
]);
export const isApplicationEvent = (e: DomainEvent): e is ApplicationEvent => NAMES.has(e.name);
