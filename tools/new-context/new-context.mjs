#!/usr/bin/env node
// tools/hub new-context <name> [--port N] [--database hub_<name>] [--title "Title"] [--root DIR] [--dry-run]
//
// Creates apps/<name> from tools/templates/context (ADR 0035's way of building a context, ADR 0037)
// and registers it where the platform lists its contexts. Every edit of a shared file is idempotent:
// run it twice and the second run changes nothing; each line it prints says what it did to which file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const TEMPLATE_DIR = join(HERE, '..', 'templates', 'context');

/** Ports reserved by docker/compose.yaml for the contexts planned before the generator existed. */
const RESERVED_PORTS = { services: 3103, housing: 3104, training: 3105, clusters: 3106 };

const USAGE = `usage: tools/hub new-context <name> [--port N] [--database hub_<name>] [--title "Title"] [--dry-run]
  <name>       one lower-case word (a-z, 0-9), e.g. services, housing, training, clusters, notifications
  --port       its HTTP port under tools/hub up (default: reserved one, else the next free from 3103)
  --database   its PostgreSQL database (default hub_<name>)
  --title      its human name (default: the name, capitalised)
  --dry-run    print what would change, change nothing`;

export function parseArgs(argv) {
  const opts = { dryRun: false };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--dry-run') opts.dryRun = true;
    else if (a === '-h' || a === '--help') throw new UsageError('');
    else if (a.startsWith('--port')) opts.port = Number(value());
    else if (a.startsWith('--database')) opts.database = value();
    else if (a.startsWith('--title')) opts.title = value();
    else if (a.startsWith('--root')) opts.root = value();
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else rest.push(a);
  }
  if (rest.length !== 1) throw new UsageError('give exactly one context name');
  opts.name = rest[0];
  return opts;
}

export class UsageError extends Error {}

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every apps/<dir>/package.json with a hub block: { dir, port, database }. */
function existingApps(root) {
  const apps = join(root, 'apps');
  if (!existsSync(apps)) return [];
  return readdirSync(apps)
    .filter((d) => existsSync(join(apps, d, 'package.json')))
    .map((d) => ({ dir: d, hub: readJson(join(apps, d, 'package.json')).hub }))
    .filter((a) => a.hub)
    .map((a) => ({ dir: a.dir, port: a.hub.port, database: a.hub.database }));
}

