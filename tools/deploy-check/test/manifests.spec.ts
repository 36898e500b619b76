import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { PLATFORM_SERVICE_CLIENTS, TOPICS } from '@hub/contracts';
import { parser as promql } from '@prometheus-io/lezer-promql';
import {
  ALERTS,
  PII_APPS,
  PANELS,
  dashboardOf,
  K8S_DIR,
  OVERLAYS,
  REPO_ROOT,
  loadOverlay,
  databaseEnv,
  DB_CA_FILE,
  DB_TLS_ENV,
  dbRoleName,
  dbRoleSecret,
  dbRoleSql,
  dbPostMigrationSql,
  dlqOperatorAcls,
  DLQ_OPERATOR_USER,
  dbClusterName,
  discoverApps,
  render,
  toYaml,
  topicSpecs,
  type Manifest,
} from '../src/index.js';

/**
 * Issue #19: every rendered manifest is valid against the vendored Kubernetes and operator
 * schemas (docker/k8s/schemas, offline), every app / topic / database in the code has its
 * manifests and none names something that no longer exists, and no Secret value is in them.
 */
const SCHEMAS = join(K8S_DIR, 'schemas');
const SCHEMA_OF: Record<string, string> = {
  'v1/ServiceAccount': 'kubernetes-v1.32.2-standalone-strict/serviceaccount-v1.json',
  'v1/ConfigMap': 'kubernetes-v1.32.2-standalone-strict/configmap-v1.json',
  'v1/Service': 'kubernetes-v1.32.2-standalone-strict/service-v1.json',
  'apps/v1/Deployment': 'kubernetes-v1.32.2-standalone-strict/deployment-apps-v1.json',
  'batch/v1/Job': 'kubernetes-v1.32.2-standalone-strict/job-batch-v1.json',
  'autoscaling/v2/HorizontalPodAutoscaler': 'kubernetes-v1.32.2-standalone-strict/horizontalpodautoscaler-autoscaling-v2.json',
  'policy/v1/PodDisruptionBudget': 'kubernetes-v1.32.2-standalone-strict/poddisruptionbudget-policy-v1.json',
  'networking.k8s.io/v1/NetworkPolicy': 'kubernetes-v1.32.2-standalone-strict/networkpolicy-networking-v1.json',
  'networking.k8s.io/v1/Ingress': 'kubernetes-v1.32.2-standalone-strict/ingress-networking-v1.json',
  'kafka.strimzi.io/v1beta2/Kafka': 'crds/kafka.strimzi.io/kafka_v1beta2.json',
  'kafka.strimzi.io/v1beta2/KafkaNodePool': 'crds/kafka.strimzi.io/kafkanodepool_v1beta2.json',
  'kafka.strimzi.io/v1beta2/KafkaTopic': 'crds/kafka.strimzi.io/kafkatopic_v1beta2.json',
  'kafka.strimzi.io/v1beta2/KafkaUser': 'crds/kafka.strimzi.io/kafkauser_v1beta2.json',
  'postgresql.cnpg.io/v1/Cluster': 'crds/postgresql.cnpg.io/cluster_v1.json',
  'postgresql.cnpg.io/v1/ScheduledBackup': 'crds/postgresql.cnpg.io/scheduledbackup_v1.json',
  'monitoring.coreos.com/v1/PrometheusRule': 'crds/monitoring.coreos.com/prometheusrule_v1.json',
  'monitoring.coreos.com/v1/PodMonitor': 'crds/monitoring.coreos.com/podmonitor_v1.json',
};

// Kubernetes' OpenAPI keywords (x-kubernetes-*) and formats (int32, int-or-string, …) are not JSON
// Schema's: ignore unknown keywords and formats; types, required fields, enums and
// additionalProperties: false (the "strict" schemas) are what is checked.
// Go's RE2 patterns in the CRDs (`(?i)…` in the Prometheus Operator's) are not ECMAScript: an inline
// case-insensitive flag becomes the `i` flag.
const goRegExp = Object.assign(
  (pattern: string, flags: string) => (pattern.includes('(?i)') ? new RegExp(pattern.replaceAll('(?i)', ''), `${flags}i`) : new RegExp(pattern, flags)),
  { code: 'goRegExp' },
);
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: goRegExp } });
const validators = new Map<string, ValidateFunction>();
function validatorFor(m: Manifest): ValidateFunction {
  const key = `${m.apiVersion}/${m.kind}`;
  const file = SCHEMA_OF[key];
  if (!file) throw new Error(`no vendored schema for ${key} (add it to docker/k8s/schemas and SCHEMA_OF)`);
  let v = validators.get(key);
  if (!v) {
    v = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as object);
    validators.set(key, v);
  }
  return v;
}

interface Probe {
  httpGet: { path: string };
}
interface Container {
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[];
  securityContext: unknown;
  resources: { requests: { cpu: string }; limits: { memory: string } };
  readinessProbe: Probe;
  livenessProbe: Probe;
  startupProbe: Probe;
}
type Workload = Manifest & {
  spec: {
    template: {
      spec: { securityContext: { runAsNonRoot: boolean }; automountServiceAccountToken: boolean; containers: Container[]; initContainers?: Container[] };
    };
  };
};
interface Peer {
  podSelector?: { matchLabels: Record<string, string> };
  namespaceSelector?: { matchLabels: Record<string, string> };
}
type NetPol = Manifest & { spec: { podSelector: { matchLabels?: Record<string, string> }; ingress: { from: Peer[] }[] } };
interface Acl {
  resource: { type: string; name: string; patternType: string };
  operations: string[];
}
type DbCluster = Manifest & {
  spec: { bootstrap: { initdb: { database: string } }; backup: { barmanObjectStore: { destinationPath: string; s3Credentials: { accessKeyId: unknown } } } };
};

