// Module boundaries of the monorepo, checked by `pnpm check:boundaries` (ADR 0006):
//   depcruise . --config .dependency-cruiser.cjs
// dependency-cruiser 18. It cruises every workspace (apps/*, packages/*, tools/*, bench) and the
// root config files; apps/ may be missing or empty. Paths in rules are relative to the repository
// root, e.g. `apps/registration/src/applications/domain/application.aggregate.ts`.
//
// Workspace packages are imported by name ('@hub/kernel'). So that the check needs no build, each
// name (and each subpath export) is resolved to the TypeScript source behind its package.json
// `exports` (./dist/index.js → ./src/index.ts): see workspaceSourceAliases below. Everything else
// resolves like Node (NodeNext): through node_modules and `exports`.
const fs = require('node:fs');
const path = require('node:path');

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Workspace folders (apps/<name>, packages/<name>, tools/<name>, bench) as listed in
 * pnpm-workspace.yaml, with their package.json. Folders that do not exist yet (apps/) are skipped.
 */
function readWorkspaces() {
  const yaml = fs.readFileSync(path.join(__dirname, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [];
  let inPackages = false;
  for (const line of yaml.split(/\r?\n/)) {
    if (/^packages:\s*$/.test(line)) inPackages = true;
    else if (/^\S/.test(line)) inPackages = false;
    else if (inPackages) {
      const match = /^\s*-\s*["']?([^"'\s#]+)/.exec(line);
      if (match?.[1]) globs.push(match[1]);
    }
  }
  const dirs = globs.flatMap((glob) => {
    if (!glob.endsWith('/*')) return [glob];
    const parent = glob.slice(0, -2);
    const absParent = path.join(__dirname, parent);
    if (!fs.existsSync(absParent)) return [];
    return fs
      .readdirSync(absParent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${parent}/${entry.name}`);
  });
  return dirs
    .filter((dir) => fs.existsSync(path.join(__dirname, dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(fs.readFileSync(path.join(__dirname, dir, 'package.json'), 'utf8')) }));
}

/** '@hub/<name>[/subpath]' → absolute path of the source file behind that `exports` entry. */
function workspaceSourceAliases(workspaces) {
  const alias = {};
  for (const { dir, manifest } of workspaces) {
    if (typeof manifest.name !== 'string') continue;
    const exportsField = typeof manifest.exports === 'string' ? { '.': manifest.exports } : (manifest.exports ?? {});
    for (const [key, target] of Object.entries(exportsField)) {
      const file = typeof target === 'string' ? target : (target?.types ?? target?.import ?? target?.default);
      if (typeof file !== 'string' || !key.startsWith('.') || key.includes('*')) continue;
      const source = file.replace(/^\.\/dist\//, './src/').replace(/(\.d)?\.(ts|js|mjs)$/, '.ts');
      const absSource = path.join(__dirname, dir, source);
      // `$`: exact match only, so '@hub/kernel/src/x.js' is not aliased (and stays a deep import).
      if (fs.existsSync(absSource)) alias[`${manifest.name}${key.slice(1)}$`] = absSource;
    }
  }
  return alias;
}

/**
 * One rule per workspace: it may reach another workspace only if its package.json declares it
 * (pnpm would not link it otherwise; the source aliases above would hide that).
 */
function undeclaredWorkspaceDependencyRules(workspaces) {
  const dirByName = new Map(workspaces.filter((w) => w.manifest.name).map((w) => [w.manifest.name, w.dir]));
  return workspaces.flatMap(({ dir, manifest }) => {
    const declared = new Set(
      ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) => Object.keys(manifest[field] ?? {})),
    );
    const undeclaredDirs = workspaces.map((w) => w.dir).filter((other) => other !== dir && ![...declared].some((name) => dirByName.get(name) === other));
    if (undeclaredDirs.length === 0) return [];
    return [
      {
        name: 'no-undeclared-workspace-dependency',
        severity: 'error',
        comment:
          `${manifest.name ?? dir} uses a workspace package that its package.json does not declare: ` +
          'add it to dependencies ("@hub/<name>": "workspace:*") and run pnpm install.',
        from: { path: `^${escapeRegExp(dir)}/`, pathNot: DIST },
        to: { path: `^(${undeclaredDirs.map(escapeRegExp).join('|')})/` },
      },
    ];
  });
}

const WORKSPACES = readWorkspaces();
const WORKSPACE_DIRS = WORKSPACES.map((w) => escapeRegExp(w.dir)).join('|') || 'apps/[^/]+|packages/[^/]+';
/** Any workspace folder, e.g. `packages/kernel/`; group 1 is the folder. */
const WORKSPACE_DIR = `^(${WORKSPACE_DIRS})/`;

/** Built output of a workspace package: never a source of violations, and never to be imported. */
const DIST = `^(?:${WORKSPACE_DIRS})/dist(/|$)`;

/** Frameworks and drivers that the domain layer must not know about. */
const FRAMEWORKS = ['@mikro-orm/[^/]+', '@nestjs/[^/]+', 'kafkajs', 'pg', 'pg-[a-z-]+', 'express', 'fastify'];
/** Matches both a resolved path (…/node_modules/<pkg>/…) and an unresolved bare name (<pkg>). */
const FRAMEWORK_PATH = `(^|/node_modules/)(${FRAMEWORKS.join('|')})(/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: 'no-app-to-other-app',
      severity: 'error',
      comment:
        'Apps never import other apps (style.md, convention 1): one context = one deployable. ' +
        "Share through packages; another context's integration events and DTOs come from @hub/contracts.",
      from: { path: '^apps/([^/]+)/', pathNot: DIST },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-package-to-app',
      severity: 'error',
      comment: 'Packages are shared by the apps and never depend on one of them.',
      from: { path: '^packages/', pathNot: DIST },
      to: { path: '^apps/' },
    },
    {
      name: 'no-relative-import-across-workspaces',
      severity: 'error',
      comment: "Use another workspace package by its name ('@hub/<name>'), which resolves to its public entry, " + 'never by a relative path into its folder.',
      from: { path: WORKSPACE_DIR, pathNot: DIST },
      to: { path: WORKSPACE_DIR, pathNot: '^$1/', dependencyTypes: ['local'] },
    },
    {
      name: 'no-import-of-dist',
      severity: 'error',
      comment: "Import '@hub/<name>' (its package.json exports), never a file of a dist/ folder: built output " + 'is not source and may be stale or missing.',
      from: { pathNot: DIST },
      to: { path: DIST },
    },
    {
      name: 'no-domain-to-infrastructure-or-interface',
      severity: 'error',
      comment:
        'The domain layer holds the rules and depends on nothing outward: not on infrastructure/ ' +
        '(repositories, adapters) nor on interface/ (controllers, consumers). Invert with a port. ' +
        "Unit tests beside the domain (*.spec.ts) may wire a real adapter: they are not part of the domain's production graph.",
      from: { path: '(^|/)domain/', pathNot: [DIST, '\\.spec\\.ts$'] },
      to: { path: '(^|/)(infrastructure|interface)/' },
    },
    {
      name: 'no-domain-to-framework',
      severity: 'error',
      comment:
        'Domain code is plain TypeScript: no MikroORM, NestJS, Kafka client, database driver or HTTP framework. ' +
        'Map aggregates in infrastructure/ and reach the outside through ports in application/ports.',
      from: { path: '(^|/)domain/', pathNot: DIST },
      to: { path: FRAMEWORK_PATH },
    },
    {
      name: 'no-application-to-infrastructure',
      severity: 'error',
      comment:
        'The application layer (use cases) depends on ports it owns (application/ports), not on ' +
        'infrastructure/ files (repositories, schemas, adapters): the module wires the implementation (ADR 0035 §4). ' +
        'Integration tests and specs may wire a real adapter.',
      from: { path: '(^|/)application/', pathNot: [DIST, '\\.spec\\.ts$'] },
      to: { path: '(^|/)infrastructure/' },
    },
    {
      name: 'kafka-client-only-in-the-adapter',
      severity: 'error',
      comment:
        'The Kafka clients (kafkajs, @platformatic/kafka) stay behind the MessageBus port (ADR 0003, issue #8, ADR 0149): only ' +
        'the messaging adapters (packages/messaging/src/bus/) import them. Tests, tools and benchmarks use the port ' +
        '(createMessageBus) or @hub/testing helpers.',
      from: { pathNot: ['^packages/messaging/src/bus/', DIST] },
      to: { path: '(^|/node_modules/)(kafkajs|@platformatic/kafka)(/|$)' },
    },
    {
      name: 'no-domain-to-application',
      severity: 'warn',
      comment:
        'The domain layer should not depend on the application layer (use cases, ports) either. ' +
        'A warning for now, to become an error once the first contexts settle (ADR 0006).',
      from: { path: '(^|/)domain/', pathNot: DIST },
      to: { path: '(^|/)application/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Circular dependencies (type-only ones included) leave module order and layering undefined. ' +
        'Break the cycle: move the shared part down, or invert it with a port.',
      from: { pathNot: DIST },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'This import resolves to nothing on disk. For an npm package: declare it in the package.json of ' +
        'the importing app or package (pnpm links only declared dependencies) and run pnpm install. ' +
        "For '@hub/<name>/…': only the package's exports are public. " +
        "(The web app's 'virtual:hub-messages/…' (ADR 0128) and 'virtual:hub-document-kinds' (ADR 0045 §4) modules are served by its Vite plugins.)",
      from: { pathNot: DIST },
      to: { couldNotResolve: true, pathNot: '^virtual:hub-(messages/|document-kinds$)' },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment:
        'This module imports an npm package that its own package.json does not declare (it resolves only ' +
        "through the root's node_modules). Declare it in the app's or package's package.json.",
      from: { pathNot: DIST },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    ...undeclaredWorkspaceDependencyRules(WORKSPACES),
    {
      name: 'pii-test-key-ring-only-in-tests',
      severity: 'error',
      comment:
        "@hub/pii/testing's key ring (F-42, ADR 0022) is random keys for tests: production code reads its ring from HUB_PII_KEYS. " +
        'Only specs, test/ folders and the package itself may import it.',
      from: { path: '^(apps|packages)/[^/]+/src/', pathNot: ['\\.(spec|test)\\.ts$', '^packages/pii/src/testing\\.ts$', DIST] },
      to: { path: '^packages/pii/(src|dist)/testing\\.(ts|js|d\\.ts)$' },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'warn',
      comment: 'Production code imports a package declared only in devDependencies: move it to dependencies, ' + 'or keep the import in tests.',
      from: { path: '^(apps|packages)/[^/]+/src/', pathNot: ['\\.(spec|test)\\.ts$', DIST] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    // Not cruised at all: git and local state, non-code folders, coverage reports, turbo's cache.
    exclude: { path: ['^(\\.git|\\.hub|\\.ci|docs|docker)(/|$)', '(^|/)(coverage|\\.turbo|test-results)(/|$)'] },
    // Reported as dependencies, never followed into (nor cruised as sources): npm packages and
    // built output.
    doNotFollow: { path: ['(^|/)node_modules(/|$)', DIST] },
    // Type-only imports are dependencies too (a domain file must not even type-import infrastructure).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    // Source aliases for workspace packages (see the end of this file).
    webpackConfig: { fileName: '.dependency-cruiser.cjs' },
    // Resolve like Node with NodeNext: package.json `exports`, TypeScript's `types` condition first.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      mainFields: ['types', 'module', 'main'],
    },
    moduleSystems: ['es6', 'cjs'],
    skipAnalysisNotInRules: true,
  },
};

// dependency-cruiser takes resolver aliases only from a webpack config, so this file doubles as
// one (options.webpackConfig points here). `resolve` is non-enumerable so that dependency-cruiser's
// schema check of its own configuration (which allows no extra keys) does not see it.
Object.defineProperty(config, 'resolve', {
  enumerable: false,
  value: { alias: workspaceSourceAliases(WORKSPACES) },
});

module.exports = config;
