import { expect } from '@playwright/test';
import { sampleFiles } from '@hub/object-storage';
import { apiToken } from './page-helpers.ts';

// Setting a scene through the gateway's API (what other people did before the browser test starts):
// a company of the test's own files a complete application, so that the seed's applications, which
// other tests read, stay as they are.

export const gatewayUrl = (): string => {
  const url = process.env.HUB_WEB_GATEWAY;
  if (!url) throw new Error('HUB_WEB_GATEWAY is not set: the global setup did not start the fleet');
  return url;
};

/** One call to the gateway as `token`, failing the test with the answer when it is not 2xx. */
export async function gatewayCall(token: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${gatewayUrl()}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text.slice(0, 500)}`).toBeLessThan(300);
  return JSON.parse(text || '{}') as Record<string, unknown>;
}

/**
 * A company's document uploaded as the web does it (issue #10, ADR 0045): start through the gateway,
 * PUT the bytes to the presigned URL of the store, complete (the server verifies): the document's id.
 */
export async function uploadDocument(token: string, bin: string, kind: string, fileName: string, bytes: Uint8Array): Promise<string> {
  const started = (await gatewayCall(token, 'POST', '/api/documents/documents/uploads', { ownerBin: bin, kind, fileName, size: bytes.byteLength })) as {
    document: { id: string };
    upload: { method: string; url: string; headers: Record<string, string> };
  };
  const put = await fetch(started.upload.url, { method: started.upload.method, headers: started.upload.headers, body: Buffer.from(bytes) });
  expect(put.status, `PUT ${fileName} to the store`).toBeLessThan(300);
  await gatewayCall(token, 'POST', `/api/documents/documents/${started.document.id}/complete`);
  return started.document.id;
}

/** A complete registration application (F-7, F-9, Annex 1) filed by `bin`'s representative: its id. */
export async function fileCompleteApplication(bin: string, companyName: string): Promise<string> {
  const applicant = await apiToken({ sub: `rep-${bin}`, roles: ['applicant'], companies: [bin] });
  const types = (await (await fetch(`${gatewayUrl()}/api/registration/activity-types`)).json()) as { activityTypes: { code: string }[] };
  const code = types.activityTypes[0]!.code;
  const created = await gatewayCall(applicant, 'POST', '/api/registration/applications', { bin, companyName, address: 'Almaty, Abay 10', language: 'ru' });
  // F-9(3): the lease as an uploaded document (registration learns it from documents over Kafka)
  const lease = await uploadDocument(applicant, bin, 'place-of-business-proof', 'lease-abay-10.pdf', sampleFiles.pdf('lease agreement No. 5'));
  const id = String(created.id);
  await gatewayCall(applicant, 'PATCH', `/api/registration/applications/${id}`, {
    activityTypes: [{ code, works: [] }],
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
    taxCertificate: { number: 'TX-77', issuedOn: '2026-11-20', debtTiyn: 0 },
    placeOfBusiness: { address: 'Almaty, Abay 10', proofKind: 'Lease', documentId: lease },
    businessPlan: {
      projects: [
        {
          activityTypeCode: code,
          name: 'Cloud ledger',
          description: 'Hosting',
          goals: 'Grow',
          tasks: 'Build',
          readinessStage: 'MVP',
          kpis: [{ name: 'Clients', target: '10' }],
          technicalDescription: 'Kubernetes',
          offering: { products: 'Hosting', salesMethod: 'Online', yearlySales: [{ year: 2027, volume: '10', revenueTiyn: 100_000_000 }] },
        },
      ],
      placeOfImplementation: 'Almaty',
      ownership: { basis: 'Own', intellectualProperty: 'none' },
      team: { qualifications: 'Engineers', headcount: 3, residentsPlan: 'Hire', nonResidentsPlan: 'None' },
      costEstimate: { totalTiyn: 1_250_000_050, breakdown: 'Servers' },
      clients: 'SMEs',
      actionPlan: [{ period: '2027', action: 'Launch' }],
    },
  });
  // the verified upload reaches registration through Kafka a moment after it is checked: until then
  // the filing is refused naming the field (422 document-unknown), and the representative tries again
  await expect(async () => {
    const res = await fetch(`${gatewayUrl()}/api/registration/applications/${id}/submit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${applicant}`, 'idempotency-key': crypto.randomUUID() },
    });
    expect(res.status, await res.text()).toBe(200);
  }).toPass({ timeout: 60_000, intervals: [500, 1000, 2000] });
  return id;
}
