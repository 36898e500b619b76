import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOPICS, dlqTopicOf, topicSpecs, type TopicSpec } from '@hub/contracts';

/**
 * What the code says the platform is (ADR 0100): the deployables under apps/ (package.json `hub`
 * field), the topics of `topicSpecs()`, and which topics each context consumes (read from its
 * sources). The manifests are generated from this, so a new context cannot be forgotten.
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export type AppKind = 'context' | 'gateway' | 'web';

export interface AppFacts {
  /** Directory under apps/ = Kubernetes name = context name in TOPICS (for contexts). */
  readonly name: string;
  readonly packageName: string;
  readonly kind: AppKind;
  /** Port under `tools/hub up`; in a container every app listens on 3000 (docker/app.Dockerfile). */
  readonly devPort?: number;
  /** Its own database (package.json hub.database), absent for the web app. */
  readonly database?: string;
  /** The context's own topic (TOPICS[name]), absent for the gateway and the web app. */
  readonly topic?: TopicSpec;
  /** Topics of other contexts it consumes (its consumers' `topics:`). */
  readonly consumes: readonly string[];
  /** Its consumer groups: the `name` of each consumer (`<context>.<purpose>`). */
  readonly consumerGroups: readonly string[];
  /** Tables the app may only INSERT and SELECT (package.json hub.appendOnly, ADR 0039). */
  readonly appendOnly: readonly string[];
  /** The `HUB_…` settings its own configuration schema (`src/config.ts`) reads, besides the platform's common ones. */
  readonly ownSettings: readonly string[];
}

/** The `HUB_…` keys an app's `src/config.ts` declares (its zod schema's properties). */
function ownSettings(appDir: string): string[] {
  const file = join(appDir, 'src/config.ts');
  if (!existsSync(file)) return [];
  return [...new Set([...readFileSync(file, 'utf8').matchAll(/^\s*(HUB_[A-Z0-9_]+)\s*:/gm)].map((m) => m[1]!))].sort();
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

const topicKeyByName = new Map<string, string>(Object.entries(TOPICS).map(([k, t]) => [t.name, k]));

/** Every `TOPICS.<ctx>.name` an app's sources name, other than its own: what it consumes. */
function consumedTopics(appDir: string, own: string | undefined): string[] {
  const found = new Set<string>();
  for (const file of walk(join(appDir, 'src'))) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/TOPICS\.([a-z]+)\.name/g)) {
      const key = m[1]!;
      const t = (TOPICS as Record<string, TopicSpec>)[key];
      if (t && t.name !== own) found.add(t.name);
    }
    // nest-commons' shared consumer of documents' events (ADR 0049) names the topic for the context
    if (/knownDocumentsConsumer\(/.test(source) && TOPICS.documents.name !== own) found.add(TOPICS.documents.name);
  }
  return [...found].sort();
}

/** Consumer names: `name: '<ctx>.<purpose>'` next to a `topics:` declaration, and participation's configured default. */
function consumerGroups(appDir: string, ctx: string): string[] {
  const found = new Set<string>();
  for (const file of walk(join(appDir, 'src'))) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(new RegExp(`['"](${ctx}\\.[a-z0-9-]+-events)['"]`, 'g'))) found.add(m[1]!);
    // knownDocumentsConsumer('<ctx>') is the group `<ctx>.documents-events` (ADR 0049)
    if (new RegExp(`knownDocumentsConsumer\\(\\s*['"]${ctx}['"]`).test(source)) found.add(`${ctx}.documents-events`);
  }
  return [...found].sort();
}

export function discoverApps(root = REPO_ROOT): AppFacts[] {
  const appsDir = join(root, 'apps');
  return readdirSync(appsDir)
    .filter((d) => existsSync(join(appsDir, d, 'package.json')))
    .sort()
    .map((name): AppFacts => {
      const dir = join(appsDir, name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string;
        hub?: { port?: number; database?: string; appendOnly?: string[] };
      };
      const topic = (TOPICS as Record<string, TopicSpec>)[name];
      const kind: AppKind = name === 'web' ? 'web' : name === 'admin-gateway' ? 'gateway' : 'context';
      if (kind === 'context' && !topic) throw new Error(`apps/${name} is a context without a topic in @hub/contracts TOPICS`);
      return {
        name,
        packageName: pkg.name,
        kind,
        ...(pkg.hub?.port ? { devPort: pkg.hub.port } : {}),
        ...(pkg.hub?.database ? { database: pkg.hub.database } : {}),
        ...(kind === 'context' && topic ? { topic } : {}),
        consumes: kind === 'context' ? consumedTopics(dir, topic?.name) : [],
        consumerGroups: kind === 'context' ? consumerGroups(dir, name) : [],
        appendOnly: pkg.hub?.appendOnly ?? [],
        ownSettings: ownSettings(dir),
      };
    });
}

export const contextOfTopic = (topic: string): string | undefined => topicKeyByName.get(topic);

export { dlqTopicOf, topicSpecs };