const apps = discoverApps();
const byKind = (docs: Manifest[], kind: string) => docs.filter((d) => d.kind === kind);
const names = (docs: Manifest[], kind: string) => byKind(docs, kind).map((d) => d.metadata.name);

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  const docs = render(overlay);
  // What `kubectl apply -f -` would read: the YAML text parsed back, not the objects in memory.
  const parsed = parseAllDocuments(toYaml(docs)).map((d) => d.toJS() as Manifest);

  it('renders YAML that parses back to the same objects', () => {
    expect(parsed).toEqual(JSON.parse(JSON.stringify(docs)));
  });

  it('every manifest is valid against its Kubernetes or operator schema', () => {
    const failures = parsed.flatMap((m) => {
      const v = validatorFor(m);
      const input: unknown = m; // the validator is a type guard: keep `m` as it is for the message
      return v(input) ? [] : [`${m.kind}/${m.metadata.name}: ${ajv.errorsText(v.errors, { separator: '; ' })}`];
    });
    expect(failures).toEqual([]);
  });

  it('the validation can fail: an unknown field and a wrong type are rejected', () => {
    const deployment = structuredClone(byKind(parsed, 'Deployment')[0]) as Manifest & { spec: Record<string, unknown> };
    expect(validatorFor(deployment)({ ...deployment, spec: { ...deployment.spec, replica: 2 } })).toBe(false);
    const topic = structuredClone(byKind(parsed, 'KafkaTopic')[0]) as Manifest & { spec: Record<string, unknown> };
    expect(validatorFor(topic)({ ...topic, spec: { ...topic.spec, partitions: 'six' } })).toBe(false);
    const cluster = structuredClone(byKind(parsed, 'Cluster')[0]) as Manifest & { spec: Record<string, unknown> };
    expect(validatorFor(cluster)({ ...cluster, spec: { ...cluster.spec, backups: {} } })).toBe(false);
    const user = structuredClone(byKind(parsed, 'KafkaUser')[0]) as Manifest & { spec: Record<string, unknown> };
    expect(validatorFor(user)({ ...user, spec: { ...user.spec, authentication: { type: 'password' } } })).toBe(false);
  });

  it('names are unique per kind and every object is in the overlay namespace', () => {
    const keys = parsed.map((d) => `${d.kind}/${d.metadata.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(parsed.map((d) => d.metadata.namespace))).toEqual(new Set(['hub']));
  });

  it('every app in apps/ has its ServiceAccount, ConfigMap, Deployment, Service, HPA, PDB and NetworkPolicy — and no other app is named', () => {
    const appNames = apps.map((a) => a.name).sort();
    expect(appNames).toEqual(
      expect.arrayContaining([
        'admin-gateway',
        'registration',
        'participation',
        'services',
        'housing',
        'training',
        'clusters',
        'notifications',
        'documents',
        'web',
      ]),
    );
    for (const kind of ['ServiceAccount', 'Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']) {
      expect(names(parsed, kind).sort(), kind).toEqual(appNames);
    }
    expect(
      names(parsed, 'ConfigMap')
        .filter((n) => n.endsWith('-config'))
        .sort(),
    ).toEqual(appNames.map((n) => `${n}-config`));
    // A Grafana dashboard per app with an API of its own (all but the web app).
    expect(
      names(parsed, 'ConfigMap')
        .filter((n) => n.endsWith('-dashboard'))
        .sort(),
    ).toEqual(appNames.filter((n) => n !== 'web').map((n) => `${n}-dashboard`));
    expect(
      names(parsed, 'NetworkPolicy')
        .filter((n) => !n.endsWith('-db-ingress') && n !== 'default-deny-ingress' && !n.endsWith('-egress'))
        .sort(),
    ).toEqual(appNames.map((n) => `${n}-ingress`));
    // ADR 0112 §4: an egress policy per app, and one per migration Job.
    expect(
      names(parsed, 'NetworkPolicy')
        .filter((n) => n.endsWith('-egress'))
        .sort(),
    ).toEqual([...appNames.map((n) => `${n}-egress`), ...apps.filter((a) => a.database).map((a) => `${a.name}-migrate-egress`)].sort());
  });

  it('every topic of topicSpecs() has its KafkaTopic (partitions, retention), and no KafkaTopic names a topic that no longer exists', () => {
    const topics = byKind(parsed, 'KafkaTopic') as (Manifest & { spec: { topicName: string; partitions: number; config: Record<string, unknown> } })[];
    expect(topics.map((t) => t.spec.topicName).sort()).toEqual(
      topicSpecs()
        .map((t) => t.name)
        .sort(),
    );
    for (const spec of topicSpecs()) {
      const t = topics.find((x) => x.spec.topicName === spec.name)!;
      expect(t.spec.partitions).toBe(spec.partitions);
      expect(t.spec.config['retention.ms']).toBe(spec.retentionMs);
    }
  });

  it('every context database has its CloudNativePG Cluster with backups to S3 (credentials by reference), a daily backup, a migration Job and a NetworkPolicy', () => {
    const withDb = apps.filter((a) => a.database);
    expect(withDb.map((a) => a.name)).toEqual(apps.filter((a) => a.name !== 'web').map((a) => a.name));
    const clusters = byKind(parsed, 'Cluster') as DbCluster[];
    expect(clusters.map((c) => c.metadata.name).sort()).toEqual(withDb.map((a) => dbClusterName(a.name)).sort());
    for (const a of withDb) {
      const c = clusters.find((x) => x.metadata.name === dbClusterName(a.name))!;
      expect(c.spec.bootstrap.initdb.database).toBe(a.database);
      const store = c.spec.backup.barmanObjectStore;
      expect(store.destinationPath).toMatch(new RegExp(`^s3://.+/${a.name}$`));
      expect(store.s3Credentials.accessKeyId).toEqual({ name: 'hub-backup-s3', key: 'ACCESS_KEY_ID' });
      expect(names(parsed, 'ScheduledBackup')).toContain(`${dbClusterName(a.name)}-daily`);
      const job = byKind(parsed, 'Job').find((j) => j.metadata.labels?.['hub.kz/context'] === a.name) as Workload;
      const migrate = job.spec.template.spec.initContainers![0]!;
      expect(migrate.command).toEqual(['node', 'dist/cli/migrate.js', 'up']);
      // ADR 0039 / 0103: the Job migrates as <db>_migrator (dbroles.spec… below checks the Deployment's role).
      expect(migrate.env).toEqual(expect.arrayContaining(databaseEnv(a, 'migrator')));
      // …then ADR 0039's post-migration revokes, also as the migrator (the tables' owner), with psql.
      const grants = job.spec.template.spec.containers[0]!;
      expect(grants.command!.slice(0, 2)).toEqual(['psql', '$(DATABASE_URL)']);
      expect(grants.command).toContain('--set=ON_ERROR_STOP=1');
      expect(grants.command!.at(-1)).toBe(`begin;\n${dbPostMigrationSql(a).join(';\n')};\ncommit;`);
      expect(grants.command!.at(-1)).toContain(`revoke insert, update, delete, truncate on mikro_orm_migrations from ${a.database}_app`);
      expect(grants.env).toEqual(databaseEnv(a, 'migrator'));
      // The database: only from its own context (and its instances, the operator, the scraper).
      const np = byKind(parsed, 'NetworkPolicy').find((n) => n.metadata.name === `${dbClusterName(a.name)}-ingress`) as NetPol;
      expect(np.spec.podSelector.matchLabels).toEqual({ 'cnpg.io/cluster': dbClusterName(a.name) });
      const podPeers = np.spec.ingress.flatMap((r) => r.from).filter((p) => p.podSelector);
      expect(podPeers).toEqual([
        { podSelector: { matchLabels: { 'hub.kz/context': a.name } } },
        { podSelector: { matchLabels: { 'cnpg.io/cluster': dbClusterName(a.name) } } },
      ]);
    }
  });

  it('contexts are reachable only from the gateway (and the metrics scraper); the gateway from the web app, the service clients (ADR 0106) and the ingress', () => {
    for (const a of apps) {
      const np = byKind(parsed, 'NetworkPolicy').find((n) => n.metadata.name === `${a.name}-ingress`) as NetPol;
      const pods = np.spec.ingress.flatMap((r) => r.from).flatMap((p) => (p.podSelector ? [p.podSelector.matchLabels['app.kubernetes.io/name']] : []));
      expect(pods, a.name).toEqual(
        a.kind === 'context' ? ['admin-gateway'] : a.kind === 'gateway' ? ['web', 'registration', 'notifications', 'services', 'participation'] : [],
      );
    }
    expect(byKind(parsed, 'NetworkPolicy').find((n) => n.metadata.name === 'default-deny-ingress')).toMatchObject({
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
  });

  it('egress (ASVS 1.14, ADR 0112 §4): each app reaches only DNS, its own database, the broker, the gateway where it is a service client, the OTLP collector and the IdP; a migration Job only DNS and its database', () => {
    const o = loadOverlay(overlay);
    type Rule = {
      to: { podSelector?: { matchLabels: Record<string, string> }; namespaceSelector?: unknown; ipBlock?: { cidr: string } }[];
      ports: { port: number }[];
    };
    const policy = (name: string) =>
      byKind(parsed, 'NetworkPolicy').find((n) => n.metadata.name === name) as Manifest & {
        spec: { podSelector: { matchLabels: Record<string, string> }; policyTypes: string[]; egress: Rule[] };
      };
    // What a rule allows, as a word: a pod by its name / database / broker, or an overlay destination.
    const outside = Object.entries(o.egress);
    const word = (r: Rule): string => {
      const pod = r.to[0]!.podSelector?.matchLabels;
      if (pod && !r.to[0]!.namespaceSelector) {
        if (pod['cnpg.io/cluster']) return `db:${pod['cnpg.io/cluster']}`;
        if (pod['strimzi.io/cluster']) return 'kafka';
        return `app:${pod['app.kubernetes.io/name']}`;
      }
      const hit = outside.find(
        ([, p]) => p.port === r.ports[0]!.port && (p.cidrs ? r.to.map((t) => t.ipBlock?.cidr).join() === p.cidrs.join() : !!r.to[0]!.namespaceSelector),
      );
      return hit ? hit[0] : 'unknown';
    };
    const contexts = apps.filter((a) => a.kind === 'context').map((a) => `app:${a.name}`);
    for (const a of apps) {
      const np = policy(`${a.name}-egress`);
      expect(np.spec.policyTypes).toEqual(['Egress']);
      expect(np.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': a.name, 'app.kubernetes.io/component': 'api' });
      const client = PLATFORM_SERVICE_CLIENTS.some((c) => c.app === a.name);
      const expected = [
        'dns',
        ...(a.database ? [`db:${dbClusterName(a.name)}`] : []),
        ...(a.kind === 'web' ? ['app:admin-gateway'] : ['otlp', 'idp']),
        ...(a.kind === 'context' ? ['kafka'] : []),
        ...(client ? ['app:admin-gateway'] : []),
        ...(a.kind === 'gateway' ? contexts : []),
        ...(a.name === 'documents' ? ['s3'] : []),
        ...(a.name === 'notifications' ? ['smtp'] : []),
        ...(a.ownSettings.includes('HUB_CLAMD_URL') ? ['clamd'] : []),
      ];
      expect(np.spec.egress.map(word).sort(), a.name).toEqual(expected.sort());
      if (a.database) {
        const m = policy(`${a.name}-migrate-egress`);
        expect(m.spec.podSelector.matchLabels).toEqual({ 'hub.kz/context': a.name, 'app.kubernetes.io/component': 'migration' });
        expect(m.spec.egress.map(word).sort()).toEqual(['db:' + dbClusterName(a.name), 'dns'].sort());
        // The Job's pods carry the labels the policy selects.
        const job = byKind(parsed, 'Job').find((j) => j.metadata.labels?.['hub.kz/context'] === a.name) as Manifest & {
          spec: { template: { metadata: { labels: Record<string, string> } } };
        };
        expect(job.spec.template.metadata.labels).toMatchObject(m.spec.podSelector.matchLabels);
      }
    }
    // DNS answers on UDP too; every destination has a port.
    const dns = policy('registration-egress').spec.egress.find((r) => word(r) === 'dns')!;
    expect(dns.ports).toEqual([
      { protocol: 'TCP', port: 53 },
      { protocol: 'UDP', port: 53 },
    ]);
  });

  it('PostgreSQL over verified TLS only (ASVS 9.2, ADR 0112 §5): each Cluster refuses plain TCP; every container that connects verifies the server against the cluster CA', () => {
    for (const a of apps.filter((x) => x.database)) {
      const cluster = byKind(parsed, 'Cluster').find((c) => c.metadata.name === dbClusterName(a.name)) as Manifest & {
        spec: { postgresql: { pg_hba: string[] } };
      };
      expect(cluster.spec.postgresql.pg_hba).toContain('hostnossl all all all reject');
      const deployment = byKind(parsed, 'Deployment').find((x) => x.metadata.name === a.name) as Workload;
      const job = byKind(parsed, 'Job').find((j) => j.metadata.labels?.['hub.kz/context'] === a.name) as Workload;
      for (const w of [deployment, job]) {
        const pod = w.spec.template.spec as Workload['spec']['template']['spec'] & { volumes: { name: string; secret?: { secretName: string } }[] };
        expect(pod.volumes.find((v) => v.name === 'db-ca')?.secret?.secretName, w.metadata.name).toBe(`${dbClusterName(a.name)}-ca`);
        for (const c of [...pod.containers, ...(pod.initContainers ?? [])] as (Container & { volumeMounts?: { name: string; mountPath: string }[] })[]) {
          const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));
          if (!('DATABASE_URL' in env)) continue;
          expect(env, `${w.metadata.name}`).toMatchObject({ PGSSLMODE: 'verify-full', PGSSLROOTCERT: DB_CA_FILE, NODE_EXTRA_CA_CERTS: DB_CA_FILE });
          expect(env.DATABASE_URL).toContain(`?sslmode=verify-full&sslrootcert=${DB_CA_FILE}`);
          expect(c.volumeMounts?.find((m) => m.name === 'db-ca')?.mountPath, w.metadata.name).toBe(DB_CA_FILE.replace(/\/ca\.crt$/, ''));
        }
      }
    }
  });

  it('each context has a KafkaUser that writes only its own topic, reads what its sources consume, and uses only its own consumer groups', () => {
    const users = (byKind(parsed, 'KafkaUser') as (Manifest & { spec: { authorization: { acls: Acl[] } } })[]).filter(
      (u) => u.metadata.name !== DLQ_OPERATOR_USER,
    );
    const contexts = apps.filter((a) => a.kind === 'context');
    expect(users.map((u) => u.metadata.name).sort()).toEqual(contexts.map((a) => a.name).sort());
    expect(contexts.map((a) => a.name).sort()).toEqual(Object.keys(TOPICS).sort());
    for (const a of contexts) {
      const acls = users.find((u) => u.metadata.name === a.name)!.spec.authorization.acls;
      const writes = acls.filter((x) => x.operations.includes('Write')).map((x) => x.resource.name);
      expect(writes.sort(), a.name).toEqual([a.topic!.name, ...a.consumes.map((t) => `${t}.dlq`)].sort());
      const reads = acls.filter((x) => x.resource.type === 'topic' && x.operations.includes('Read')).map((x) => x.resource.name);
      expect(reads.sort(), a.name).toEqual([...a.consumes].sort());
      expect(a.consumes).not.toContain(a.topic!.name);
      for (const g of a.consumerGroups) expect(g.startsWith(`${a.name}.`), g).toBe(true);
      const groups = acls.filter((x) => x.resource.type === 'group');
      expect(groups).toEqual(
        a.consumes.length ? [{ resource: { type: 'group', name: `${a.name}.`, patternType: 'prefix' }, operations: ['Read', 'Describe'], host: '*' }] : [],
      );
      // Nothing on another context's own topic but Read.
      for (const x of acls.filter((y) => y.resource.type === 'topic' && y.resource.name !== a.topic!.name && !y.resource.name.endsWith('.dlq'))) {
        expect(x.operations).toEqual(['Read', 'Describe']);
      }
    }
  });

  it("operators running tools/hub dlq have their own KafkaUser: read every dead-letter topic, write only their source topics, only the tool's own groups (ADR 0103)", () => {
    const user = byKind(parsed, 'KafkaUser').find((u) => u.metadata.name === DLQ_OPERATOR_USER) as Manifest & {
      spec: { authentication: { type: string }; authorization: { acls: Acl[] } };
    };
    expect(user.spec.authentication.type).toBe('scram-sha-512');
    const acls = user.spec.authorization.acls;
    const dlqs = topicSpecs()
      .map((t) => t.name)
      .filter((n) => n.endsWith('.dlq'));
    expect(dlqs.length).toBeGreaterThan(0);
    const reads = acls.filter((x) => x.resource.type === 'topic' && x.operations.includes('Read')).map((x) => x.resource.name);
    expect(reads.sort()).toEqual([...dlqs].sort());
    const writes = acls.filter((x) => x.operations.includes('Write')).map((x) => x.resource.name);
    expect(writes.sort()).toEqual(dlqs.map((d) => d.replace(/\.dlq$/, '')).sort());
    for (const w of writes) expect(topicSpecs().map((t) => t.name)).toContain(w); // every source topic exists
    expect(acls.filter((x) => x.resource.type === 'group')).toEqual([
      { resource: { type: 'group', name: 'hub-dlq-tool.', patternType: 'prefix' }, operations: ['Read', 'Describe'], host: '*' },
    ]);
    expect(readFileSync(join(REPO_ROOT, 'tools/dlq/src/dead-letters.ts'), 'utf8')).toContain('`hub-dlq-tool.${'); // the tool's group prefix
    expect(acls.every((x) => x.resource.patternType !== 'prefix' || x.resource.type === 'group')).toBe(true);
    expect(dlqOperatorAcls()).toEqual(acls);
  });

  it('pods run non-root with a read-only root filesystem, probes on the real health endpoints, and resources', () => {
    for (const d of [...byKind(parsed, 'Deployment'), ...byKind(parsed, 'Job')] as Workload[]) {
      const pod = d.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot, d.metadata.name).toBe(true);
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const c of pod.containers) {
        expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
        expect(c.resources.requests.cpu && c.resources.limits.memory).toBeTruthy();
        if (d.kind === 'Deployment') {
          const web = d.metadata.name === 'web';
          expect(c.readinessProbe.httpGet.path).toBe(web ? '/healthz' : '/health/ready');
          expect(c.livenessProbe.httpGet.path).toBe(web ? '/healthz' : '/health/live');
          expect(c.startupProbe.httpGet.path).toBe(web ? '/healthz' : '/health/live');
        }
      }
    }
  });

  it('the probe paths exist: nest-commons HealthController serves /health/live and /health/ready, the web server /healthz', () => {
    const health = readFileSync(join(REPO_ROOT, 'packages/nest-commons/src/health/health.controller.ts'), 'utf8');
    expect(health).toContain("@Controller('health')");
    expect(health).toContain("@Get('live')");
    expect(health).toContain("@Get('ready')");
    expect(readFileSync(join(REPO_ROOT, 'apps/web/server.mjs'), 'utf8')).toContain('/healthz');
  });

  it("ADR 0039's roles in the cluster: the migrator owns the database and runs the Job, the app role (DML only) runs the Deployment", () => {
    type RoleCluster = Manifest & {
      spec: {
        bootstrap: { initdb: { owner: string; secret: { name: string }; postInitApplicationSQL: string[] } };
        managed: { roles: { name: string; login: boolean; ensure: string; passwordSecret: { name: string }; superuser?: boolean; createrole?: boolean }[] };
      };
    };
    for (const a of apps.filter((x) => x.database)) {
      const db = a.database!;
      const c = byKind(parsed, 'Cluster').find((x) => x.metadata.name === dbClusterName(a.name)) as RoleCluster;
      expect(c.spec.bootstrap.initdb.owner).toBe(`${db}_migrator`);
      expect(c.spec.bootstrap.initdb.secret).toEqual({ name: dbRoleSecret(a.name, 'migrator') });
      expect(c.spec.managed.roles).toEqual([
        expect.objectContaining({ name: `${db}_app`, login: true, ensure: 'present', passwordSecret: { name: dbRoleSecret(a.name, 'app') } }),
      ]);
      expect(c.spec.managed.roles[0]!.superuser ?? false).toBe(false);
      expect(c.spec.managed.roles[0]!.createrole ?? false).toBe(false);
      const sqlText = c.spec.bootstrap.initdb.postInitApplicationSQL.join(';\n');
      expect(sqlText).toContain(`create role ${db}_app nologin`);
      expect(sqlText).toContain(`revoke all on database ${db} from public`);
      expect(sqlText).toContain(`for role ${db}_migrator in schema public grant select, insert, update, delete on tables to ${db}_app`);
      expect(sqlText).not.toMatch(/truncate|references|trigger|\bcreate on schema public to/i); // the app role gets no DDL

      const deployment = byKind(parsed, 'Deployment').find((x) => x.metadata.name === a.name) as Workload;
      const job = byKind(parsed, 'Job').find((j) => j.metadata.labels?.['hub.kz/context'] === a.name) as Workload;
      const secretsOf = (w: Workload) => (w.spec.template.spec.containers[0]!.env ?? []).flatMap((e) => (e.valueFrom ? [e.valueFrom.secretKeyRef.name] : []));
      expect(secretsOf(deployment)).toContain(dbRoleSecret(a.name, 'app'));
      expect(secretsOf(deployment)).not.toContain(dbRoleSecret(a.name, 'migrator'));
      expect(secretsOf(job)).toContain(dbRoleSecret(a.name, 'migrator'));
      expect(secretsOf(job)).not.toContain(dbRoleSecret(a.name, 'app'));
      // No app uses the owner secret CloudNativePG would make (`<cluster>-app`).
      expect([...secretsOf(deployment), ...secretsOf(job)]).not.toContain(`${dbClusterName(a.name)}-app`);
      const url = deployment.spec.template.spec.containers[0]!.env!.find((e) => e.name === 'DATABASE_URL')!.value!;
      expect(url).toBe(`postgres://$(HUB_DB_USER):$(HUB_DB_PASSWORD)@${dbClusterName(a.name)}-rw:5432/${db}?sslmode=verify-full&sslrootcert=${DB_CA_FILE}`);
    }
    expect(dbRoleName('hub_gateway', 'app')).toBe('hub_gateway_app');
    expect(dbRoleSql('hub_x')[0]).toBe('create role hub_x_app nologin');
    // The post-migration step closes the audit trail to everything but INSERT/SELECT (ADR 0032, 0039).
    expect(dbPostMigrationSql(apps.find((a) => a.name === 'admin-gateway')!)).toContain(
      'revoke update, delete, truncate on gateway_audit_event from hub_gateway_app',
    );
  });

  it('the roles are the ones tools/hub up provisions (tools/dev-stack/db-roles.mjs): same names, same default privileges', () => {
    const dev = readFileSync(join(REPO_ROOT, 'tools/dev-stack/db-roles.mjs'), 'utf8');
    expect(dev).toContain('_migrator');
    expect(dev).toContain('_app');
    expect(dev).toMatch(
      /alter default privileges for role \$\{ident\(migrator\)\} in schema public grant select, insert, update, delete on tables to \$\{ident\(app\)\}/,
    );
    expect(dev).toMatch(/alter default privileges for role \$\{ident\(migrator\)\} in schema public grant usage, select on sequences to \$\{ident\(app\)\}/);
  });

  it('an Ingress for the web app (public host) and the gateway (API host) only, with TLS by reference, to Services and ports that exist and admit the ingress controller', () => {
    type Ing = Manifest & {
      spec: {
        ingressClassName: string;
        tls: { hosts: string[]; secretName: string }[];
        rules: { host: string; http: { paths: { path: string; pathType: string; backend: { service: { name: string; port: { name: string } } } }[] } }[];
      };
    };
    const ingresses = byKind(parsed, 'Ingress') as Ing[];
    expect(ingresses.map((i) => i.metadata.name).sort()).toEqual(['admin-gateway', 'web']);
    const o = loadOverlay(overlay);
    const hostOf = { web: new URL(o.publicBaseUrl).hostname, 'admin-gateway': o.ingress.apiHost } as Record<string, string>;
    for (const ing of ingresses) {
      const host = hostOf[ing.metadata.name]!;
      expect(ing.spec.ingressClassName).toBe(o.ingress.className);
      expect(ing.spec.tls).toEqual([{ hosts: [host], secretName: o.ingress.tlsSecret }]);
      expect(ing.spec.rules.map((r) => r.host)).toEqual([host]);
      for (const p of ing.spec.rules.flatMap((r) => r.http.paths)) {
        const svc = byKind(parsed, 'Service').find((x) => x.metadata.name === p.backend.service.name) as Manifest & { spec: { ports: { name: string }[] } };
        expect(svc, p.backend.service.name).toBeDefined();
        expect(svc.spec.ports.map((x) => x.name)).toContain(p.backend.service.port.name);
        const np = byKind(parsed, 'NetworkPolicy').find((n) => n.metadata.name === `${p.backend.service.name}-ingress`) as NetPol;
        const namespaces = np.spec.ingress
          .flatMap((r) => r.from)
          .flatMap((x) => (x.namespaceSelector ? [x.namespaceSelector.matchLabels['kubernetes.io/metadata.name']] : []));
        expect(namespaces, `${p.backend.service.name} admits the ingress controller`).toContain(o.ingressNamespace);
      }
    }
    // Contexts are never exposed directly.
    expect(new Set(Object.values(hostOf)).size).toBe(2);
  });

  it("every API app exports its spans to the overlay's collector under its own name (ADR 0102); the web server has no tracing", () => {
    const o = loadOverlay(overlay);
    for (const a of apps) {
      const cm = byKind(parsed, 'ConfigMap').find((x) => x.metadata.name === `${a.name}-config`) as Manifest & { data: Record<string, string> };
      if (a.kind === 'web') expect(cm.data.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
      else expect(cm.data).toMatchObject({ OTEL_EXPORTER_OTLP_ENDPOINT: o.tracing.otlpEndpoint, OTEL_SERVICE_NAME: a.name });
    }
  });

  it('no Secret value is in the manifests: no Secret objects, no env value that looks like a credential, secrets only by reference', () => {
    expect(parsed.filter((d) => d.kind === 'Secret')).toEqual([]);
    const text = toYaml(docs);
    expect(text).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    expect(text).not.toMatch(/postgres(ql)?:\/\/(?!\$\()[^\s:@/]+:(?!\$\()[^\s@/]+@/); // a URL with a password (other than $(VAR) references)
    for (const cm of byKind(parsed, 'ConfigMap') as (Manifest & { data: Record<string, string> })[]) {
      for (const key of Object.keys(cm.data))
        expect(key, `${cm.metadata.name}.${key}`).not.toMatch(/PASSWORD|SECRET|_KEYS$|ACTIVE_KEY|ACCESS_KEY|TOKEN|DATABASE_URL/);
    }
    for (const d of [...byKind(parsed, 'Deployment'), ...byKind(parsed, 'Job')] as Workload[]) {
      for (const c of d.spec.template.spec.containers) {
        const env = c.env ?? [];
        for (const [i, e] of env.entries()) {
          if (e.value !== undefined && DB_TLS_ENV.some((t) => t.name === e.name)) {
            // ADR 0112 §5: the TLS settings of the database connection, fixed values (no secret).
            expect(e.value).toBe(DB_TLS_ENV.find((t) => t.name === e.name)!.value);
            continue;
          }
          if (e.value !== undefined) {
            // The one composed value: the database URL, whose user and password are `$(VAR)`s from a Secret defined before it.
            expect(e.name, `${d.metadata.name} ${e.name} must come from a Secret`).toBe('DATABASE_URL');
            const refs = [...e.value.matchAll(/\$\(([A-Z_]+)\)/g)].map((m) => m[1]);
            expect(refs).toEqual(['HUB_DB_USER', 'HUB_DB_PASSWORD']);
            for (const r of refs) expect(env.slice(0, i).find((x) => x.name === r)?.valueFrom?.secretKeyRef.name, r).toBeTruthy();
            continue;
          }
          expect(e.valueFrom?.secretKeyRef.name).toBeTruthy();
        }
      }
    }
  });
});

describe('the generator follows the code', () => {
  it('both overlays set the same values (no size forgotten in one), none empty', () => {
    const leaves = (v: unknown, path = ''): string[] =>
      // '|' between keys: annotation keys contain dots (cert-manager.io/cluster-issuer).
      v !== null && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => leaves(x, `${path}|${k}`)) : [path];
    const [small, prod] = OVERLAYS.map((n) => loadOverlay(n));
    // The egress destinations differ in kind (pods in a namespace here, address blocks there), not in which there are.
    const shape = (o: unknown) => leaves(o).filter((p) => !p.startsWith('|egress|'));
    expect(shape(small).sort()).toEqual(shape(prod).sort());
    expect(Object.keys(small!.egress).sort()).toEqual(Object.keys(prod!.egress).sort());
    for (const o of [small, prod])
      for (const p of leaves(o))
        expect(
          p
            .split('|')
            .slice(1)
            .reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o),
          p,
        ).not.toBe('');
    // The sizes are what distinguishes them.
    expect(small!.kafka.replicas).toBe(1);
    expect(prod!.kafka.replicas).toBeGreaterThanOrEqual(3);
    expect(prod!.postgres.instances).toBeGreaterThan(small!.postgres.instances);
  });

  it('every app in apps/ is discovered with its package.json hub fields', () => {
    const dirs = readdirSync(join(REPO_ROOT, 'apps')).sort();
    expect(apps.map((a) => a.name)).toEqual(dirs);
    for (const a of apps.filter((x) => x.kind !== 'web')) expect(a.database, a.name).toMatch(/^hub_[a-z_]+$/);
  });

  it('consumers are found in the sources (participation consumes registration and documents, housing four topics)', () => {
    // ADR 0049: the shared knownDocumentsConsumer('<ctx>') reads documents' topic with the group <ctx>.documents-events
    for (const name of ['participation', 'registration', 'training', 'clusters']) {
      const app = apps.find((a) => a.name === name)!;
      expect(app.consumes, name).toContain(TOPICS.documents.name);
      expect(app.consumerGroups, name).toContain(`${name}.documents-events`);
    }
    expect(apps.find((a) => a.name === 'participation')!.consumes).toEqual([TOPICS.documents.name, TOPICS.registration.name].sort());
    // ADR 0053: housing names the documents topic for its copy of verified documents
    expect(apps.find((a) => a.name === 'housing')!.consumes).toEqual(
      [TOPICS.documents.name, TOPICS.participation.name, TOPICS.registration.name, TOPICS.services.name].sort(),
    );
  });

  it('one app can be rendered alone (a team deploying its context)', () => {
    const one = render('production', { only: 'housing' });
    expect(new Set(one.map((d) => d.metadata.labels?.['hub.kz/context']))).toEqual(new Set(['housing']));
    expect(one.map((d) => d.kind)).toEqual(expect.arrayContaining(['Deployment', 'Cluster', 'Job', 'KafkaUser']));
    expect(() => render('production', { only: 'nope' })).toThrow(/no app nope/);
    // Migrations before the new version: the Job is in the "before" part, the Deployment only "after".
    const before = render('production', { only: 'housing', stage: 'before' }).map((d) => d.kind);
    const after = render('production', { only: 'housing', stage: 'after' }).map((d) => d.kind);
    expect(before).toContain('Job');
    expect(before).not.toContain('Deployment');
    expect(after.sort()).toEqual(['Deployment', 'HorizontalPodAutoscaler']);
  });
});

