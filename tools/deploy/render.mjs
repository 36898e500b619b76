#!/usr/bin/env node
// Kubernetes manifests of the platform (issue #19, ADR 0100), rendered from what the code declares:
// the apps (apps/*/package.json "hub" blocks), the topics (topicSpecs() of @hub/contracts), who
// consumes which topic (the consumers' TOPICS.<context> references), and an overlay of sizes
// (overlays/<name>.json). Plain objects → YAML; no Helm binary, no cluster needed.
//
//   node tools/deploy/render.mjs [--overlay small|production] [--out FILE]   (default: print)
//   node tools/deploy/render.mjs --write      re-writes docker/k8s/rendered/<overlay>.yaml for both overlays
//
// Secrets are only ever referenced by name (secretKeyRef / Secret names in the operators' specs);
// the chart never holds a value. The Secrets to create are listed in docker/k8s/README.md.
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { TOPICS, dlqTopicOf, topicSpecs } from '@hub/contracts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const NAMESPACE = 'hub';
const KAFKA_CLUSTER = 'hub';
const IMAGE_REGISTRY = 'registry.astanahub.kz/hub';
const APP_PORT = 3000;

/** The apps with a "hub" block, as tools/hub sees them. */
export function platformApps() {
  return readdirSync(join(ROOT, 'apps'))
    .filter((d) => existsSync(join(ROOT, 'apps', d, 'package.json')))
    .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(ROOT, 'apps', dir, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => pkg.hub)
    .map(({ dir, pkg }) => ({
      name: dir,
      database: pkg.hub.database ?? null,
      appendOnly: pkg.hub.appendOnly ?? [],
      context: contextOf(dir),
    }))
    .concat(existsSync(join(ROOT, 'apps', 'web', 'server.mjs')) ? [{ name: 'web', database: null, appendOnly: [], context: null }] : []);
}

/** The context whose topic an app publishes (the gateway publishes nothing). */
const contextOf = (dir) => (dir in TOPICS ? dir : null);

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (entry.endsWith('.ts') && !entry.endsWith('.spec.ts')) out.push(path);
  }
  return out;
}

/** The contexts whose topics an app consumes, read from its source (TOPICS.<context>). */
export function consumedContexts(app) {
  const src = join(ROOT, 'apps', app, 'src');
  if (!existsSync(src)) return [];
  const found = new Set();
  for (const file of sourceFiles(src)) for (const m of readFileSync(file, 'utf8').matchAll(/TOPICS\.(\w+)/g)) found.add(m[1]);
  found.delete(app);
  return [...found].filter((c) => c in TOPICS).sort();
}

/** Apps that publish or consume (the gateway and the web app do neither). */
export const usesKafka = (app) => Boolean(app.context) || consumedContexts(app.name).length > 0;

const k8sName = (s) => s.replaceAll('_', '-');
const labels = (app, component = 'app') => ({
  'app.kubernetes.io/name': app,
  'app.kubernetes.io/part-of': 'hub-platform',
  'app.kubernetes.io/component': component,
});
const meta = (name, app, component) => ({ name, namespace: NAMESPACE, labels: labels(app, component) });
const secretEnv = (name, secret, key) => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });

/** Variables only some apps read; values that are secrets are references. */
function appEnvironment(app, apps) {
  const config = { NODE_ENV: 'production', PORT: String(APP_PORT), HUB_LOG_LEVEL: 'info', HUB_AUTH_AUDIENCE: 'hub-platform' };
  const secrets = [];
  if (usesKafka(app)) {
    config.HUB_KAFKA_BROKERS = `${KAFKA_CLUSTER}-kafka-bootstrap.${NAMESPACE}.svc:9092`;
    config.HUB_KAFKA_SASL_MECHANISM = 'scram-sha-512';
    config.HUB_KAFKA_SASL_USERNAME = `hub-${app.name}`;
    secrets.push(secretEnv('HUB_KAFKA_SASL_PASSWORD', `hub-${app.name}`, 'password')); // created by Strimzi for the KafkaUser
  }
  if (app.database) {
    secrets.push(secretEnv('DATABASE_URL', `${k8sName(app.database)}-app-url`, 'uri'));
  }
  if (app.name === 'admin-gateway') {
    const upstreams = Object.fromEntries(apps.filter((a) => a.context).map((a) => [a.name, `http://${a.name}.${NAMESPACE}.svc`]));
    config.HUB_GATEWAY_UPSTREAMS = JSON.stringify(upstreams);
    config.HUB_GATEWAY_TRUST_PROXY = '1';
  }
  if (app.name === 'registration') config.REGISTRATION_PUBLIC_BASE_URL = 'https://hub.astanahub.kz';
  if (app.name === 'participation' || app.name === 'housing') {
    secrets.push(secretEnv('HUB_PII_KEYS', `hub-${app.name}-pii`, 'keys'), secretEnv('HUB_PII_ACTIVE_KEY', `hub-${app.name}-pii`, 'active-key'));
  }
  if (app.name === 'documents') {
    config.HUB_S3_ENDPOINT = 'https://s3.astanahub.kz';
    config.HUB_S3_REGION = 'kz-ast-1';
    config.HUB_S3_BUCKET = 'hub-documents';
    secrets.push(
      secretEnv('HUB_S3_ACCESS_KEY_ID', 'hub-documents-s3', 'access-key-id'),
      secretEnv('HUB_S3_SECRET_ACCESS_KEY', 'hub-documents-s3', 'secret-access-key'),
    );
  }
  if (app.name === 'notifications') {
    config.HUB_MAIL_FROM = 'Astana Hub <no-reply@astanahub.kz>';
    secrets.push(secretEnv('HUB_SMTP_URL', 'hub-notifications-smtp', 'url')); // smtps://user:password@host:465
  }
  if (app.name === 'web') {
    config.HUB_WEB_GATEWAY_URL = `http://admin-gateway.${NAMESPACE}.svc`;
    config.HUB_WEB_ISSUER_URL = 'https://id.astanahub.kz';
  }
  return { config, secrets };
}

