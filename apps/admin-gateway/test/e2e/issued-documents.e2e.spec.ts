import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBin } from '@hub/identifiers';
import { S3ObjectStorage } from '@hub/object-storage';
import { uniqueName, waitFor } from '@hub/testing';
import { ProcessFleet, fleetEnv } from '../support/processes.js';
import { type RegistrationActors, expectStatus, registerToCertificate } from '../support/registration-path.js';
import { deadPort } from '../support/upstream-stub.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Issue #10 / ADR 0106, end to end with every part real and each app its own process: registration
 * issues a certificate (F-18) and archives it in the documents context **as itself** — a
 * client-credentials token of `hub-registration` from the dev issuer's token endpoint, role
 * `document-issuer` — through the admin gateway, which records the worker as the caller. The archived
 * copy is the certificate byte for byte, and the company and the Fund read it from documents (F-35).
 * The Commission's decision is archived the same way, as the extract of its protocol (F-15, F-16), and in full
 * (ADR 0122), named on the reviewers' application view only (ADR 0132). Participation issues each edition of the
 * F-41 analytics the same way, as `hub-participation` (ADR 0132): downloaded twice byte-identical, a company 404.
 */
const FUND_BIN = '000000000000';

describe('registration archives its certificates in documents as a platform worker (ADR 0106), through the gateway', () => {
  const fleet = new ProcessFleet();
  const topicPrefix = `t.${uniqueName('issued').replace(/_/g, '-')}.`;
  const bucket = `t-issued-${process.pid}-${Date.now().toString(36)}`;
  const s3Endpoint = process.env.HUB_S3_ENDPOINT ?? 'http://127.0.0.1:9090';
  const storage = new S3ObjectStorage({ endpoint: s3Endpoint, bucket });
  const bin = makeBin({ year: 2018, month: 4, serial: 4000 + (process.pid % 5000) });
  let gw: string;
  let who: RegistrationActors;
  let auditor: string;
  let analyst: string;
  let applicationId: string | undefined;

  beforeAll(async () => {
    await fleet.createTopics(topicPrefix);
    await storage.ensureBucket();
    const jwksUrl = await fleet.startIssuer(); // serves POST /token (client credentials) too
    const tokenUrl = jwksUrl.replace(/\/jwks\.json$/, '/token');
    const common = fleetEnv(fleet, topicPrefix);
    const [regDb, docDb, gwDb, partDb] = await Promise.all([
      fleet.createDatabase('registration'),
      fleet.createDatabase('documents'),
      fleet.createDatabase('gateway'),
      fleet.createDatabase('participation'),
    ]);
    await Promise.all([
      fleet.migrate('registration', regDb),
      fleet.migrate('documents', docDb),
      fleet.migrate('admin-gateway', gwDb),
      fleet.migrate('participation', partDb),
    ]);
    // Registration reaches documents through the gateway, which starts last: its port is chosen first.
    const gatewayPort = await deadPort();
    const [registration, documents, participation] = await Promise.all([
      fleet.startApp('registration', {
        ...common,
        DATABASE_URL: regDb,
        REGISTRATION_DOCUMENTS_URL: `http://127.0.0.1:${gatewayPort}/api/documents`,
        HUB_SERVICE_AUTH_URL: tokenUrl,
        HUB_SERVICE_CLIENT_ID: 'hub-registration',
        HUB_SERVICE_CLIENT_SECRET: await fleet.clientSecret('hub-registration'),
      }),
      // ADR 0122: the Commission's full protocol is the Fund's own document (a development stand-in BIN, as tools/hub sets).
      fleet.startApp('documents', { ...common, DATABASE_URL: docDb, HUB_S3_ENDPOINT: s3Endpoint, HUB_S3_BUCKET: bucket, HUB_FUND_BIN: FUND_BIN }),
      // ADR 0132: participation archives each edition of the F-41 analytics as itself (client hub-participation).
      fleet.startApp('participation', {
        ...common,
        DATABASE_URL: partDb,
        HUB_PII_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
        HUB_PII_ACTIVE_KEY: 'e2e',
        PARTICIPATION_DOCUMENTS_URL: `http://127.0.0.1:${gatewayPort}/api/documents`,
        HUB_SERVICE_AUTH_URL: tokenUrl,
        HUB_SERVICE_CLIENT_ID: 'hub-participation',
        HUB_SERVICE_CLIENT_SECRET: await fleet.clientSecret('hub-participation'),
      }),
    ]);
    gw = await fleet.startApp(
      'admin-gateway',
      {
        HUB_AUTH_ISSUER: fleet.issuerUrl,
        HUB_AUTH_JWKS_FILE: fleet.jwksFile,
        DATABASE_URL: gwDb,
        REGISTRATION_URL: registration,
        PARTICIPATION_URL: participation,
        HUB_GATEWAY_UPSTREAMS: JSON.stringify({ documents }),
      },
      gatewayPort,
    );
    who = {
      applicant: await fleet.token('aida-rep', ['applicant'], [bin]),
      officer: await fleet.token('olga-officer', ['fund-officer']),
      member: await fleet.token('marat-member', ['commission-member']),
      secretary: await fleet.token('saule-secretary', ['commission-secretary']),
    };
    auditor = await fleet.token('audrey-auditor', ['auditor']);
    analyst = await fleet.token('asel-analyst', ['authorised-body-analyst']);
  }, 240_000); // five processes and four databases (ADR 0132 added participation's)

  afterAll(async () => {
    await fleet.close();
    await storage.dropBucket().catch(() => undefined);
    storage.close();
  }, 60_000);

  it('F-18: the issued certificate lands in the archive byte for byte, once, stored by service:registration', async () => {
    const id = await registerToCertificate(gw, who, bin, `E2E Archive ${bin}`);
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const issued = await request(gw)
      .get(`/api/registration/applications/${id}/certificate.pdf`)
      .set(as(who.officer))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(issued.status).toBe(200);
    const pdf = issued.body as Buffer;

    type Doc = { id: string; kind: string; status: string; sha256: string; ownerBin: string };
    const archived = await waitFor(
      `certificate of ${bin} in the archive`,
      async () => {
        const res = await request(gw).get(`/api/documents/documents?bin=${bin}`).set(as(who.officer));
        return res.status === 200 ? (res.body as Doc[]).find((d) => d.kind === 'participant-certificate') : undefined;
      },
      { timeoutMs: 30_000 },
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n--- registration log ---\n${fleet.logs('registration').slice(-4000)}`);
    });
    expect(archived).toMatchObject({ status: 'issued', ownerBin: bin, sha256: sha256(pdf) });

    // The company reads its own certificate from the archive (F-35), and gets the same bytes.
    const grant = expectStatus(await request(gw).get(`/api/documents/documents/${archived.id}/download`).set(as(who.applicant)), 200, 'download grant');
    const bytes = Buffer.from(await (await fetch(grant.url as string)).arrayBuffer());
    expect(sha256(bytes)).toBe(sha256(pdf));
    applicationId = id;
  }, 180_000);

  it('F-15, F-16: the extract of the Commission protocol lands in the archive; the application names it; the company reads it', async () => {
    expect(applicationId, 'the certificate test ran first').toBeDefined();
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    type View = { decision: { protocolNumber: string } | null; protocolDocumentId: string | null };
    const view = await waitFor(
      'the protocol extract archived',
      async () => {
        const res = await request(gw).get(`/api/registration/applications/${applicationId}`).set(as(who.officer));
        return res.status === 200 && (res.body as View).protocolDocumentId ? (res.body as View) : undefined;
      },
      { timeoutMs: 30_000 },
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n--- registration log ---\n${fleet.logs('registration').slice(-4000)}`);
    });
    type Doc = { id: string; kind: string; status: string; ownerBin: string; fileName: string };
    const doc = expectStatus(
      await request(gw).get(`/api/documents/documents/${view.protocolDocumentId}`).set(as(who.officer)),
      200,
      'protocol document',
    ) as Doc;
    expect(doc).toMatchObject({ kind: 'commission-protocol', status: 'issued', ownerBin: bin, fileName: `protocol-${view.decision!.protocolNumber}.pdf` });
    // The applicant's own view names the same document (F-17: the decision and its reasons are theirs).
    const mine = expectStatus(await request(gw).get(`/api/registration/applications/${applicationId}`).set(as(who.applicant)), 200, 'applicant view') as View;
    expect(mine.protocolDocumentId).toBe(view.protocolDocumentId);
    const grant = expectStatus(await request(gw).get(`/api/documents/documents/${doc.id}/download`).set(as(who.applicant)), 200, 'download grant');
    const bytes = Buffer.from(await (await fetch(grant.url as string)).arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain(`(Extract from protocol ${view.decision!.protocolNumber})`);
  }, 120_000);

  it("ADR 0122 (F-15, F-16, F-35): the full protocol with each member's vote lands in the archive as the Fund's document; the reviewers read it, the company never learns it exists", async () => {
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    type View = { decision: { protocolNumber: string } | null };
    const { decision } = expectStatus(await request(gw).get(`/api/registration/applications/${applicationId}`).set(as(who.officer)), 200, 'view') as View;
    type Doc = { id: string; kind: string; status: string; ownerBin: string; restricted: boolean; fileName: string; issueKey: string };
    const listed = expectStatus(
      await request(gw).get(`/api/documents/documents?kind=commission-protocol-full`).set(as(who.officer)),
      200,
      'the Fund officer lists full protocols',
    ) as unknown as Doc[];
    const full = listed.find((d) => d.issueKey === `registration/protocol-full/${decision!.protocolNumber}`);
    expect(full).toMatchObject({ kind: 'commission-protocol-full', status: 'issued', ownerBin: FUND_BIN, restricted: true });
    for (const [role, token] of [
      ['officer', who.officer],
      ['member', who.member],
      ['secretary', who.secretary],
    ] as const) {
      const grant = expectStatus(await request(gw).get(`/api/documents/documents/${full!.id}/download`).set(as(token)), 200, `${role} download`);
      const bytes = Buffer.from(await (await fetch(grant.url as string)).arrayBuffer());
      expect(bytes.toString('latin1')).toContain(`(Protocol ${decision!.protocolNumber})`);
    }
    // ADR 0132: the reviewers' application view names the full protocol's document; the company's view does not.
    type Named = { protocolDocumentId: string | null; fullProtocolDocumentId: string | null };
    for (const token of [who.officer, who.member, who.secretary]) {
      const named = await waitFor('the full protocol recorded by registration', async () => {
        const res = await request(gw).get(`/api/registration/applications/${applicationId}`).set(as(token));
        return res.status === 200 && (res.body as Named).fullProtocolDocumentId ? (res.body as Named) : undefined;
      });
      expect(named.fullProtocolDocumentId).toBe(full!.id);
    }
    const company = expectStatus(await request(gw).get(`/api/registration/applications/${applicationId}`).set(as(who.applicant)), 200, 'company view') as Named;
    expect(company.fullProtocolDocumentId).toBeNull();
    expect(company.protocolDocumentId).not.toBeNull();
    // F-35, F-17: the company reads the extract, never the full protocol; it is not even listed
    expect((await request(gw).get(`/api/documents/documents/${full!.id}`).set(as(who.applicant))).status).toBe(404);
    expect((await request(gw).get(`/api/documents/documents/${full!.id}/download`).set(as(who.applicant))).status).toBe(404);
    expect((await request(gw).get(`/api/documents/documents/${full!.id}`).set(as(auditor))).status).toBe(404);
  }, 60_000);

  it("F-41, issue #10 (ADR 0132): the quarter's analytics are issued once as the Fund's document — downloaded twice byte-identical, its hash the one the analytics name; a company gets 404", async () => {
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    type Meta = { id: string; generatedAt: string; archived: { documentId: string; sha256: string; archivedAt: string } | null };
    const generated = expectStatus(await request(gw).post('/api/participation/analytics/quarterly/2026/3').set(as(who.officer)), 200, 'generate') as Meta;
    expect(generated.archived).toBeNull(); // owed to the archive from the generating transaction, stored by the timer
    const meta = await waitFor(
      'the analytics edition archived',
      async () => {
        const res = await request(gw).get('/api/participation/analytics/quarterly/2026/3').set(as(who.officer));
        return res.status === 200 && (res.body as Meta).archived ? (res.body as Meta) : undefined;
      },
      { timeoutMs: 30_000 },
    ).catch((e: Error) => {
      throw new Error(`${e.message}\n--- participation log ---\n${fleet.logs('participation').slice(-4000)}`);
    });
    expect(meta.generatedAt).toBe(generated.generatedAt);
    const archived = meta.archived!;
    type Doc = { id: string; kind: string; status: string; ownerBin: string; restricted: boolean; fileName: string; issueKey: string; sha256: string };
    const doc = expectStatus(await request(gw).get(`/api/documents/documents/${archived.documentId}`).set(as(who.officer)), 200, 'analytics document') as Doc;
    expect(doc).toMatchObject({
      kind: 'quarterly-analytics',
      status: 'issued',
      ownerBin: FUND_BIN,
      restricted: true,
      fileName: 'analytics-2026-Q3.pdf',
      sha256: archived.sha256,
      issueKey: expect.stringMatching(/^participation\/analytics\/2026-Q3\./) as string,
    });
    // Served byte-identical: two downloads (two grants, two presigned URLs) give the same bytes, whose hash is the one named.
    const download = async () => {
      const grant = expectStatus(await request(gw).get(`/api/documents/documents/${doc.id}/download`).set(as(who.officer)), 200, 'download grant');
      expect(grant.sha256).toBe(archived.sha256);
      return Buffer.from(await (await fetch(grant.url as string)).arrayBuffer());
    };
    const first = await download();
    const second = await download();
    expect(first.equals(second)).toBe(true);
    expect(sha256(first)).toBe(archived.sha256);
    expect(first.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(first.toString('latin1')).toContain('(Analytical information 2026 Q3)');
    // The authorised body's analyst reads the analytics and the same hash (to check what the Fund sends it, F-41) …
    const seen = expectStatus(await request(gw).get('/api/participation/analytics/quarterly/2026/3').set(as(analyst)), 200, 'analyst meta') as Meta;
    expect(seen.archived?.sha256).toBe(archived.sha256);
    // … F-35: no company learns the Fund's document exists; the auditor does not read it either (officers only).
    for (const [who2, token] of [
      ['company', who.applicant],
      ['auditor', auditor],
    ] as const) {
      expect({ who2, status: (await request(gw).get(`/api/documents/documents/${doc.id}`).set(as(token))).status }).toEqual({ who2, status: 404 });
      expect({ who2, status: (await request(gw).get(`/api/documents/documents/${doc.id}/download`).set(as(token))).status }).toEqual({ who2, status: 404 });
    }
    const listed = expectStatus(
      await request(gw).get('/api/documents/documents?kind=quarterly-analytics').set(as(who.applicant)),
      200,
      'company list',
    ) as unknown as Doc[];
    expect(listed.map((d) => d.id)).not.toContain(doc.id);
  }, 90_000);

  it('the gateway audit trail names the worker, not a person, as the writer of every document (ADR 0032, ADR 0106)', async () => {
    const writes = expectStatus(
      await request(gw)
        .get(`/api/audit/events?kind=write&pageSize=200`)
        .set({ authorization: `Bearer ${auditor}` }),
      200,
      'audit',
    ) as {
      items: { route: string; status: number; subject: string }[];
    };
    // the certificate, the protocol's extract and (ADR 0122) the full protocol; (ADR 0132) the analytics edition
    expect(
      writes.items
        .filter((w) => w.route === '/api/documents/issued-documents')
        .map((w) => `${w.subject} ${w.status}`)
        .sort(),
    ).toEqual(['service:participation 201', 'service:registration 201', 'service:registration 201', 'service:registration 201']);
  });
});
