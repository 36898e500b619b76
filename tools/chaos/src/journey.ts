/** Today in Almaty (the registration context's calendar), as YYYY-MM-DD. */
export const todayInAlmaty = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** A complete draft (Annex 1 plan, F-9 documents, F-7 declaration), filed today — as in the gateway's cross-context e2e. */
export const draftBody = (today: string) => ({
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
          yearlySales: [{ year: 2027, volume: '300 subscriptions', revenueTiyn: 15_000_000_000 }],
        },
      },
    ],
    placeOfImplementation: 'Astana, Mangilik El 55/8 (Astana Hub)',
    ownership: { basis: 'Own development', intellectualProperty: 'Copyright certificate No. 12345' },
    team: { qualifications: '12 engineers', headcount: 15, residentsPlan: 'Hire 10 residents', nonResidentsPlan: 'Engage 1 foreign expert' },
    costEstimate: { totalTiyn: 25_000_000_000, breakdown: 'Payroll 70 %, infrastructure 20 %, marketing 10 %' },
    clients: 'SMEs in retail and logistics',
    actionPlan: [{ period: '2027 Q1', action: 'Pilot with 20 customers' }],
  },
  taxCertificate: { number: 'TAX-CHAOS', issuedOn: today, debtTiyn: 0 },
  placeOfBusiness: { address: 'Astana, Mangilik El 55/8, office 301', proofKind: 'lease contract', documentRef: 'LEASE-CHAOS' },
  eligibility: {
    hasBranches: false,
    implementsInvestmentPriorityProject: false,
    implementsInvestmentStrategicProjectBefore2015: false,
    hasImplementedInvestmentPriorityProject: false,
    hasImplementedInvestmentStrategicProjectBefore2015: false,
    stateOwnershipPercent: 0,
    isSubsoilUser: false,
    isSezParticipant: false,
    isExcisePayer: false,
  },
});

/** The registration statuses in the order a successful journey passes them (application-status.ts). */
export const STATUS_ORDER = ['draft', 'submitted', 'with-commission', 'registered', 'contract-signed', 'certificate-issued', 'listed'] as const;
export const reached = (status: string | undefined, target: string): boolean =>
  status !== undefined && STATUS_ORDER.indexOf(status as never) >= STATUS_ORDER.indexOf(target as never) && STATUS_ORDER.includes(status as never);