/** The workspace's package directories (the `packages:` globs of pnpm-workspace.yaml: `dir/*` or `dir`). */
function workspaceDirs(root) {
  const file = join(root, 'pnpm-workspace.yaml');
  const globs = [];
  if (existsSync(file)) {
    let inPackages = false;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (/^packages:\s*$/.test(line)) inPackages = true;
      else if (inPackages && /^\s+-\s+/.test(line))
        globs.push(
          line
            .replace(/^\s+-\s+/, '')
            .replace(/^['"]|['"]$/g, '')
            .trim(),
        );
      else if (inPackages && /^\S/.test(line)) inPackages = false;
    }
  }
  return (globs.length ? globs : ['apps/*', 'packages/*', 'tools/*']).flatMap((g) => {
    if (!g.endsWith('/*')) return [g];
    const base = g.slice(0, -2);
    const dir = join(root, base);
    return existsSync(dir) ? readdirSync(dir).map((d) => `${base}/${d}`) : [];
  });
}

/** Every workspace package by name → its directory (relative to the root). */
function workspacePackages(root) {
  const byName = new Map();
  for (const dir of ['.', ...workspaceDirs(root)]) {
    const file = join(root, dir, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const name = readJson(file).name;
      if (name) byName.set(name, dir);
    } catch {
      // a broken package.json is not this tool's business
    }
  }
  return byName;
}

/**
 * The generated app is the workspace package `@hub/<name>`: refuse a name whose package exists
 * anywhere else (e.g. `documents` — packages/documents is @hub/documents, the PDF renderer).
 * apps/<name> being @hub/<name> is this generator's own earlier run, not a clash.
 */
function refusePackageClash(root, name) {
  const packages = workspacePackages(root);
  const dir = packages.get(`@hub/${name}`);
  if (dir === undefined || dir === `apps/${name}`) return;
  const free = [`${name}ctx`, `${name}svc`, `${name}app`].filter((n) => n.length <= 30 && !packages.has(`@hub/${n}`) && !existsSync(join(root, 'apps', n)));
  throw new UsageError(
    `'${name}' clashes: the generated app would be the package @hub/${name}, which ${dir} already is.\n` +
      `  Pick another context name${free.length ? ` (e.g. ${free.map((n) => `'${n}'`).join(' or ')})` : ''}, or rename the existing package first.`,
  );
}

export function resolveOptions(opts) {
  const root = opts.root ?? join(HERE, '..', '..');
  const name = opts.name;
  if (!/^[a-z][a-z0-9]{1,29}$/.test(name)) throw new UsageError(`'${name}' is not a context name: one lower-case word, a-z and 0-9, 2 to 30 characters`);
  if (['admin', 'gateway', 'hub', 'test', 'testing', 'kernel', 'contracts', 'platform'].includes(name)) throw new UsageError(`'${name}' is reserved`);
  refusePackageClash(root, name);
  const apps = existingApps(root);
  const used = new Set(apps.map((a) => a.port));
  const self = apps.find((a) => a.dir === name); // a second run: the app keeps its own port and database
  let port = opts.port ?? self?.port ?? RESERVED_PORTS[name];
  if (port === undefined) {
    const taken = new Set([...used, ...Object.values(RESERVED_PORTS)]);
    port = 3103;
    while (taken.has(port)) port++;
  }
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new UsageError(`--port must be a whole number from 1024 to 65535 (is ${opts.port})`);
  const clash = apps.find((a) => a.port === port && a.dir !== name);
  if (clash) throw new UsageError(`port ${port} is apps/${clash.dir}'s: pick another with --port`);
  const database = opts.database ?? self?.database ?? `hub_${name}`;
  if (!/^hub_[a-z0-9_]{1,40}$/.test(database)) throw new UsageError(`--database must look like hub_<name> (is ${database})`);
  return { root, name, port, database, title: opts.title ?? capitalise(name), dryRun: opts.dryRun };
}

function tokensOf(o) {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return {
    __name__: o.name,
    __camel__: o.name,
    __Name__: capitalise(o.name),
    __UPPER__: o.name.toUpperCase(),
    __Title__: o.title,
    __port__: String(o.port),
    __database__: o.database,
    __stamp__: stamp,
  };
}

function substitute(text, tokens) {
  // Longest first, so that __Name__ is not eaten by a shorter token.
  let out = text;
  for (const [k, v] of Object.entries(tokens).sort((a, b) => b[0].length - a[0].length)) out = out.split(k).join(v);
  return out;
}

function walk(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Collects what a run does, so that it can be printed (and, in a dry run, not done). */
class Changes {
  constructor(root, dryRun) {
    this.root = root;
    this.dryRun = dryRun;
    this.lines = [];
  }
  note(action, file, detail = '') {
    this.lines.push({ action, file: relative(this.root, file), detail });
  }
  write(file, text, action, detail) {
    if (!this.dryRun) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    this.note(action, file, detail);
  }
  print(log) {
    for (const l of this.lines) log(`  ${l.action.padEnd(9)} ${l.file}${l.detail ? `  (${l.detail})` : ''}`);
  }
  get changed() {
    return this.lines.filter((l) => !['unchanged', 'skipped', 'formatted'].includes(l.action)).length;
  }
}

/** Template files → their place in the workspace: contracts/ → packages/contracts/src/<name>/, the rest → apps/<name>/. */
function renderTemplates(o, tokens, changes) {
  const appDir = join(o.root, 'apps', o.name);
  if (existsSync(join(appDir, 'package.json'))) {
    changes.note('skipped', appDir, 'exists: the app is never overwritten');
  } else {
    for (const file of walk(TEMPLATE_DIR)) {
      const rel = relative(TEMPLATE_DIR, file);
      if (rel.startsWith(`contracts/`) || !rel.endsWith('.tmpl')) continue;
      const target = join(appDir, substitute(rel.slice(0, -'.tmpl'.length), tokens));
      changes.write(target, substitute(readFileSync(file, 'utf8'), tokens), 'created');
    }
  }
  const contractsDir = join(o.root, 'packages', 'contracts', 'src', o.name);
  for (const file of walk(join(TEMPLATE_DIR, 'contracts'))) {
    const target = join(contractsDir, relative(join(TEMPLATE_DIR, 'contracts'), file).slice(0, -'.tmpl'.length));
    if (existsSync(target)) changes.note('unchanged', target, 'exists');
    else changes.write(target, substitute(readFileSync(file, 'utf8'), tokens), 'created', 'published language');
  }
}

/** Inserts `insertion` before the first line matching `before` after the line matching `after`. */
function insertBefore(text, after, before, insertion) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => after.test(l));
  if (start < 0) return undefined;
  const at = lines.findIndex((l, i) => i > start && before.test(l));
  if (at < 0) return undefined;
  lines.splice(at, 0, ...insertion.replace(/\n$/, '').split('\n'));
  return lines.join('\n');
}

