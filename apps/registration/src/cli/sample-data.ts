import type { BusinessPlan } from '../registration/domain/business-plan.js';
import type { EligibilityDeclaration } from '../registration/domain/eligibility/eligibility-rule.js';
import type { PlaceOfBusiness } from '../registration/domain/application.aggregate.js';

/** Demo and test data: a complete Annex 1 business plan and a clean F-7 declaration (used by the seed and the tests). */
export function sampleBusinessPlan(activityTypeCodes: readonly string[], projectName = 'Qazaq cloud ERP'): BusinessPlan {
  return {
    projects: activityTypeCodes.map((code, i) => ({
      activityTypeCode: code,
      name: i === 0 ? projectName : `${projectName} — module ${i + 1}`,
      description: 'A SaaS product for small and medium businesses of Kazakhstan',
      goals: 'Reach 500 paying customers in Kazakhstan and Central Asia',
      tasks: 'Build the MVP, pilot with 20 customers, launch sales',
      readinessStage: 'MVP in pilot operation',
      kpis: [{ name: 'paying customers', target: '500 by the end of the term' }],
      technicalDescription: 'Microservices on Kubernetes, PostgreSQL, event-driven integration',
      offering: {
        products: 'Subscriptions to the SaaS product',
        salesMethod: 'Direct sales and partners',
        yearlySales: [{ year: 2027, volume: '300 subscriptions', revenueTiyn: 15_000_000_000 }],
      },
    })),
    placeOfImplementation: 'Astana, Mangilik El 55/8 (Astana Hub)',
    ownership: { basis: 'Own development; exclusive rights of the company', intellectualProperty: 'Copyright certificate No. 12345 for the software' },
    team: {
      qualifications: '12 engineers, 5+ years of experience on average',
      headcount: 15,
      residentsPlan: 'Hire 10 residents in 2027',
      nonResidentsPlan: 'Engage 2 foreign experts',
    },
    costEstimate: { totalTiyn: 25_000_000_000, breakdown: 'Payroll 70 %, infrastructure 20 %, marketing 10 %' },
    clients: 'SMEs in retail and logistics; pilot clients: three retail chains',
    actionPlan: [
      { period: '2027 Q1', action: 'Pilot with 20 customers' },
      { period: '2027 Q2–Q4', action: 'Commercial launch in Kazakhstan' },
    ],
  };
}

export const cleanDeclaration = (): EligibilityDeclaration => ({
  hasBranches: false,
  implementsInvestmentPriorityProject: false,
  implementsInvestmentStrategicProjectBefore2015: false,
  hasImplementedInvestmentPriorityProject: false,
  hasImplementedInvestmentStrategicProjectBefore2015: false,
  stateOwnershipPercent: 0,
  isSubsoilUser: false,
  isSezParticipant: false,
  isExcisePayer: false,
});

export const samplePlaceOfBusiness = (): PlaceOfBusiness => ({
  address: 'Astana, Mangilik El 55/8, office 301',
  proofKind: 'lease contract',
  documentRef: 'LEASE-2026-0042',
});
