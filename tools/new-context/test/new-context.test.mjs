// The generator's proof (ADR 0037): generate a context into a scratch copy of the workspace (the
// committed tree, `git archive HEAD`, plus this working copy's generator and templates), install
// offline from the shared pnpm store, build only what the new app needs, and run the generated
// app's typecheck, lint and tests (unit, integration on the real PostgreSQL, e2e over the real
// Kafka). The repository itself is never written to. Needs HUB_PG_URL and HUB_KAFKA_BROKERS
// (tools/hub stack up). node:test, so that the generator needs no dependency of its own.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const TOOL = dirname(dirname(fileURLToPath(import.meta.url)));
const REPO = join(TOOL, '..', '..');
const NAME = 'sample';

let scratch;
const run = (cmd, args, cwd = scratch, env = {}, ok = [0]) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error || (ok !== 'any' && !ok.includes(r.status)))
    assert.fail(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout?.slice(-4000)}\n${r.stderr?.slice(-4000)}`);
  return r.stdout;
};
const generate = (...args) => run('node', [join(scratch, 'tools/new-context/new-context.mjs'), ...args]);

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'hub-new-context-'));
  execFileSync('sh', ['-c', `git -C "${REPO}" archive HEAD | tar -x -C "${scratch}"`]);
  rmSync(join(scratch, 'tools/new-context'), { recursive: true, force: true });
  rmSync(join(scratch, 'tools/templates'), { recursive: true, force: true });
  cpSync(TOOL, join(scratch, 'tools/new-context'), { recursive: true, filter: (p) => !p.includes('node_modules') });
  cpSync(join(REPO, 'tools/templates'), join(scratch, 'tools/templates'), { recursive: true });
  // A workspace as a developer has it (node_modules, so the generator finds the workspace's Prettier).
  // --no-frozen-lockfile: under CI (CI=true) pnpm defaults to --frozen-lockfile, which refuses a
  // workspace with an importer the lockfile lacks (ERR_PNPM_PACKAGE_MANAGER_NO_IMPORTER).
  run('pnpm', ['install', '--offline', '--no-frozen-lockfile', '--reporter=append-only']);
});
after(() => {
  // The repository itself was never written to.
  assert.equal(existsSync(join(REPO, 'apps', NAME)), false, `${join(REPO, 'apps', NAME)} must not exist`);
  if (scratch && !process.env.HUB_KEEP_SCRATCH) rmSync(scratch, { recursive: true, force: true });
});

describe('tools/hub new-context', () => {
  it('refuses a bad name, a taken port and a name whose workspace package exists, writing nothing', () => {
    for (const args of [['Bad-Name'], ['x'], ['sample', '--port', '3101']]) {
      const r = spawnSync('node', [join(scratch, 'tools/new-context/new-context.mjs'), ...args], { cwd: scratch, encoding: 'utf8' });
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    }
    assert.equal(existsSync(join(scratch, 'apps', NAME)), false);
    // packages/documents is @hub/documents (the PDF renderer): a context 'documents' would be that package too.
    const shared = [
      'apps/admin-gateway/src/access/route-table.ts',
      'apps/admin-gateway/test/authorisation-matrix.int.spec.ts',
      'packages/contracts/src/topics.ts',
      'docker/compose.yaml',
    ];
    const read = () => shared.map((f) => readFileSync(join(scratch, f), 'utf8'));
    const before = read();
    const r = spawnSync('node', [join(scratch, 'tools/new-context/new-context.mjs'), 'documents'], { cwd: scratch, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /'documents' clashes: the generated app would be the package @hub\/documents, which packages\/documents already is/);
    assert.match(r.stderr, /Pick another context name \(e\.g\. 'documentsctx'/);
    assert.deepEqual(read(), before, 'a refused name writes nothing');
  });

  it('generates apps/sample and registers it; a second run changes nothing', () => {
    const first = generate(NAME);
    assert.match(first, /created +apps\/sample\/src\/app\.module\.ts/);
    assert.match(first, /formatted +apps\/sample +\(\d+ files, Prettier\)/);
    for (const f of [
      'packages/contracts/src/topics.ts',
      'packages/contracts/src/index.ts',
      'tools/dev-stack/stack.sh',
      'apps/admin-gateway/src/access/route-table.ts',
      'apps/admin-gateway/test/authorisation-matrix.int.spec.ts',
      'docker/compose.yaml',
    ]) {
      assert.match(first, new RegExp(`updated +${f.replace(/[./]/g, '\\$&')}`), `${f} registered`);
    }
    const pkg = JSON.parse(readFileSync(join(scratch, 'apps/sample/package.json'), 'utf8'));
    // The next free port from 3103 past the reserved ones (services … clusters) and the apps' own.
    const taken = new Set(
      readdirSync(join(scratch, 'apps'))
        .filter((d) => d !== NAME && existsSync(join(scratch, 'apps', d, 'package.json')))
        .map((d) => JSON.parse(readFileSync(join(scratch, 'apps', d, 'package.json'), 'utf8')).hub?.port)
        .concat([3103, 3104, 3105, 3106]),
    );
    let port = 3103;
    while (taken.has(port)) port++;
    assert.deepEqual(pkg.hub, { port, database: 'hub_sample' });
    // The gateway's table and its hand-written policy got the same three routes, above their markers.
    const table = readFileSync(join(scratch, 'apps/admin-gateway/src/access/route-table.ts'), 'utf8');
    const policy = readFileSync(join(scratch, 'apps/admin-gateway/test/authorisation-matrix.int.spec.ts'), 'utf8');
    assert.match(table, /upstream: 'sample', method: 'GET', path: '\/requests\/:id'.*\n(.*\n)*\s*\/\/ @new-context:routes/);
    assert.match(policy, /'sample POST \/requests': \[A\],\n(.*\n)*\s*\/\/ @new-context:expected-policy/);
    assert.equal(pkg.scripts.lint, 'eslint src test');
    // The README lists the example consumer (what it consumes, its group, its handler).
    assert.match(
      readFileSync(join(scratch, 'apps/sample/README.md'), 'utf8'),
      /`registration\.participant-registered` v1 \| `hub\.registration\.events\.v1` \| `sample\.registration-events`/,
    );
    assert.match(readFileSync(join(scratch, 'tools/dev-stack/stack.sh'), 'utf8'), /^DATABASES=\(.* hub_sample\)$/m);
    assert.match(readFileSync(join(scratch, 'packages/contracts/src/topics.ts'), 'utf8'), /sample: \{ name: 'hub\.sample\.events\.v1'/);
    const second = generate(NAME);
    assert.doesNotMatch(second, /^ +(created|updated) /m, second);
    assert.match(second, /skipped +apps\/sample/);
  });

  it("leaves the gateway's policy to the author of a context whose table routes are its own, and says MANUAL (exit 3) without a marker", () => {
    const tableFile = join(scratch, 'apps/admin-gateway/src/access/route-table.ts');
    const policyFile = join(scratch, 'apps/admin-gateway/test/authorisation-matrix.int.spec.ts');
    const table = readFileSync(tableFile, 'utf8');
    const policy = readFileSync(policyFile, 'utf8');
    try {
      // A context whose routes someone already wrote into the table (as documents did): no template policy for it.
      writeFileSync(
        tableFile,
        table.replace(
          '  // @new-context:routes',
          "  { upstream: 'legacy', method: 'GET', path: '/things', access: ['fund-officer'], summary: 'x' },\n  // @new-context:routes",
        ),
      );
      const own = generate('legacy', '--dry-run');
      assert.match(own, /unchanged +apps\/admin-gateway\/test\/authorisation-matrix\.int\.spec\.ts/, own);
      // Without the policy's marker the generator does not guess where to write.
      writeFileSync(tableFile, table);
      writeFileSync(policyFile, policy.replace('// @new-context:expected-policy', '// (marker removed)'));
      const r = spawnSync('node', [join(scratch, 'tools/new-context/new-context.mjs'), 'other', '--dry-run'], { cwd: scratch, encoding: 'utf8' });
      assert.equal(r.status, 3, r.stdout + r.stderr);
      assert.match(r.stdout, /MANUAL +apps\/admin-gateway\/test\/authorisation-matrix\.int\.spec\.ts/);
    } finally {
      writeFileSync(tableFile, table);
      writeFileSync(policyFile, policy);
    }
  });

  it('the generated app typechecks, lints and passes its unit, integration and e2e tests; the gateway typechecks and its authorisation matrix passes with the new routes', () => {
    run('pnpm', ['install', '--offline', '--no-frozen-lockfile', '--reporter=append-only']);
    // The app and what it needs, and what the gateway's tests need (not the gateway itself: tests run its sources).
    run('pnpm', [
      'exec',
      'turbo',
      'run',
      'build',
      '--filter=@hub/sample...',
      '--filter=@hub/admin-gateway^...',
      '--output-logs=errors-only',
      '--concurrency=2',
    ]);
    run('pnpm', ['--filter', '@hub/sample', 'run', 'typecheck']);
    run('pnpm', ['--filter', '@hub/sample', 'run', 'lint']);
    run('pnpm', ['exec', 'prettier', '--check', 'apps/sample', 'packages/contracts/src/sample']);
    // Layering (ADR 0035 §4, ADR 0006): no boundary rule broken by a file of the new context.
    const cruise = JSON.parse(
      run(
        'pnpm',
        ['exec', 'depcruise', 'apps/sample', 'packages/contracts/src/sample', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
        scratch,
        {},
        'any',
      ),
    );
    const mine = cruise.summary.violations.filter((v) => /^(apps\/sample|packages\/contracts\/src\/sample)\//.test(v.from));
    assert.deepEqual(
      mine.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`),
      [],
    );
    const out = run('pnpm', ['--filter', '@hub/sample', 'run', 'test'], scratch, { HUB_TEST_REPORT_DIR: '', NO_COLOR: '1' }).replace(/\x1b\[[0-9;]*m/g, '');
    // The two domain specs, requests.int, participants.int (the consumer and its inbox) and the e2e.
    assert.match(out, /Test Files +5 passed/);
    // The gateway still accepts its route table with the new routes in it, and its authorisation
    // matrix (table = hand-written policy, every route × every role) passes with them.
    run('pnpm', ['--filter', '@hub/admin-gateway', 'run', 'typecheck']);
    const matrix = run('pnpm', ['--filter', '@hub/admin-gateway', 'exec', 'vitest', 'run', 'test/authorisation-matrix.int.spec.ts'], scratch, {
      NO_COLOR: '1',
    }).replace(/\x1b\[[0-9;]*m/g, '');
    assert.match(matrix, /Test Files +1 passed/);
  });
});
