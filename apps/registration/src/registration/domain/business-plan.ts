import type { FieldIssue } from '@hub/kernel';
import type { ActivityTypeCatalogue, SelectedActivityType } from './activity-type-catalogue.js';

/**
 * The business plan of Annex 1 (F-9(1)). Items (1), (5), (6), (7) and (9) are per project, and
 * there is one project block per priority activity type the applicant chose ("with several
 * priority activity types, the plan lists every project under each type"); items (2), (3), (4),
 * (8), (10) and (11) are about the company as a whole (ADR 0012).
 */
export interface BusinessPlanProject {
  /** The priority activity type this project belongs to (F-7(7)). */
  readonly activityTypeCode: string;
  /** Annex 1 (1): project name, description, goals and tasks. */
  readonly name: string;
  readonly description: string;
  readonly goals: string;
  readonly tasks: string;
  /** Annex 1 (5): readiness stage. */
  readonly readinessStage: string;
  /** Annex 1 (6): key performance indicators. */
  readonly kpis: readonly { readonly name: string; readonly target: string }[];
  /** Annex 1 (7): technical description (architecture, structure, solutions). */
  readonly technicalDescription: string;
  /** Annex 1 (9): goods/works/services/property rights offered, sales method, yearly sales and revenue (in tiyn, ADR 0036). */
  readonly offering: {
    readonly products: string;
    readonly salesMethod: string;
    readonly yearlySales: readonly { readonly year: number; readonly volume: string; readonly revenueTiyn: number }[];
  };
}

export interface BusinessPlan {
  readonly projects: readonly BusinessPlanProject[];
  /** Annex 1 (2): place of implementation. */
  readonly placeOfImplementation: string;
  /** Annex 1 (3): basis of ownership of the informatisation object; patents, licences, copyrights, trademarks, other IP. */
  readonly ownership: { readonly basis: string; readonly intellectualProperty: string };
  /** Annex 1 (4): team: qualifications/experience, headcount, plans to engage residents and non-residents. */
  readonly team: { readonly qualifications: string; readonly headcount: number; readonly residentsPlan: string; readonly nonResidentsPlan: string };
  /** Annex 1 (8): cost estimate for the participation period; the total in tiyn (1 KZT = 100 tiyn, ADR 0036). */
  readonly costEstimate: { readonly totalTiyn: number; readonly breakdown: string };
  /** Annex 1 (10): clients and potential clients. */
  readonly clients: string;
  /** Annex 1 (11): action plan for the participation period. */
  readonly actionPlan: readonly { readonly period: string; readonly action: string }[];
}

/** A draft may hold any part of the plan; completeness is checked when it is filed. */
export type BusinessPlanDraft = Partial<Omit<BusinessPlan, 'projects'>> & { readonly projects?: readonly Partial<BusinessPlanProject>[] };

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Annex 1 completeness (F-9(1), F-16 first ground): every one of the 11 items is filled, and there
 * is exactly one project block per chosen activity type. Returns every missing field by its path.
 */
export function businessPlanIssues(
  plan: BusinessPlanDraft | null,
  activityTypes: readonly SelectedActivityType[],
  catalogue: ActivityTypeCatalogue,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const need = (path: string, value: unknown, item: string): void => {
    if (blank(value)) issues.push({ path: `businessPlan.${path}`, message: `Annex 1 ${item} is required`, code: 'annex-1.missing' });
  };
  if (!plan) return [{ path: 'businessPlan', message: 'the business plan of Annex 1 is required (F-9(1))', code: 'annex-1.missing' }];
  need('placeOfImplementation', plan.placeOfImplementation, 'item (2), place of implementation,');
  need('ownership.basis', plan.ownership?.basis, 'item (3), basis of ownership of the informatisation object,');
  need('ownership.intellectualProperty', plan.ownership?.intellectualProperty, 'item (3), intellectual property (write "none" if there is none),');
  need('team.qualifications', plan.team?.qualifications, 'item (4), team qualifications and experience,');
  if (!plan.team || !(plan.team.headcount >= 1))
    issues.push({ path: 'businessPlan.team.headcount', message: 'Annex 1 item (4): the headcount must be at least 1', code: 'annex-1.missing' });
  need('team.residentsPlan', plan.team?.residentsPlan, 'item (4), plan to engage residents,');
  need('team.nonResidentsPlan', plan.team?.nonResidentsPlan, 'item (4), plan to engage non-residents,');
  if (!plan.costEstimate || !(plan.costEstimate.totalTiyn > 0))
    issues.push({ path: 'businessPlan.costEstimate.totalTiyn', message: 'Annex 1 item (8): the cost estimate must be above zero', code: 'annex-1.missing' });
  need('costEstimate.breakdown', plan.costEstimate?.breakdown, 'item (8), cost breakdown,');
  need('clients', plan.clients, 'item (10), clients and potential clients,');
  if (!plan.actionPlan?.length)
    issues.push({ path: 'businessPlan.actionPlan', message: 'Annex 1 item (11): the action plan needs at least one step', code: 'annex-1.missing' });

  const projects = plan.projects ?? [];
  if (!projects.length)
    issues.push({ path: 'businessPlan.projects', message: 'Annex 1: at least one project per chosen activity type is required', code: 'annex-1.missing' });
  projects.forEach((p, i) => {
    const at = `projects.${i}`;
    if (blank(p.activityTypeCode)) need(`${at}.activityTypeCode`, p.activityTypeCode, 'the activity type of the project');
    else if (!activityTypes.some((t) => t.code === p.activityTypeCode)) {
      issues.push({
        path: `businessPlan.${at}.activityTypeCode`,
        message: `activity type ${p.activityTypeCode} is not among the chosen activity types`,
        code: 'annex-1.unknown-activity-type',
      });
    }
    need(`${at}.name`, p.name, 'item (1), project name,');
    need(`${at}.description`, p.description, 'item (1), project description,');
    need(`${at}.goals`, p.goals, 'item (1), goals,');
    need(`${at}.tasks`, p.tasks, 'item (1), tasks,');
    need(`${at}.readinessStage`, p.readinessStage, 'item (5), readiness stage,');
    if (!p.kpis?.length) issues.push({ path: `businessPlan.${at}.kpis`, message: 'Annex 1 item (6): at least one KPI', code: 'annex-1.missing' });
    need(`${at}.technicalDescription`, p.technicalDescription, 'item (7), technical description,');
    need(`${at}.offering.products`, p.offering?.products, 'item (9), goods/works/services offered,');
    need(`${at}.offering.salesMethod`, p.offering?.salesMethod, 'item (9), sales method,');
    if (!p.offering?.yearlySales?.length)
      issues.push({ path: `businessPlan.${at}.offering.yearlySales`, message: 'Annex 1 item (9): expected yearly sales and revenue', code: 'annex-1.missing' });
  });
  for (const t of activityTypes) {
    const n = projects.filter((p) => p.activityTypeCode === t.code).length;
    if (n === 0 && catalogue.find(t.code)) {
      issues.push({
        path: 'businessPlan.projects',
        message: `Annex 1: no project block for activity type ${t.code}`,
        code: 'annex-1.project-per-activity-type',
      });
    }
  }
  return issues;
}

/** Field paths a remark may point at (F-14: remarks tied to specific fields). */
export const REMARKABLE_FIELD_ROOTS = [
  'companyName',
  'address',
  'language',
  'activityTypes',
  'businessPlan',
  'taxCertificate',
  'placeOfBusiness',
  'eligibility',
] as const;
export const isRemarkableField = (field: string): boolean => REMARKABLE_FIELD_ROOTS.some((r) => field === r || field.startsWith(`${r}.`));