describe('alerts (PrometheusRule) and runbooks', () => {
  const sources = [
    ...['packages/nest-commons/src', 'packages/messaging/src'].map((d) => join(REPO_ROOT, d)),
    ...readdirSync(join(REPO_ROOT, 'apps')).map((a) => join(REPO_ROOT, 'apps', a, 'src')),
  ];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  const code = sources
    .flatMap((d) => {
      try {
        return walk(d);
      } catch {
        return [];
      }
    })
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  /** Metric names the apps register: `name: 'hub_…'` and registration's deadlineGauge('hub_…'). */
  const exposed = new Set([...code.matchAll(/(?:name: |deadlineGauge\()'(hub_[a-z_]+)'/g)].map((m) => m[1]!));

  it.each(ALERTS.map((a) => [a.alert, a] as const))('%s parses as PromQL and uses only metrics the apps expose', (_name, a) => {
    const tree = promql.parse(a.expr);
    let errors = 0;
    tree.iterate({ enter: (n) => void (n.type.isError && errors++) });
    expect(errors, a.expr).toBe(0);
    const metrics = [...a.expr.matchAll(/\b(hub_[a-z_]+)\b/g)].map((m) => m[1]!);
    const alternatives = [...a.expr.matchAll(/hub_\(([a-z|]+)\)_([a-z_]+)/g)].flatMap((m) => m[1]!.split('|').map((x) => `hub_${x}_${m[2]!}`));
    expect([...metrics, ...alternatives].length, a.alert).toBeGreaterThan(a.alert === 'HubAppDown' ? -1 : 0);
    for (const m of [...metrics.filter((x) => !x.endsWith('_')), ...alternatives])
      expect(exposed.has(m), `${a.alert}: ${m} is not registered by any app`).toBe(true);
  });

  it('the list of exposed metrics is read from the sources (so the check above can fail)', () => {
    expect([...exposed]).toEqual(
      expect.arrayContaining(['hub_outbox_lag_seconds', 'hub_consumer_dead_letters_total', 'hub_registration_deadlines_overdue', 'hub_timers_due']),
    );
    expect(exposed.has('hub_no_such_metric')).toBe(false);
  });

  it.each(PANELS.map((p) => [p.title, p] as const))('dashboard panel "%s" parses as PromQL and uses only exposed metrics', (_t, p) => {
    const expr = p.expr.replaceAll('$app', 'registration');
    let errors = 0;
    promql.parse(expr).iterate({ enter: (n) => void (n.type.isError && errors++) });
    expect(errors, expr).toBe(0);
    const metrics = [...expr.matchAll(/\b(hub_[a-z_]+)\b/g)].map((m) => m[1]!.replace(/_(bucket|sum|count)$/, ''));
    expect(metrics.length).toBeGreaterThan(0);
    for (const m of metrics) expect(exposed.has(m), `${p.title}: ${m}`).toBe(true);
  });

  it("the gateway's dashboard has no worker panels (it runs no outbox, consumers or timers)", () => {
    const titles = (d: object) => (d as { panels: { title: string }[] }).panels.map((x) => x.title);
    expect(titles(dashboardOf('admin-gateway', false))).toEqual(PANELS.filter((p) => !p.contextsOnly).map((p) => p.title));
    expect(titles(dashboardOf('housing', true))).toEqual(PANELS.map((p) => p.title));
  });

  it('a broken expression is caught by the parser', () => {
    let errors = 0;
    promql.parse('sum by (x) (rate(hub_http_requests_total[5m]) > ').iterate({ enter: (n) => void (n.type.isError && errors++) });
    expect(errors).toBeGreaterThan(0);
  });

  it('every alert has a runbook in docs/runbooks/, and every runbook is used by an alert or listed as a procedure', () => {
    const runbooks = readdirSync(join(REPO_ROOT, 'docs/runbooks')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    for (const a of ALERTS) expect(runbooks, a.alert).toContain(`${a.runbook}.md`);
    const index = readFileSync(join(REPO_ROOT, 'docs/runbooks/README.md'), 'utf8');
    for (const r of runbooks) expect(index, `docs/runbooks/README.md lists ${r}`).toContain(`(${r})`);
  });

  it('the rendered PrometheusRule carries every alert with its severity and runbook_url', () => {
    const rule = render('production', { platform: true }).find((d) => d.kind === 'PrometheusRule') as Manifest & {
      spec: { groups: { rules: { alert: string; labels: { severity: string }; annotations: { runbook_url: string } }[] }[] };
    };
    const rules = rule.spec.groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.alert)).toEqual(ALERTS.map((a) => a.alert));
    for (const r of rules) expect(r.annotations.runbook_url).toMatch(/\/docs\/runbooks\/[a-z0-9-]+\.md$/);
  });

  it('production runs every app with two replicas or more, and a drain never takes them all (ADR 0112)', () => {
    const docs = render('production');
    for (const a of apps) {
      const hpa = docs.find((d) => d.kind === 'HorizontalPodAutoscaler' && d.metadata.name === a.name) as Manifest & {
        spec: { minReplicas: number; maxReplicas: number };
      };
      const pdb = docs.find((d) => d.kind === 'PodDisruptionBudget' && d.metadata.name === a.name) as Manifest & {
        spec: { minAvailable?: number; maxUnavailable?: number };
      };
      expect(hpa?.spec.minReplicas, `${a.name} minReplicas`).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
      // The budget keeps at least one pod and lets at least one go (else a node drain would hang).
      expect(pdb?.spec.minAvailable, `${a.name} PDB`).toBeGreaterThanOrEqual(1);
      expect(pdb.spec.minAvailable!).toBeLessThan(hpa.spec.minReplicas);
      // The Deployment leaves the count to the autoscaler, and every replica runs the workers (ADR 0112 §1).
      const dep = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === a.name) as Manifest & { spec: Record<string, unknown> };
      expect(dep.spec.replicas, a.name).toBeUndefined();
    }
    for (const a of apps.filter((x) => x.kind === 'context')) {
      const cm = docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === `${a.name}-config`) as Manifest & { data: Record<string, string> };
      expect(cm.data.HUB_RUN_WORKERS, a.name).toBe('true');
    }
  });
});

