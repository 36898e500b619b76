import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InvoiceIssuerRequisites, renderServiceInvoicePdf } from '@hub/documents';
import { makeBin } from '@hub/identifiers';
import { S3ObjectStorage } from '@hub/object-storage';
import { uniqueName, waitFor } from '@hub/testing';
import { ProcessFleet, REPO, fleetEnv } from '../support/processes.js';
import { TODAY } from '../support/registration-draft.js';
import { expectStatus } from '../support/registration-path.js';
import { deadPort } from '../support/upstream-stub.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const DAY = 86_400_000;
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/**
 * Issue #12 / ADR 0067, 0109, end to end with every part real and each app its own process: finance
 * issues an invoice under a company's service contract (F-55); services renders its PDF and archives it
 * in the documents context **as itself** — a client-credentials token of `hub-services` from the dev
 * issuer's token endpoint, role `document-issuer` — through the admin gateway; documents stores it in
 * the real S3 server. The company downloads it from documents and gets, byte for byte, the invoice as the
 * shared renderer draws it from what services stored; the audit trail names `service:services`.
 *
 * Time: F-55 wants a call's conditions published a month before its intake opens, so the Fund publishes
 * the call with the fleet's clock (test/support/shared-test-clock.mjs) 40 days back; the rest runs on the
 * real clock (as in acceleration-housing.e2e.spec.ts).
 */
