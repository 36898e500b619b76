import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testKafkaBrokers, type TestDatabase } from '@hub/testing';
import { registrationOrmConfig } from '../../src/mikro-orm.config.js';
import { type Harness, startHarness } from '../support/registration-harness.js';

const run = promisify(execFile);
const SEED = fileURLToPath(new URL('../../dist/cli/seed.js', import.meta.url));

describe('seed (src/cli/seed.ts, run as built: node dist/cli/seed.js)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    const { clientUrl: _unused, ...ormOptions } = registrationOrmConfig('postgres://unused');
    db = await createTestDatabase('reg_seed', { ...ormOptions, migrate: async (orm) => void (await orm.migrator.up()) });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('fills every state through the real commands, with listed participants and outbox events, and is idempotent', async () => {
    expect(existsSync(SEED), 'build the app first (turbo: test depends on build)').toBe(true);
    const env = { ...process.env, DATABASE_URL: db.url, HUB_KAFKA_BROKERS: testKafkaBrokers().join(',') };
    const first = await run('node', [SEED], { env });
    expect(first.stdout).toMatch(/13 new application\(s\); 14 application\(s\) and 4 listed participant\(s\)/);
    const em = db.orm.em.fork();
    const states = (await em.execute<{ status: string }[]>(`select distinct status from registration_application`)).map((r) => r.status).sort();
    expect(states).toEqual([
      'certificate-issued',
      'contract-signed',
      'draft',
      'listed',
      'refused',
      'registered',
      'remarks-issued',
      'resubmitted',
      'submitted',
      'with-commission',
    ]);
    const events = (await em.execute<{ event_type: string }[]>(`select distinct event_type from hub_outbox`)).map((r) => r.event_type);
    expect(events).toEqual(
      expect.arrayContaining(['registration.participant-registered', 'registration.activity-types-changed', 'registration.decision-made']),
    );
    const second = await run('node', [SEED], { env });
    expect(second.stdout).toMatch(/0 new application\(s\); 14 application\(s\)/);
  });
});

describe('OpenAPI', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('reg_openapi');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('documents every registration endpoint with its access rule, generated from the zod schemas', async () => {
    const doc = (await h.http().get('/openapi.json')).body as { paths: Record<string, Record<string, { 'x-hub-access'?: unknown; requestBody?: unknown }>> };
    for (const path of [
      '/applications',
      '/applications/{id}',
      '/applications/{id}/submit',
      '/applications/{id}/resubmit',
      '/applications/{id}/remarks',
      '/applications/{id}/send-to-commission',
      '/applications/{id}/votes',
      '/applications/{id}/decision',
      '/applications/{id}/notification',
      '/applications/{id}/contract',
      '/applications/{id}/certificate',
      '/applications/{id}/certificate.pdf',
      '/applications/{id}/listing',
      '/review-queue',
      '/deadlines',
      '/commission/agenda',
      '/translation-tasks',
      '/registry',
      '/registry/export',
      '/registry/certificates/{number}',
      '/activity-types',
      '/metrics',
      '/participants/{bin}',
      '/participants/{bin}/address',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/applications/{id}/decision']!['post']!['x-hub-access']).toEqual(['commission-secretary']);
    expect(doc.paths['/registry']!['get']!['x-hub-access']).toBeUndefined();
    expect(doc.paths['/applications/{id}']!['patch']!.requestBody).toBeDefined();
    // The documented success status is the one the route answers: @HttpCode(200) on a POST that moves a
    // state (submit) is documented 200, a POST that creates (the draft) 201 — the generated client keys on it.
    const statuses = (path: string, verb: string) =>
      Object.keys((doc.paths[path]![verb] as unknown as { responses: object }).responses).filter((s) => s < '300');
    expect(statuses('/applications/{id}/submit', 'post')).toEqual(['200']);
    expect(statuses('/applications', 'post')).toEqual(['201']);
  });
});
