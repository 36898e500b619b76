import { SERVICE_APPLICATION_FIELDS, type ServiceApplicationField } from '@hub/contracts';
import { RuleViolationError } from '@hub/kernel';
import type { RequiredSections } from '../../../catalogue/domain/service.aggregate.js';
import type { ApplicationContent } from '../service-application.types.js';

export const FIELDS_RULE = 'F-48';

/**
 * Every F-48 field path an application has (what remarks may name, F-52). One list for the whole platform:
 * the published language's `SERVICE_APPLICATION_FIELDS` (@hub/contracts), which the remarks event names and
 * notifications labels. The domain may import @hub/contracts (a package, not a framework — the
 * .dependency-cruiser rules forbid only infrastructure, frameworks and other apps; participation's domain
 * uses its enumerations the same way), and `F48PathsOfContent` below makes the compiler hold that list
 * equal to the leaf paths of `ApplicationContent`: a field added to one and not the other fails the build.
 */
export const F48_FIELDS: readonly ServiceApplicationField[] = SERVICE_APPLICATION_FIELDS;
export type F48Field = ServiceApplicationField;

/** The leaf paths of a content shape (`project.name`, …, `pitchUrl`). */
type LeafPaths<T, P extends string = ''> = {
  [K in keyof T & string]: NonNullable<T[K]> extends object ? LeafPaths<NonNullable<T[K]>, `${P}${K}.`> : `${P}${K}`;
}[keyof T & string];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** `true` only while the published F-48 paths and the application's content paths are the same set. */
export const F48_PATHS_MATCH_CONTENT: Same<LeafPaths<ApplicationContent>, ServiceApplicationField> = true;
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
