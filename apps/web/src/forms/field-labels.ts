import type { MessageId } from '../i18n/locales';

/** The form's label of a body path (remarks and errors name fields by path, F-14): indices become `*`. */
const LABELS: Record<string, MessageId> = {
  companyName: 'form.companyName',
  address: 'form.address',
  language: 'form.language',
  activityTypes: 'form.activityTypes',
  eligibility: 'form.eligibility.title',
  taxCertificate: 'form.tax.title',
  'taxCertificate.issuedOn': 'form.tax.issuedOn',
  'taxCertificate.debtTiyn': 'form.tax.debt',
  placeOfBusiness: 'form.place.title',
  'placeOfBusiness.address': 'form.place.address',
  businessPlan: 'form.step.plan',
  'businessPlan.projects': 'form.projects.title',
  'businessPlan.projects.*.name': 'form.project.name',
  'businessPlan.projects.*.description': 'form.project.description',
  'businessPlan.projects.*.goals': 'form.project.goals',
  'businessPlan.projects.*.tasks': 'form.project.tasks',
  'businessPlan.projects.*.readinessStage': 'form.project.readiness',
  'businessPlan.projects.*.kpis': 'form.project.kpis',
  'businessPlan.projects.*.technicalDescription': 'form.project.technical',
  'businessPlan.projects.*.offering.products': 'form.project.products',
  'businessPlan.projects.*.offering.salesMethod': 'form.project.salesMethod',
  'businessPlan.projects.*.offering.yearlySales': 'form.project.yearlySales',
  'businessPlan.placeOfImplementation': 'form.plan.place',
  'businessPlan.ownership.basis': 'form.plan.ownershipBasis',
  'businessPlan.ownership.intellectualProperty': 'form.plan.ip',
  'businessPlan.team.qualifications': 'form.plan.qualifications',
  'businessPlan.team.headcount': 'form.plan.headcount',
  'businessPlan.team.residentsPlan': 'form.plan.residentsPlan',
  'businessPlan.team.nonResidentsPlan': 'form.plan.nonResidentsPlan',
  'businessPlan.costEstimate.totalTiyn': 'form.plan.costTotal',
  'businessPlan.costEstimate.breakdown': 'form.plan.costBreakdown',
  'businessPlan.clients': 'form.plan.clients',
  'businessPlan.actionPlan': 'form.plan.actionPlan',
};

export function fieldLabel(path: string): MessageId | undefined {
  return LABELS[path.replace(/\.\d+(?=\.|$)/g, '.*')] ?? LABELS[path.split('.')[0] ?? ''];
}

/** The paths an officer may tie a remark to from the review page (F-14): every labelled field of one project block. */
export const REMARKABLE_FIELDS: readonly string[] = Object.keys(LABELS).map((p) => p.replace('.*.', '.0.'));
