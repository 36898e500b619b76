import { RuleViolationError } from '@hub/kernel';
import type { RequiredSections } from '../../../catalogue/domain/service.aggregate.js';
import type { ApplicationContent } from '../service-application.types.js';

export const FIELDS_RULE = 'F-48';

/** Every F-48 field path an application has (what remarks may name, F-52). */
export const F48_FIELDS = [
  'project.name',
  'project.direction',
  'project.summary',
  'project.expectedResults',
  'contacts.phone',
  'contacts.email',
  'contacts.city',
  'contacts.country',
  'readiness.stage',
  'readiness.technologies',
  'readiness.problem',
  'readiness.businessModel',
  'readiness.lifetime',
  'team.size',
  'team.involvement',
  'pitchUrl',
] as const;
export type F48Field = (typeof F48_FIELDS)[number];
export const isF48Field = (f: string): f is F48Field => (F48_FIELDS as readonly string[]).includes(f);

/**
 * F-48: (1) project and (2) contacts always; (3) readiness, (4) team and (5) the pitch link where the
 * service needs them («тиісті қызмет бойынша») — the catalogue says which. A required section that
 * is missing refuses the filing with 422 naming F-48 and the missing sections; nothing is stored.
 */
export function missingRequiredSections(content: ApplicationContent, required: RequiredSections): string[] {
  const missing: string[] = [];
  if (required.readiness && !content.readiness) missing.push('readiness (F-48(3))');
  if (required.team && !content.team) missing.push('team (F-48(4))');
  if (required.pitch && !content.pitchUrl) missing.push('pitchUrl (F-48(5))');
  return missing;
}

export function assertRequiredSections(content: ApplicationContent, required: RequiredSections): void {
  const missing = missingRequiredSections(content, required);
  if (missing.length > 0) throw new RuleViolationError(FIELDS_RULE, `this service requires ${missing.join(', ')}`, { missing });
}