const POD_SECURITY = { runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' } };
const CONTAINER_SECURITY = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } };

function podSpec(app, containers, o) {
  return {
    serviceAccountName: app.name,
    automountServiceAccountToken: false,
    securityContext: POD_SECURITY,
    ...(o.restartPolicy ? { restartPolicy: o.restartPolicy } : {}),
    containers,
    volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
  };
}

function container(app, env, overlay, o = {}) {
  return {
    name: o.name ?? app.name,
    image: `${IMAGE_REGISTRY}/${app.name}:${overlay.imageTag}`,
    imagePullPolicy: 'IfNotPresent',
    ...(o.command ? { command: o.command } : {}),
    envFrom: [{ configMapRef: { name: `${app.name}-config` } }],
    env: o.env ?? env.secrets,
    resources: overlay.resources[app.name] ?? overlay.resources.default,
    securityContext: CONTAINER_SECURITY,
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    ...(o.probes
      ? {
          ports: [{ name: 'http', containerPort: APP_PORT, protocol: 'TCP' }],
          startupProbe: { httpGet: { path: o.probes.live, port: 'http' }, periodSeconds: 5, failureThreshold: 36 },
          livenessProbe: { httpGet: { path: o.probes.live, port: 'http' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
          readinessProbe: { httpGet: { path: o.probes.ready, port: 'http' }, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 2 },
        }
      : {}),
  };
}

function appResources(app, apps, overlay) {
  const env = appEnvironment(app, apps);
  const probes = app.name === 'web' ? { live: '/healthz', ready: '/healthz' } : { live: '/health/live', ready: '/health/ready' };
  const docs = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(app.name, app.name), automountServiceAccountToken: false },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${app.name}-config`, app.name), data: env.config },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(app.name, app.name),
      spec: {
        replicas: overlay.replicas.min,
        revisionHistoryLimit: 3,
        selector: { matchLabels: { 'app.kubernetes.io/name': app.name, 'app.kubernetes.io/component': 'app' } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels: labels(app.name), annotations: { 'prometheus.io/scrape': String(app.name !== 'web'), 'prometheus.io/path': '/metrics' } },
          spec: {
            ...podSpec(app, [container(app, env, overlay, { probes })], {}),
            terminationGracePeriodSeconds: 30,
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'kubernetes.io/hostname',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: { 'app.kubernetes.io/name': app.name, 'app.kubernetes.io/component': 'app' } },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(app.name, app.name),
      spec: {
        type: 'ClusterIP',
        selector: { 'app.kubernetes.io/name': app.name, 'app.kubernetes.io/component': 'app' },
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta(app.name, app.name),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app.name },
        minReplicas: overlay.replicas.min,
        maxReplicas: overlay.replicas.max,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta(app.name, app.name),
      spec: { ...overlay.disruption, selector: { matchLabels: { 'app.kubernetes.io/name': app.name, 'app.kubernetes.io/component': 'app' } } },
    },
    networkPolicy(app, apps),
  ];
  if (app.database) {
    docs.push({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        ...meta(`${app.name}-migrate-${overlay.imageTag.replaceAll('.', '-')}`, app.name, 'migration'),
        // Runs before the new version starts (Argo CD PreSync; with plain kubectl: apply, wait for it, then the Deployment — docker/k8s/README.md).
        annotations: { 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' },
      },
      spec: {
        backoffLimit: 2,
        activeDeadlineSeconds: 900,
        ttlSecondsAfterFinished: 86_400,
        template: {
          metadata: { labels: labels(app.name, 'migration') },
          spec: podSpec(
            app,
            [
              container(app, env, overlay, {
                name: 'migrate',
                command: ['node', 'dist/cli/migrate.js', 'up'],
                // The migrations run as <db>_migrator (ADR 0039); the app runs as <db>_app.
                env: [secretEnv('DATABASE_URL', `${k8sName(app.database)}-migrator-url`, 'uri')],
              }),
            ],
            { restartPolicy: 'Never' },
          ),
        },
      },
    });
  }
  return docs;
}

/** Contexts are reached only from the gateway (and Prometheus); the gateway from the web app and the ingress; each pod reaches its own database, Kafka, DNS and the outside (IdP, S3) over 443. */
function networkPolicy(app, apps) {
  const from =
    app.name === 'web'
      ? [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }]
      : app.name === 'admin-gateway'
        ? [
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
            { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } },
          ]
        : [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'admin-gateway' } } }];
  const egress = [
    {
      to: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      ports: [
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ],
    },
    { to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }], ports: [{ protocol: 'TCP', port: 443 }] },
  ];
  if (usesKafka(app))
    egress.push({
      to: [{ podSelector: { matchLabels: { 'strimzi.io/cluster': KAFKA_CLUSTER, 'strimzi.io/kind': 'Kafka' } } }],
      ports: [{ protocol: 'TCP', port: 9092 }],
    });
  if (app.database)
    egress.push({ to: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': k8sName(app.database) } } }], ports: [{ protocol: 'TCP', port: 5432 }] });
  if (app.name === 'admin-gateway') {
    egress.push({
      to: apps.filter((a) => a.context).map((a) => ({ podSelector: { matchLabels: { 'app.kubernetes.io/name': a.name } } })),
      ports: [{ protocol: 'TCP', port: APP_PORT }],
    });
  }
  if (app.name === 'web')
    egress.push({ to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'admin-gateway' } } }], ports: [{ protocol: 'TCP', port: APP_PORT }] });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(app.name, app.name),
    spec: {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': app.name } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        { from, ports: [{ protocol: 'TCP', port: APP_PORT }] },
        { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }], ports: [{ protocol: 'TCP', port: APP_PORT }] },
      ],
      egress,
    },
  };
}

/** Each database only from its own context (app and migration Job) and the CloudNativePG operator. */
function databaseResources(app, overlay) {
  const name = k8sName(app.database);
  return [
    {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: meta(name, app.name, 'database'),
      spec: {
        instances: overlay.postgres.instances,
        imageName: overlay.postgres.image,
        storage: { size: overlay.postgres.storage },
        enableSuperuserAccess: false,
        bootstrap: { initdb: { database: app.database, owner: `${app.database}_migrator`, secret: { name: `${name}-migrator` } } },
        managed: { roles: [{ name: `${app.database}_app`, ensure: 'present', login: true, passwordSecret: { name: `${name}-app` } }] },
        backup: {
          retentionPolicy: overlay.postgres.retention,
          barmanObjectStore: {
            destinationPath: `s3://hub-backups/${app.database}`,
            endpointURL: 'https://s3.astanahub.kz',
            s3Credentials: {
              accessKeyId: { name: 'hub-backups-s3', key: 'access-key-id' },
              secretAccessKey: { name: 'hub-backups-s3', key: 'secret-access-key' },
            },
            wal: { compression: 'gzip' },
            data: { compression: 'gzip' },
          },
        },
        monitoring: { enablePodMonitor: true },
      },
    },
    {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'ScheduledBackup',
      metadata: meta(`${name}-daily`, app.name, 'database'),
      spec: { schedule: '0 30 1 * * *', backupOwnerReference: 'self', cluster: { name } },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(`${name}-database`, app.name, 'database'),
      spec: {
        podSelector: { matchLabels: { 'cnpg.io/cluster': name } },
        policyTypes: ['Ingress'],
        ingress: [
          { from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': app.name } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
          { from: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': name } } }] },
          { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } } }], ports: [{ protocol: 'TCP', port: 8000 }] },
        ],
      },
    },
  ];
}

