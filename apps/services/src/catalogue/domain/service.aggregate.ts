import { AggregateRoot, ValidationError } from '@hub/kernel';
import type { CatalogueEvent } from './catalogue.events.js';

/** F-44 (acceleration, technology business incubation), F-45 (consultations), F-46 (educational events), F-6 (investor search). */
export type ProgrammeDirection = 'acceleration' | 'business-incubation' | 'consultation' | 'educational-event' | 'investor-search';
/** F-43: a service may be for Astana Hub participants only, or for anyone (participants and non-participant individuals and legal entities). */
export type Eligibility = 'participants-only' | 'anyone';
/** F-56 ¶2: delivered by the Fund, or by a third party engaged on commercial price offers. */
export type Delivery = 'fund' | 'third-party';
/** F-48(3) … (5) are "where the service needs it" (тиісті қызмет бойынша): which of them this service requires. */
export interface RequiredSections {
  /** F-48(3): readiness stage, technologies, problem, business model, project lifetime. */
  readonly readiness: boolean;
  /** F-48(4): team size and the team's involvement in the project. */
  readonly team: boolean;
  /** F-48(5): a link to the project's pitch. */
  readonly pitch: boolean;
}

/** A service of the Fund's programmes in the catalogue (F-43 … F-46). */
export class CatalogueService extends AggregateRoot<CatalogueEvent> {
  readonly id!: string;
  readonly code!: string;
  readonly title!: string;
  readonly direction!: ProgrammeDirection;
  readonly eligibility!: Eligibility;
  readonly requiredSections!: RequiredSections;
  readonly delivery!: Delivery;
  readonly version!: number;
  readonly createdAt!: Date;

  static define(input: {
    id: string;
    code: string;
    title: string;
    direction: ProgrammeDirection;
    eligibility: Eligibility;
    requiredSections: RequiredSections;
    delivery: Delivery;
    at: Date;
  }): CatalogueService {
    const title = input.title.trim();
    if (title.length < 3) throw ValidationError.field('title', 'name the service');
    const s = new CatalogueService();
    Object.assign(s, { ...input, title, createdAt: input.at });
    s.record({ name: 'ServiceDefined', aggregateId: input.id, occurredAt: input.at, code: input.code });
    return s;
  }
}
