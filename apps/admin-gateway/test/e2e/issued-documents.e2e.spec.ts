import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBin } from '@hub/identifiers';
import { S3ObjectStorage } from '@hub/object-storage';
import { testKafkaBrokers, uniqueName, waitFor } from '@hub/testing';
import { ProcessFleet, REPO } from '../support/processes.js';
import { type RegistrationActors, expectStatus, registerToCertificate } from '../support/registration-path.js';
import { deadPort } from '../support/upstream-stub.js';

const run = promisify(execFile);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Issue #10 / ADR 0106, end to end with every part real and each app its own process: registration
 * issues a certificate (F-18) and archives it in the documents context **as itself** — a
 * client-credentials token of `hub-registration` from the dev issuer's token endpoint, role
 * `document-issuer` — through the admin gateway, which records the worker as the caller. The archived
 * copy is the certificate byte for byte, and the company and the Fund read it from documents (F-35).
 * The Commission's decision is archived the same way, as the extract of its protocol (F-15, F-16).
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
  let applicationId: string | undefined;

  beforeAll(async () => {
    await run(process.execPath, [join(REPO, 'tools/dev-stack/create-topics.mjs')], {
      env: { ...process.env, HUB_KAFKA_BROKERS: testKafkaBrokers().join(','), HUB_KAFKA_TOPIC_PREFIX: topicPrefix },
    });
    await storage.ensureBucket();
    const jwksUrl = await fleet.startIssuer(); // serves POST /token (client credentials) too
    const tokenUrl = jwksUrl.replace(/\/jwks\.json$/, '/token');
    const common = {
      HUB_KAFKA_BROKERS: testKafkaBrokers().join(','),
      HUB_KAFKA_TOPIC_PREFIX: topicPrefix,
      HUB_AUTH_ISSUER: fleet.issuerUrl,
      HUB_AUTH_JWKS_FILE: fleet.jwksFile,
      HUB_RUN_WORKERS: 'true',
      HUB_TIMER_POLL_MS: '200',
    };
    const [regDb, docDb, gwDb] = await Promise.all([fleet.createDatabase('registration'), fleet.createDatabase('documents'), fleet.createDatabase('gateway')]);
    await Promise.all([fleet.migrate('registration', regDb), fleet.migrate('documents', docDb), fleet.migrate('admin-gateway', gwDb)]);
    // Registration reaches documents through the gateway, which starts last: its port is chosen first.
    const gatewayPort = await deadPort();
    const [registration, documents] = await Promise.all([
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
    ]);
    gw = await fleet.startApp(
      'admin-gateway',
      {
        HUB_AUTH_ISSUER: fleet.issuerUrl,
        HUB_AUTH_JWKS_FILE: fleet.jwksFile,
        DATABASE_URL: gwDb,
        REGISTRATION_URL: registration,
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
  }, 120_000);

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
    // F-35, F-17: the company reads the extract, never the full protocol; it is not even listed
    expect((await request(gw).get(`/api/documents/documents/${full!.id}`).set(as(who.applicant))).status).toBe(404);
    expect((await request(gw).get(`/api/documents/documents/${full!.id}/download`).set(as(who.applicant))).status).toBe(404);
    expect((await request(gw).get(`/api/documents/documents/${full!.id}`).set(as(auditor))).status).toBe(404);
  }, 60_000);

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
    // the certificate, the protocol's extract and (ADR 0122) the full protocol
    expect(writes.items.filter((w) => w.route === '/api/documents/issued-documents').map((w) => `${w.subject} ${w.status}`)).toEqual([
      'service:registration 201',
      'service:registration 201',
      'service:registration 201',
    ]);
  });
});