function kafkaResources(apps, overlay) {
  const docs = [
    {
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaNodePool',
      metadata: { ...meta('dual-role', 'kafka', 'broker'), labels: { ...labels('kafka', 'broker'), 'strimzi.io/cluster': KAFKA_CLUSTER } },
      spec: {
        replicas: overlay.kafka.replicas,
        roles: ['controller', 'broker'],
        storage: { type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size: overlay.kafka.storage, deleteClaim: false, kraftMetadata: 'shared' }] },
      },
    },
    {
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'Kafka',
      metadata: { ...meta(KAFKA_CLUSTER, 'kafka', 'broker'), annotations: { 'strimzi.io/node-pools': 'enabled', 'strimzi.io/kraft': 'enabled' } },
      spec: {
        kafka: {
          version: '4.1.0',
          listeners: [{ name: 'plain', port: 9092, type: 'internal', tls: false, authentication: { type: 'scram-sha-512' } }],
          authorization: { type: 'simple' },
          config: {
            'offsets.topic.replication.factor': overlay.kafka.replicas,
            'transaction.state.log.replication.factor': overlay.kafka.replicas,
            'transaction.state.log.min.isr': Math.min(2, overlay.kafka.replicas),
            'default.replication.factor': overlay.kafka.replicas,
            'min.insync.replicas': Math.min(2, overlay.kafka.replicas),
            'auto.create.topics.enable': false,
          },
        },
        entityOperator: { topicOperator: {}, userOperator: {} },
      },
    },
  ];
  for (const t of topicSpecs()) {
    docs.push({
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaTopic',
      metadata: {
        ...meta(k8sName(t.name.replaceAll('.', '-')), 'kafka', 'topic'),
        labels: { ...labels('kafka', 'topic'), 'strimzi.io/cluster': KAFKA_CLUSTER },
      },
      spec: {
        topicName: t.name,
        partitions: t.partitions,
        replicas: overlay.kafka.replicas,
        config: { ...(t.retentionMs ? { 'retention.ms': t.retentionMs } : {}), 'min.insync.replicas': Math.min(2, overlay.kafka.replicas) },
      },
    });
  }
  for (const app of apps.filter(usesKafka)) docs.push(kafkaUser(app));
  return docs;
}