/**
 * ADR 0106 and ADR 0110: the settings the code derives — each platform worker's client credentials
 * and the gateway URL it calls (`PLATFORM_SERVICE_CLIENTS`), and the settings an app's own
 * `src/config.ts` reads that a deployment must give (`HUB_FUND_BIN`) — are in the single-host
 * deployment (docker/compose.yaml) and in the rendered manifests; an app that does not read one
 * is not given it.
 */
describe('deployment settings follow the code: docker/compose.yaml and the manifests', () => {
  const compose = parse(readFileSync(join(REPO_ROOT, 'docker/compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, string> }>;
  };
  const composeEnv = (app: string): Record<string, string> => compose.services[app]?.environment ?? {};
  /** Settings every deployment must give the app, derived from the code (besides the platform's common ones). */
  const DEPLOYED_OWN_SETTINGS: Record<string, (o: ReturnType<typeof loadOverlay>) => string> = {
    HUB_FUND_BIN: (o) => o.fund.bin,
    HUB_CLAMD_URL: (o) => o.documents.clamdUrl, // ADR 0117
  };

  it('the settings are found in the code (documents and housing read HUB_FUND_BIN; three workers are service clients)', () => {
    const readers = apps.filter((a) => a.ownSettings.includes('HUB_FUND_BIN')).map((a) => a.name);
    expect(readers).toEqual(expect.arrayContaining(['documents', 'housing']));
    expect(PLATFORM_SERVICE_CLIENTS.map((c) => c.app)).toEqual(expect.arrayContaining(['registration', 'notifications', 'services']));
  });

  it("docker/compose.yaml's default identity provider is the dev issuer as it serves: its `iss` and its /jwks.json and /token at the root", () => {
    const issuerState = readFileSync(join(REPO_ROOT, 'tools/dev-issuer/issuer-state.mjs'), 'utf8');
    const devIssuer = /DEFAULT_ISSUER_URL = '([^']+)'/.exec(issuerState)?.[1];
    const server = readFileSync(join(REPO_ROOT, 'tools/dev-issuer/server.mjs'), 'utf8');
    expect(server).toContain("path === '/jwks.json'");
    const common = (compose as unknown as { 'x-app-env': Record<string, string> })['x-app-env'];
    const defaultOf = (v: string | undefined) => /^\$\{[A-Z_]+:-([^}]+)\}$/.exec(v ?? '')?.[1];
    expect(defaultOf(common.HUB_AUTH_ISSUER)).toBe(devIssuer);
    expect(defaultOf(common.HUB_AUTH_JWKS_URL)).toBe('http://host.docker.internal:4000/jwks.json');
    for (const c of PLATFORM_SERVICE_CLIENTS) expect(defaultOf(composeEnv(c.app).HUB_SERVICE_AUTH_URL), c.app).toBe('http://host.docker.internal:4000/token');
  });

  it('docker/compose.yaml gives every service client its credentials and gateway URL, and each app the settings it reads', () => {
    for (const c of PLATFORM_SERVICE_CLIENTS) {
      const env = composeEnv(c.app);
      expect(env.HUB_SERVICE_CLIENT_ID, `compose ${c.app}`).toBe(c.clientId);
      expect(env.HUB_SERVICE_AUTH_URL, `compose ${c.app}`).toMatch(/^\$\{HUB_SERVICE_AUTH_URL:-https?:\/\/[^}]+\}$/);
      // The secret comes from the environment, and compose refuses to start without it.
      expect(env.HUB_SERVICE_CLIENT_SECRET, `compose ${c.app}`).toMatch(/^\$\{HUB_[A-Z_]+_CLIENT_SECRET:\?[^}]+\}$/);
      expect(env[c.calls.setting], `compose ${c.app} ${c.calls.setting}`).toBe(`http://admin-gateway:3000${c.calls.gatewayPath}`);
    }
    for (const [name, svc] of Object.entries(compose.services))
      if (!PLATFORM_SERVICE_CLIENTS.some((c) => c.app === name)) expect(svc.environment?.HUB_SERVICE_CLIENT_ID, `compose ${name}`).toBeUndefined();
    for (const a of apps) {
      for (const setting of Object.keys(DEPLOYED_OWN_SETTINGS)) {
        if (a.ownSettings.includes(setting)) expect(composeEnv(a.name)[setting], `compose ${a.name} ${setting}`).toBeTruthy();
        else expect(composeEnv(a.name)[setting], `compose ${a.name} does not read ${setting}`).toBeUndefined();
      }
    }
    expect(composeEnv('documents').HUB_FUND_BIN).toBe('${HUB_FUND_BIN:-000000000000}');
    expect(composeEnv('documents').HUB_CLAMD_URL).toBe('${HUB_CLAMD_URL:-tcp://clamav:3310}');
    expect(apps.filter((a) => a.ownSettings.includes('HUB_CLAMD_URL')).map((a) => a.name)).toEqual(['documents']);
  });

  it('F-42: the apps docker/compose.yaml gives a personal-data key ring get theirs in every overlay (`<app>-pii` by reference), and no other app (notifications too, ADR 0114, 0121)', () => {
    const inCompose = apps.filter((a) => composeEnv(a.name).HUB_PII_KEYS !== undefined).map((a) => a.name);
    expect(inCompose).toContain('notifications');
    expect([...PII_APPS].sort()).toEqual([...inCompose].sort());
    for (const overlay of OVERLAYS) {
      const docs = render(overlay);
      for (const a of apps) {
        const deployment = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === a.name) as Workload;
        const env = deployment.spec.template.spec.containers[0]!.env ?? [];
        const keys = env.find((e) => e.name === 'HUB_PII_KEYS')?.valueFrom?.secretKeyRef;
        const active = env.find((e) => e.name === 'HUB_PII_ACTIVE_KEY')?.valueFrom?.secretKeyRef;
        if (inCompose.includes(a.name)) {
          expect(keys, `${overlay} ${a.name}`).toEqual({ name: `${a.name}-pii`, key: 'HUB_PII_KEYS' });
          expect(active, `${overlay} ${a.name}`).toEqual({ name: `${a.name}-pii`, key: 'HUB_PII_ACTIVE_KEY' });
        } else expect(keys, `${overlay} ${a.name}`).toBeUndefined();
      }
    }
  });

  for (const overlay of OVERLAYS) {
    it(`${overlay}: every service client and every app reading HUB_FUND_BIN gets it from its ConfigMap (the secret by reference)`, () => {
      const o = loadOverlay(overlay);
      expect(o.fund.bin).toMatch(/^\d{12}$/);
      const docs = render(overlay);
      const config = (app: string) =>
        (docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === `${app}-config`) as Manifest & { data: Record<string, string> }).data;
      for (const a of apps) {
        const data = config(a.name);
        const client = PLATFORM_SERVICE_CLIENTS.find((c) => c.app === a.name);
        const deployment = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === a.name) as Workload;
        const secret = deployment.spec.template.spec.containers[0]!.env?.find((e) => e.name === 'HUB_SERVICE_CLIENT_SECRET');
        if (client) {
          expect(data, a.name).toMatchObject({
            HUB_SERVICE_AUTH_URL: o.auth.tokenUrl,
            HUB_SERVICE_CLIENT_ID: client.clientId,
            [client.calls.setting]: `http://admin-gateway:3000${client.calls.gatewayPath}`,
          });
          expect(secret?.valueFrom?.secretKeyRef.name, a.name).toBe(`${a.name}-service-client`);
        } else {
          expect(data.HUB_SERVICE_CLIENT_ID, a.name).toBeUndefined();
          expect(secret, a.name).toBeUndefined();
        }
        for (const [setting, value] of Object.entries(DEPLOYED_OWN_SETTINGS))
          if (a.ownSettings.includes(setting)) expect(data[setting], `${a.name} ${setting}`).toBe(value(o));
          else expect(data[setting], `${a.name} does not read ${setting}`).toBeUndefined();
      }
    });
  }
});