function edit(changes, file, fn, what) {
  if (!existsSync(file)) {
    changes.note('MISSING', file, `cannot ${what}: do it by hand`);
    return;
  }
  const before = readFileSync(file, 'utf8');
  const result = fn(before);
  if (result === undefined) changes.note('MANUAL', file, `could not find where to ${what}: do it by hand`);
  else if (result === before) changes.note('unchanged', file, `${what}: already there`);
  else changes.write(file, result, 'updated', what);
}

function registerTopic(o, changes) {
  edit(
    changes,
    join(o.root, 'packages', 'contracts', 'src', 'topics.ts'),
    (text) => {
      const block = /export const TOPICS = \{[\s\S]*?\n\} as const/.exec(text)?.[0];
      if (block === undefined) return undefined;
      if (new RegExp(`\\n\\s+${o.name}: \\{`).test(block)) return text;
      return insertBefore(
        text,
        /^export const TOPICS = \{/,
        /^\} as const/,
        `  ${o.name}: { name: 'hub.${o.name}.events.v1', partitions: 3, retentionMs: 30 * DAY },`,
      );
    },
    `topic hub.${o.name}.events.v1 in TOPICS`,
  );
  edit(
    changes,
    join(o.root, 'packages', 'contracts', 'src', 'index.ts'),
    (text) => {
      const line = `export * from './${o.name}/index.js';`;
      return text.includes(line) ? text : `${text.replace(/\n*$/, '\n')}${line}\n`;
    },
    `export of ./${o.name}/index.js`,
  );
}

function registerDatabase(o, changes) {
  edit(
    changes,
    join(o.root, 'tools', 'dev-stack', 'stack.sh'),
    (text) => {
      const m = /^DATABASES=\(([^)]*)\)$/m.exec(text);
      if (!m) return undefined;
      const dbs = m[1].split(/\s+/).filter(Boolean);
      if (dbs.includes(o.database)) return text;
      let out = text.replace(m[0], `DATABASES=(${[...dbs, o.database].join(' ')})`);
      // The header comment lists them too.
      out = out.replace(/^(# Databases: )([^.\n]*)(\.?)/m, (all, head, list, dot) =>
        list.split(/\s+/).includes(o.database) ? all : `${head}${list} ${o.database}${dot}`,
      );
      return out;
    },
    `database ${o.database} in DATABASES`,
  );
}

/** Marker comments in the gateway's files: a generated context's lines go right above them (ADR 0037). */
export const GATEWAY_MARKERS = {
  routes: '// @new-context:routes',
  notProxied: '// @new-context:not-proxied',
  expectedPolicy: '// @new-context:expected-policy',
};

/** Inserts `insertion` (lines) right above the line holding `marker`; undefined when the marker is missing. */
function insertAboveMarker(text, marker, insertion) {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim().startsWith(marker));
  if (at < 0) return undefined;
  lines.splice(at, 0, ...insertion.replace(/\n$/, '').split('\n'));
  return lines.join('\n');
}

/**
 * The gateway's route table (src/access/route-table.ts) gets the template's three routes and
 * `/metrics` as not proxied; its authorisation-matrix test gets the same routes in its hand-written
 * EXPECTED_POLICY, written out role by role (the test compares the table with it, so generating a
 * context never breaks the gateway's tests). The test harness starts a stub for every context the
 * table names, so nothing else is needed there. Each at its `@new-context:` marker; idempotent.
 */
