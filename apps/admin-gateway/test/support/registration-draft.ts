/** Today in Asia/Almaty (YYYY-MM-DD): the filing day of the e2e drafts (the F-9(2) certificate is not older than 10 CD). */
export const TODAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Almaty',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());

/** A complete draft (Annex 1 plan, F-9 documents, F-7 declaration), filed today. */
export const draftBody = () => ({
  activityTypes: [{ code: 'PH-01', works: ['PH-01.1'] }],
  businessPlan: {
    projects: [
      {
        activityTypeCode: 'PH-01',
        name: 'Qazaq cloud ERP',
        description: 'A SaaS product for small and medium businesses of Kazakhstan',
        goals: 'Reach 500 paying customers in Kazakhstan and Central Asia',
        tasks: 'Build the MVP, pilot with 20 customers, launch sales',
        readinessStage: 'MVP in pilot operation',
        kpis: [{ name: 'paying customers', target: '500 by the end of the term' }],
        technicalDescription: 'Microservices on Kubernetes, PostgreSQL, event-driven integration',
        offering: {
          products: 'Subscriptions',
          salesMethod: 'Direct sales and partners',
          yearlySales: [
            {
              year: 2027,
              volume: '300 subscriptions',
              revenueTiyn: 15_000_000_000, // 150 000 000 KZT (ADR 0036: integer tiyn)
            },
          ],
        },
      },
    ],
    placeOfImplementation: 'Astana, Mangilik El 55/8 (Astana Hub)',
    ownership: {
      basis: 'Own development',
      intellectualProperty: 'Copyright certificate No. 12345',
    },
    team: {
      qualifications: '12 engineers',
      headcount: 15,
      residentsPlan: 'Hire 10 residents',
      nonResidentsPlan: 'Engage 1 foreign expert',
    },
    costEstimate: {
      totalTiyn: 25_000_000_000, // 250 000 000 KZT
      breakdown: 'Payroll 70 %, infrastructure 20 %, marketing 10 %',
    },
    clients: 'SMEs in retail and logistics',
    actionPlan: [{ period: '2027 Q1', action: 'Pilot with 20 customers' }],
  },
  taxCertificate: { number: 'TAX-E2E', issuedOn: TODAY, debtTiyn: 0 },
  placeOfBusiness: {
    address: 'Astana, Mangilik El 55/8, office 301',
    proofKind: 'lease contract',
    documentRef: 'LEASE-E2E',
  },
  eligibility: {
    hasBranches: false,
    implementsInvestmentPriorityProject: false,
    implementsInvestmentStrategicProjectBefore2015: false,
    // F-7(3) «іске асыратын (іске асырған)»: the declaration asks the past tense too (issue #9).
    hasImplementedInvestmentPriorityProject: false,
    hasImplementedInvestmentStrategicProjectBefore2015: false,
    stateOwnershipPercent: 0,
    isSubsoilUser: false,
    isSezParticipant: false,
    isExcisePayer: false,
  },
});