/** Each context writes only its own topic (and the dead-letter twins of what it consumes), reads what it consumes, with its own consumer groups. */
export function kafkaUser(app) {
  const consumed = consumedContexts(app.name);
  const acls = [];
  const topic = (name, operations) => acls.push({ resource: { type: 'topic', name, patternType: 'literal' }, operations });
  if (app.context) topic(TOPICS[app.context].name, ['Write', 'Describe']);
  for (const c of consumed) {
    topic(TOPICS[c].name, ['Read', 'Describe']);
    topic(dlqTopicOf(TOPICS[c].name), ['Write', 'Describe']);
  }
  if (consumed.length > 0) acls.push({ resource: { type: 'group', name: `${app.name}.`, patternType: 'prefix' }, operations: ['Read', 'Describe'] });
  acls.push({ resource: { type: 'cluster' }, operations: ['IdempotentWrite'] });
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaUser',
    metadata: { ...meta(`hub-${app.name}`, app.name, 'kafka-user'), labels: { ...labels(app.name, 'kafka-user'), 'strimzi.io/cluster': KAFKA_CLUSTER } },
    spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls } },
  };
}

export function loadOverlay(name) {
  return JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'overlays', `${name}.json`), 'utf8'));
}

/** Every manifest of the platform for an overlay, in apply order (namespace, engines, apps). */
export function render(overlayName) {
  const overlay = loadOverlay(overlayName);
  const apps = platformApps();
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: NAMESPACE, labels: { 'app.kubernetes.io/part-of': 'hub-platform', 'pod-security.kubernetes.io/enforce': 'restricted' } },
    },
    ...kafkaResources(apps, overlay),
    ...apps.filter((a) => a.database).flatMap((a) => databaseResources(a, overlay)),
    ...apps.flatMap((a) => appResources(a, apps, overlay)),
  ];
}

export const toYaml = (docs) => docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
export const renderedPath = (overlay) => join(ROOT, 'docker', 'k8s', 'rendered', `${overlay}.yaml`);
export const OVERLAYS = ['small', 'production'];
const HEADER = '# Rendered by tools/deploy/render.mjs --write (issue #19, ADR 0100): do not edit; change the renderer or overlays/*.json.\n';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  if (args.includes('--write')) {
    for (const o of OVERLAYS) {
      mkdirSync(dirname(renderedPath(o)), { recursive: true });
      writeFileSync(renderedPath(o), HEADER + toYaml(render(o)));
      process.stdout.write(`${renderedPath(o)}\n`);
    }
  } else {
    const i = args.indexOf('--overlay');
    const text = HEADER + toYaml(render(i >= 0 ? args[i + 1] : 'small'));
    const out = args.indexOf('--out');
    if (out >= 0) writeFileSync(args[out + 1], text);
    else process.stdout.write(text);
  }
}
export { HEADER };