function registerGatewayRoutes(o, changes) {
  const staff = "'fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'housing-manager', 'training-officer', 'auditor'";
  const routes = [
    `  // ---- ${o.name} (generated by tools/hub new-context; keep in step with its controllers and the gateway's EXPECTED_POLICY) ----`,
    `  { upstream: '${o.name}', method: 'POST', path: '/requests', access: ['applicant'], summary: 'Open a request (${o.title})' },`,
    `  { upstream: '${o.name}', method: 'GET', path: '/requests', access: ['applicant', ${staff}], summary: 'Requests of ${o.title} (an applicant: its own companies, F-35)', companyQuery: 'bin' },`,
    `  { upstream: '${o.name}', method: 'GET', path: '/requests/:id', access: ['applicant', ${staff}], summary: 'One request of ${o.title}' },`,
  ].join('\n');
  const generatedRoute = `upstream: '${o.name}', method: 'POST', path: '/requests'`;
  // Whether the table holds the generated routes after this run (decides the policy's lines below).
  let tableHasGenerated = false;
  edit(
    changes,
    join(o.root, 'apps', 'admin-gateway', 'src', 'access', 'route-table.ts'),
    (text) => {
      let out = text;
      const table = out.split('export const NOT_PROXIED')[0] ?? '';
      if (out.includes(generatedRoute)) tableHasGenerated = true;
      else if (!new RegExp(`\\(\\s*'${o.name}'|upstream: '${o.name}'`).test(table)) {
        // A context the table does not know yet (one with routes of its own is left as it is).
        out = insertAboveMarker(out, GATEWAY_MARKERS.routes, routes);
        if (out === undefined) return undefined;
        tableHasGenerated = true;
      }
      const metrics = `  { upstream: '${o.name}', method: 'GET', path: '/metrics', reason: 'Prometheus scrape target: scraped on the internal network, not through the front door' },`;
      if (!out.includes(`upstream: '${o.name}', method: 'GET', path: '/metrics'`)) {
        out = insertAboveMarker(out, GATEWAY_MARKERS.notProxied, metrics);
        if (out === undefined) return undefined;
      }
      return out;
    },
    `routes of ${o.name} (POST/GET /requests, GET /requests/:id; /metrics not proxied)`,
  );
  const who = "[A, FO, FIN, CM, CS, 'housing-manager', 'training-officer', AUD]";
  const policy = [
    `  // ${o.name} (generated by tools/hub new-context from its template's @Endpoint access; rewrite by hand from the rules when the routes change)`,
    `  '${o.name} POST /requests': [A],`,
    `  '${o.name} GET /requests': ${who}, // the company (F-35) and the Fund's staff`,
    `  '${o.name} GET /requests/:id': ${who},`,
  ].join('\n');
  edit(
    changes,
    join(o.root, 'apps', 'admin-gateway', 'test', 'authorisation-matrix.int.spec.ts'),
    (text) => {
      if (text.includes(`'${o.name} `)) return text; // the policy knows this context already
      if (!tableHasGenerated) return text; // the table holds routes of its own for it: its author writes their policy
      return insertAboveMarker(text, GATEWAY_MARKERS.expectedPolicy, policy);
    },
    `expected policy of ${o.name} in the gateway's authorisation matrix`,
  );
}

function registerCompose(o, changes) {
  const hostPort = o.port - 100;
  const block = `
  # ${o.name} (generated by tools/hub new-context)
  db-${o.name}:
    <<: *postgres
    environment:
      <<: *postgres-env
      POSTGRES_DB: ${o.database}
    volumes:
      - db-${o.name}:/var/lib/postgresql/data

  migrate-${o.name}:
    <<: *migrate
    image: hub/${o.name}:local
    environment:
      DATABASE_URL: postgres://hub:\${HUB_DB_PASSWORD:-hub}@db-${o.name}:5432/${o.database}
    depends_on:
      db-${o.name}:
        condition: service_healthy

  ${o.name}:
    <<: *app
    build:
      context: ..
      dockerfile: docker/app.Dockerfile
      args:
        APP: ${o.name}
    image: hub/${o.name}:local
    environment:
      <<: *app-env
      DATABASE_URL: postgres://hub:\${HUB_DB_PASSWORD:-hub}@db-${o.name}:5432/${o.database}
    ports:
      - "127.0.0.1:${hostPort}:3000"
    depends_on:
      db-${o.name}:
        condition: service_healthy
      kafka:
        condition: service_healthy
      topics:
        condition: service_completed_successfully
      migrate-${o.name}:
        condition: service_completed_successfully
`;
  edit(
    changes,
    join(o.root, 'docker', 'compose.yaml'),
    (text) => {
      if (new RegExp(`^  ${o.name}:\\s*$`, 'm').test(text)) return text; // declared already (the "later" profile has services, housing, training, clusters)
      const lines = text.split('\n');
      const volumes = lines.findIndex((l) => /^volumes:\s*$/.test(l));
      if (volumes < 0) return undefined;
      lines.splice(volumes, 0, ...block.replace(/^\n/, '').split('\n'));
      let out = lines.join('\n');
      if (!new RegExp(`^  db-${o.name}:\\s*$`, 'm').test(out.split(/^volumes:\s*$/m)[1] ?? '')) out = `${out.replace(/\n*$/, '\n')}  db-${o.name}:\n`;
      return out;
    },
    `services db-${o.name}, migrate-${o.name}, ${o.name} (127.0.0.1:${hostPort}) and volume db-${o.name}`,
  );
}