describe('services archives its invoice PDFs in documents as a platform worker (ADR 0109), through the gateway', () => {
  const fleet = new ProcessFleet();
  const clockFile = join(fleet.stateDir, 'clock-offset');
  const setClockOffset = (ms: number) => writeFileSync(clockFile, String(ms));
  const topicPrefix = `t.${uniqueName('invoice').replace(/_/g, '-')}.`;
  const bucket = `t-invoice-${process.pid}-${Date.now().toString(36)}`;
  const s3Endpoint = process.env.HUB_S3_ENDPOINT ?? 'http://127.0.0.1:9090';
  const storage = new S3ObjectStorage({ endpoint: s3Endpoint, bucket });
  const bin = makeBin({ year: 2019, month: 3, serial: 4000 + (process.pid % 5000) });
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  let gw: string;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    fleet.shareClock(clockFile);
    await fleet.createTopics(topicPrefix);
    await storage.ensureBucket();
    const jwksUrl = await fleet.startIssuer(); // serves POST /token (client credentials) too
    const tokenUrl = jwksUrl.replace(/\/jwks\.json$/, '/token');
    const common = fleetEnv(fleet, topicPrefix);
    const [svcDb, docDb, gwDb] = await Promise.all([fleet.createDatabase('services'), fleet.createDatabase('documents'), fleet.createDatabase('gateway')]);
    await Promise.all([fleet.migrate('services', svcDb), fleet.migrate('documents', docDb), fleet.migrate('admin-gateway', gwDb)]);
    // Services reaches documents through the gateway, which starts last: its port is chosen first.
    const gatewayPort = await deadPort();
    const [services, documents] = await Promise.all([
      fleet.startApp('services', {
        ...common,
        DATABASE_URL: svcDb,
        HUB_PII_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
        HUB_PII_ACTIVE_KEY: 'e2e',
        SERVICES_DOCUMENTS_URL: `http://127.0.0.1:${gatewayPort}/api/documents`,
        HUB_SERVICE_AUTH_URL: tokenUrl,
        HUB_SERVICE_CLIENT_ID: 'hub-services',
        HUB_SERVICE_CLIENT_SECRET: await fleet.clientSecret('hub-services'),
      }),
      fleet.startApp('documents', { ...common, DATABASE_URL: docDb, HUB_S3_ENDPOINT: s3Endpoint, HUB_S3_BUCKET: bucket }),
    ]);
    gw = await fleet.startApp(
      'admin-gateway',
      {
        HUB_AUTH_ISSUER: fleet.issuerUrl,
        HUB_AUTH_JWKS_FILE: fleet.jwksFile,
        DATABASE_URL: gwDb,
        HUB_GATEWAY_UPSTREAMS: JSON.stringify({ services, documents }),
      },
      gatewayPort,
    );
    t.applicant = await fleet.token('dana-rep', ['applicant'], [bin]);
    t.finance = await fleet.token('farida-finance', ['finance-officer']);
    t.auditor = await fleet.token('audrey-auditor', ['auditor']);
    t.stranger = await fleet.token('other-rep', ['applicant'], [makeBin({ year: 2019, month: 4, serial: 4000 + (process.pid % 5000) })]);
  }, 180_000);

  afterAll(async () => {
    await fleet.close();
    await storage.dropBucket().catch(() => undefined);
    storage.close();
  }, 60_000);

  it('F-55: the invoice PDF lands in the archive once, byte for byte, stored by service:services; the company downloads the same bytes', async () => {
    // 40 days ago the Fund published a consultation and its call (F-47, F-55, F-56)
    setClockOffset(-40 * DAY);
    const pastOfficer = await fleet.token('olga-officer-past', ['fund-officer']);
    const code = `consult-${randomBytes(3).toString('hex')}`;
    const serviceId = expectStatus(
      await request(gw)
        .post('/api/services/services')
        .set(as(pastOfficer))
        .send({
          code,
          title: 'Консультация по выходу на рынок',
          direction: 'consultation',
          eligibility: 'anyone',
          requiredSections: { readiness: false, team: false, pitch: false },
          delivery: 'fund',
        }),
      201,
      'service',
    ).id as string;
    expectStatus(
      await request(gw)
        .post(`/api/services/services/${serviceId}/prices`)
        .set(as(pastOfficer))
        .send({ effectiveFrom: '2026-01-01', participantPriceTiyn: 50_000_00, nonParticipantPriceTiyn: 1_234_567_89, documentRef: 'Order 1' }),
      201,
      'price',
    );
    const callId = expectStatus(
      await request(gw)
        .post('/api/services/calls')
        .set(as(pastOfficer))
        .send({
          serviceId,
          title: 'Consultations, winter',
          contractConditions: 'Conditions',
          draftContract: { serviceConditions: 'Two sessions', paymentOrder: '100 % prepayment', paymentAmount: 'Per the price list' },
          intakeOpensOn: plusDays(TODAY, -5),
          intakeClosesOn: plusDays(TODAY, 20),
        }),
      201,
      'call',
    ).id as string;

    // today: the company applies, is contracted at the non-participant price, finance invoices it
    setClockOffset(0);
    const officer = await fleet.token('olga-officer', ['fund-officer']);
    const applicationId = expectStatus(
      await request(gw)
        .post('/api/services/service-applications')
        .set(as(t.applicant!))
        .send({
          callId,
          recipient: { kind: 'legal-entity', bin },
          language: 'ru',
          declarationAccepted: true,
          content: {
            project: { name: 'Steppe AI', direction: 'ML', summary: 'Crop forecasts', expectedResults: 'A pilot' },
            contacts: { phone: '+7 701 000 0000', email: 'a@example.kz', city: 'Astana', country: 'Kazakhstan' },
          },
        }),
      201,
      'service application',
    ).id as string;
    expectStatus(
      await request(gw).post(`/api/services/service-applications/${applicationId}/decision`).set(as(officer)).send({ outcome: 'conclude-contract' }),
      200,
      'decision',
    );
    const application = expectStatus(
      await request(gw).post(`/api/services/service-applications/${applicationId}/contract`).set(as(officer)).send(),
      200,
      'contract',
    ) as {
      contract: { id: string; signedOn: string; priceTiyn: number };
    };
    expect(application.contract.priceTiyn).toBe(1_234_567_89);
    const invoice = expectStatus(
      await request(gw)
        .post(`/api/services/service-applications/${applicationId}/invoices`)
        .set(as(t.finance!))
        .send({ amountTiyn: 1_234_567_89, purpose: '100 % prepayment under the contract' }),
      201,
      'invoice',
    ) as { id: string; number: string; issuedOn: string; dueOn: string; document: { status: string } };

    type View = { document: { status: string; documentId?: string } };
    const archived = await waitFor(
      `invoice ${invoice.number} in the archive`,
      async () => {
        const res = await request(gw).get(`/api/services/invoices/${invoice.id}`).set(as(t.applicant!));
        const v = res.body as View;
        return res.status === 200 && v.document.status === 'archived' ? v.document.documentId : undefined;
      },
      { timeoutMs: 45_000 },
    ).catch((e: Error) => {
      throw new Error(
        `${e.message}\n--- services log ---\n${fleet.logs('services').slice(-4000)}\n--- documents log ---\n${fleet.logs('documents').slice(-2000)}`,
      );
    });

    // What services should have issued: the shared renderer, from what it stored and the Fund's requisites (data) in force that day.
    const requisites = (
      JSON.parse(readFileSync(join(REPO, 'apps/services/data/services-rules.json'), 'utf8')) as { versions: { invoiceIssuer: InvoiceIssuerRequisites }[] }
    ).versions[0]!.invoiceIssuer;
    const expected = await renderServiceInvoicePdf({
      number: invoice.number,
      issuedOn: invoice.issuedOn,
      dueOn: invoice.dueOn,
      issuer: requisites,
      recipient: { bin },
      contract: { id: application.contract.id, signedOn: application.contract.signedOn },
      service: 'Консультация по выходу на рынок',
      purpose: '100 % prepayment under the contract',
      amountTiyn: 1_234_567_89,
    });

    // documents' record: the company's, kind service-invoice, the PDF's hash (F-35: the company and finance read it)
    type Doc = { id: string; kind: string; status: string; sha256: string; ownerBin: string; fileName: string };
    const meta = expectStatus(await request(gw).get(`/api/documents/documents/${archived}`).set(as(t.finance!)), 200, 'document') as Doc;
    expect(meta).toMatchObject({
      kind: 'service-invoice',
      status: 'issued',
      ownerBin: bin,
      sha256: sha256(expected),
      fileName: `invoice-${invoice.number}.pdf`,
    });

    // the company downloads it through the gateway: the bytes from S3 are the invoice, byte for byte
    const grant = expectStatus(await request(gw).get(`/api/documents/documents/${archived}/download`).set(as(t.applicant!)), 200, 'download grant');
    const bytes = Buffer.from(await (await fetch(grant.url as string)).arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.equals(expected)).toBe(true);
    // another company is told nothing (F-35)
    expect((await request(gw).get(`/api/documents/documents/${archived}/download`).set(as(t.stranger!))).status).toBe(404);

    // archived once, written by the worker and not by a person (ADR 0032, ADR 0106)
    const listed = await request(gw).get(`/api/documents/documents?bin=${bin}`).set(as(t.finance!));
    expect(listed.status).toBe(200);
    const mine = listed.body as Doc[];
    expect(mine.filter((d) => d.kind === 'service-invoice').map((d) => d.id)).toEqual([archived]);
    const writes = expectStatus(await request(gw).get(`/api/audit/events?kind=write&pageSize=200`).set(as(t.auditor!)), 200, 'audit') as {
      items: { route: string; status: number; subject: string }[];
    };
    expect(writes.items.filter((w) => w.route === '/api/documents/issued-documents').map((w) => `${w.subject} ${w.status}`)).toEqual(['service:services 201']);
  }, 240_000);
});