/**
 * Formats what the generator created with the workspace's Prettier (the repository's .prettierrc.json),
 * so that the generated code is formatted whatever the context's name does to line lengths — and the
 * shared files it edited (route table, matrix, compose, contracts), which `tools/hub test`'s format
 * check reads too (a generated route longer than a line failed CI once). Files Prettier has no parser
 * for (stack.sh) are skipped. Without an installed Prettier it says so and goes on.
 */
function formatCreated(o, changes) {
  const created = changes.lines.filter((l) => l.action === 'created' || l.action === 'updated').map((l) => l.file);
  if (o.dryRun || created.length === 0) return;
  const prettier = join(o.root, 'node_modules', '.bin', 'prettier');
  if (!existsSync(prettier)) {
    changes.note('skipped', join(o.root, 'apps', o.name), 'not formatted: Prettier is not installed (pnpm install, then pnpm format)');
    return;
  }
  const r = spawnSync(prettier, ['--write', '--ignore-unknown', '--log-level', 'warn', ...created], { cwd: o.root, encoding: 'utf8' });
  if (r.status === 0) changes.note('formatted', join(o.root, 'apps', o.name), `${created.length} files, Prettier`);
  else
    changes.note('MANUAL', join(o.root, 'apps', o.name), `Prettier failed (${r.status}): ${(r.stderr || r.stdout || String(r.error)).trim().split('\n')[0]}`);
}

export function generate(argv, log = console.log) {
  const o = resolveOptions(parseArgs(argv));
  const tokens = tokensOf(o);
  const changes = new Changes(o.root, o.dryRun);
  renderTemplates(o, tokens, changes);
  formatCreated(o, changes);
  registerTopic(o, changes);
  registerDatabase(o, changes);
  registerGatewayRoutes(o, changes);
  registerCompose(o, changes);
  log(`${o.dryRun ? 'would create' : 'new context'} ${o.name}: apps/${o.name}, port ${o.port}, database ${o.database}, topic hub.${o.name}.events.v1`);
  changes.print(log);
  log(`  automatic  tools/hub up and CI (tools/hub test → turbo) pick the app up from its package.json "hub" block`);
  log(`  automatic  the gateway's test harness starts a stub for every context its route table names`);
  const manual = changes.lines.filter((l) => l.action === 'MANUAL' || l.action === 'MISSING');
  if (!o.dryRun) {
    log(`
Next:
  pnpm install                                   # links apps/${o.name} (commit pnpm-lock.yaml with it)
  pnpm exec turbo run build --filter=@hub/${o.name}...
  pnpm --filter @hub/${o.name} run typecheck && pnpm --filter @hub/${o.name} run lint
  HUB_PG_URL=postgres://postgres@127.0.0.1:5432 HUB_KAFKA_BROKERS=127.0.0.1:9092 pnpm --filter @hub/${o.name} run test
  then read apps/${o.name}/README.md: replace every TODO and the placeholder rule F-00.
  The gateway reaches it when it knows its URL: HUB_GATEWAY_UPSTREAMS='{"${o.name}":"http://127.0.0.1:${o.port}"}'.`);
  }
  return { options: o, changes: changes.lines, changed: changes.changed, manual: manual.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const result = generate(process.argv.slice(2));
    process.exitCode = result.manual > 0 ? 3 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) process.stderr.write(`new-context: ${e.message}\n`);
      process.stderr.write(`${USAGE}\n`);
      process.exitCode = 2;
    } else throw e;
  }
}
