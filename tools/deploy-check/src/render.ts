import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { PLATFORM_SERVICE_CLIENTS } from '@hub/contracts';
import { renderMonitoring } from './monitoring.js';
import type { EgressPeer, Manifest, Overlay } from './types.js';
import { REPO_ROOT, discoverApps, dlqTopicOf, topicSpecs, type AppFacts } from './platform.js';

/**
 * The platform's Kubernetes manifests (issue #19, ADR 0100): generated from the code's facts
 * (platform.ts) and one overlay of sizes (docker/k8s/overlays/<name>.yaml). Secrets appear only as
 * references (secretKeyRef, secret volumes, operator-created Secrets); their values are created
 * outside the repository (docker/README.md "Kubernetes").
 */
export type { Manifest, Overlay } from './types.js';

export const OVERLAYS = ['single-node', 'production'] as const;
export type OverlayName = (typeof OVERLAYS)[number];

export const K8S_DIR = join(REPO_ROOT, 'docker/k8s');

export function loadOverlay(name: OverlayName): Overlay {
  return parse(readFileSync(join(K8S_DIR, 'overlays', `${name}.yaml`), 'utf8')) as Overlay;
}

export const KAFKA_CLUSTER = 'hub-kafka';
/** Every app listens on 3000 in its container (docker/app.Dockerfile, docker/web.Dockerfile). */
const HTTP_PORT = 3000;
const PART_OF = 'hub-platform';

export const dbClusterName = (app: string): string => `${app}-db`;
/** CloudNativePG creates `<cluster>-app` with the application user's connection URI under `uri` (not used since ADR 0103's roles). */
export const dbAppSecret = (app: string): string => `${dbClusterName(app)}-app`;

/**
 * ADR 0039's two roles per context database, in the cluster (ADR 0103): `<db>_migrator` owns the
 * database and runs the migration Job; `<db>_app` (DML only) runs the Deployment. Their passwords are
 * `kubernetes.io/basic-auth` Secrets created outside the repository (URL-safe passwords: the URL is
 * composed from them in the pod).
 */
export type DbRole = 'migrator' | 'app';
export const dbRoleName = (database: string, role: DbRole): string => `${database}_${role}`;
export const dbRoleSecret = (app: string, role: DbRole): string => `${dbClusterName(app)}-${role}-credentials`;

/** What the cluster runs once, in the new database, as the superuser: ADR 0039's grants before any table exists. */
export function dbRoleSql(database: string): string[] {
  const migrator = dbRoleName(database, 'migrator');
  const app = dbRoleName(database, 'app');
  return [
    // Created here so the default privileges can name it; `managed.roles` gives it LOGIN and its password.
    `create role ${app} nologin`,
    `revoke all on database ${database} from public`,
    `grant connect, temporary on database ${database} to ${migrator}, ${app}`,
    'revoke create on schema public from public',
    `grant usage on schema public to ${app}`,
    `alter default privileges for role ${migrator} in schema public grant select, insert, update, delete on tables to ${app}`,
    `alter default privileges for role ${migrator} in schema public grant usage, select on sequences to ${app}`,
  ];
}

/**
 * ADR 0039's post-migration step (issue #19): run by the migration Job as the migrator (the owner of
 * every table, so no superuser is needed) once the migrations have created the tables — the app role
 * may only read the migrations table, and only INSERT/SELECT the app's append-only tables (the
 * gateway's audit trail: as the app is not the owner it cannot disable their triggers either). The
 * statements of `tools/dev-stack/db-roles.mjs` after the migrations; idempotent.
 */
export function dbPostMigrationSql(app: Pick<AppFacts, 'database' | 'appendOnly'>): string[] {
  if (!app.database) return [];
  const role = dbRoleName(app.database, 'app');
  return [
    `revoke insert, update, delete, truncate on mikro_orm_migrations from ${role}`,
    ...app.appendOnly.map((table) => `revoke update, delete, truncate on ${table} from ${role}`),
  ];
}

/** The image of the post-migration step: the database's own (it has psql), the Cluster's `imageName`. */
export const POSTGRES_IMAGE = 'ghcr.io/cloudnative-pg/postgresql:16';

const labels = (app: string, component: string): Record<string, string> => ({
  'app.kubernetes.io/name': app,
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/part-of': PART_OF,
  'hub.kz/context': app,
});

const selector = (app: string): Record<string, string> => ({ 'app.kubernetes.io/name': app, 'app.kubernetes.io/component': 'api' });

const secretEnv = (name: string, secret: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: secret, key } } });

/**
 * ADR 0106: the apps that call another context as themselves — each a confidential client of the IdP
 * (client credentials, a service account with only its service role), its secret in `<app>-service-client`.
 * They reach the other context through the gateway, which therefore admits their pods.
 */
export const SERVICE_CLIENTS: Readonly<Record<string, { clientId: string; env: (o: Overlay) => Record<string, string> }>> = Object.fromEntries(
  // The platform's one list (@hub/contracts PLATFORM_SERVICE_CLIENTS): the dev issuer and tools/hub read it too.
  PLATFORM_SERVICE_CLIENTS.map((c) => [
    c.app,
    { clientId: c.clientId, env: () => ({ [c.calls.setting]: `http://admin-gateway:${HTTP_PORT}${c.calls.gatewayPath}` }) },
  ]),
);

const podSecurityContext = { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } };
const containerSecurityContext = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] } };

/**
 * The database URL of one role: user and password from its Secret, the URL composed by Kubernetes
 * (`$(VAR)` expands variables defined before it in the same container).
 */
export function databaseEnv(app: AppFacts, role: DbRole): object[] {
  if (!app.database) return [];
  return [
    secretEnv('HUB_DB_USER', dbRoleSecret(app.name, role), 'username'),
    secretEnv('HUB_DB_PASSWORD', dbRoleSecret(app.name, role), 'password'),
    {
      name: 'DATABASE_URL',
      value: `postgres://$(HUB_DB_USER):$(HUB_DB_PASSWORD)@${dbClusterName(app.name)}-rw:5432/${app.database}?sslmode=verify-full&sslrootcert=${DB_CA_FILE}`,
    },
    ...DB_TLS_ENV,
  ];
}

/**
 * ADR 0112 §5 (ASVS 9.2): PostgreSQL over TLS only, the server verified against the cluster's CA
 * (CloudNativePG's `<cluster>-ca` Secret, `ca.crt`, mounted here) and its name (`<cluster>-rw` is in
 * the server certificate). psql reads the URL's `sslmode`/`sslrootcert`; the Node apps read
 * `PGSSLMODE` (pg) and trust the CA through `NODE_EXTRA_CA_CERTS` — MikroORM builds the pool from
 * the URL's host, user and database only, so the URL's parameters would not reach the driver
 * (tools/chaos/test/postgres-tls.int.spec.ts proves both on a server that refuses plain TCP).
 */
export const DB_CA_DIR = '/var/run/secrets/hub/db-ca';
export const DB_CA_FILE = `${DB_CA_DIR}/ca.crt`;
export const DB_TLS_ENV: readonly { name: string; value: string }[] = [
  { name: 'PGSSLMODE', value: 'verify-full' },
  { name: 'PGSSLROOTCERT', value: DB_CA_FILE },
  { name: 'NODE_EXTRA_CA_CERTS', value: DB_CA_FILE },
];
const dbCaVolume = (app: AppFacts) => ({ name: 'db-ca', secret: { secretName: `${dbClusterName(app.name)}-ca`, items: [{ key: 'ca.crt', path: 'ca.crt' }] } });
const dbCaMount = { name: 'db-ca', mountPath: DB_CA_DIR, readOnly: true };

/**
 * The apps that keep personal data sealed with @hub/pii (F-42) and so get the `<app>-pii` key ring —
 * the same apps docker/compose.yaml gives HUB_PII_KEYS (a test holds the two together). Notifications:
 * a person's e-mail and an application's filer (ADR 0114, 0121).
 */
export const PII_APPS: ReadonlySet<string> = new Set(['participation', 'housing', 'training', 'services', 'notifications']);

/** Variables from Secrets, per app (F-42 keys, S3 credentials, the database role, the Kafka user's password). */
function secretEnvOf(app: AppFacts, role: DbRole): object[] {
  const env: object[] = [...databaseEnv(app, role)];
  if (app.kind === 'context') env.push(secretEnv('HUB_KAFKA_SASL_PASSWORD', app.name, 'password')); // the KafkaUser's Secret (Strimzi)
  if (PII_APPS.has(app.name)) {
    // F-42: the personal-data key ring, created by the operator of the cluster (docs/runbooks).
    env.push(secretEnv('HUB_PII_KEYS', `${app.name}-pii`, 'HUB_PII_KEYS'), secretEnv('HUB_PII_ACTIVE_KEY', `${app.name}-pii`, 'HUB_PII_ACTIVE_KEY'));
  }
  if (SERVICE_CLIENTS[app.name] && role === 'app') env.push(secretEnv('HUB_SERVICE_CLIENT_SECRET', `${app.name}-service-client`, 'client-secret'));
  if (app.name === 'documents') {
    env.push(
      secretEnv('HUB_S3_ACCESS_KEY_ID', 'documents-s3', 'HUB_S3_ACCESS_KEY_ID'),
      secretEnv('HUB_S3_SECRET_ACCESS_KEY', 'documents-s3', 'HUB_S3_SECRET_ACCESS_KEY'),
    );
  }
  return env;
}

function configOf(app: AppFacts, all: readonly AppFacts[], o: Overlay): Record<string, string> {
  if (app.kind === 'web') {
    return {
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: String(HTTP_PORT),
      HUB_WEB_GATEWAY_URL: `http://admin-gateway:${HTTP_PORT}`,
      HUB_WEB_ISSUER_URL: o.web.publicIssuerUrl,
      HUB_WEB_CLIENT_ID: o.web.clientId,
      HUB_AUTH_ISSUER: o.auth.issuer,
      // ADR 0045: the browser PUTs uploads to the store's public endpoint (the page's connect-src)
      HUB_WEB_UPLOAD_ORIGINS: o.documents.s3PublicEndpoint,
    };
  }
  const c: Record<string, string> = {
    NODE_ENV: 'production',
    PORT: String(HTTP_PORT),
    HUB_LOG_LEVEL: 'info',
    HUB_AUTH_ISSUER: o.auth.issuer,
    HUB_AUTH_AUDIENCE: o.auth.audience,
    HUB_AUTH_JWKS_URL: o.auth.jwksUrl,
    // ADR 0102: spans over OTLP/HTTP, named after the app.
    OTEL_EXPORTER_OTLP_ENDPOINT: o.tracing.otlpEndpoint,
    OTEL_SERVICE_NAME: app.name,
  };
  if (app.kind === 'gateway') {
    const contexts = all.filter((a) => a.kind === 'context');
    const url = (n: string) => `http://${n}:${HTTP_PORT}`;
    c.REGISTRATION_URL = url('registration');
    c.PARTICIPATION_URL = url('participation');
    c.HUB_GATEWAY_UPSTREAMS = JSON.stringify(
      Object.fromEntries(contexts.filter((a) => a.name !== 'registration' && a.name !== 'participation').map((a) => [a.name, url(a.name)])),
    );
    c.HUB_GATEWAY_TRUST_PROXY = 'true';
  }
  if (app.kind === 'context') {
    c.HUB_KAFKA_BROKERS = `${KAFKA_CLUSTER}-kafka-bootstrap:9092`;
    c.HUB_KAFKA_SASL_MECHANISM = 'scram-sha-512';
    c.HUB_KAFKA_SASL_USERNAME = app.name;
    c.HUB_RUN_WORKERS = 'true';
  }
  const client = SERVICE_CLIENTS[app.name];
  if (client) Object.assign(c, { HUB_SERVICE_AUTH_URL: o.auth.tokenUrl, HUB_SERVICE_CLIENT_ID: client.clientId }, client.env(o));
  // ADR 0110: the Fund's BIN, configuration per overlay, for each app whose settings read it (documents, housing).
  if (app.ownSettings.includes('HUB_FUND_BIN')) c.HUB_FUND_BIN = o.fund.bin;
  // ADR 0117: the clamd that scans uploads, for each app whose settings read it (documents).
  if (app.ownSettings.includes('HUB_CLAMD_URL')) c.HUB_CLAMD_URL = o.documents.clamdUrl;
  if (app.name === 'registration') {
    c.REGISTRATION_PUBLIC_BASE_URL = o.publicBaseUrl;
    c.REGISTRATION_SIGNING_KEY_FILE = '/var/run/secrets/hub/registration-signing/key.pem';
  }
  if (app.name === 'documents') {
    c.HUB_S3_ENDPOINT = o.documents.s3Endpoint;
    c.HUB_S3_PUBLIC_ENDPOINT = o.documents.s3PublicEndpoint;
    c.HUB_S3_BUCKET = o.documents.s3Bucket;
    c.HUB_S3_REGION = o.documents.s3Region;
  }
  return c;
}

function image(app: AppFacts, o: Overlay): string {
  return `${o.imageRegistry}/${app.name}:${o.imageTag}`;
}

function podSpec(app: AppFacts, o: Overlay, command?: string[]) {
  const volumes: object[] = [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }];
  const mounts: object[] = [{ name: 'tmp', mountPath: '/tmp' }];
  if (app.database) {
    volumes.push(dbCaVolume(app));
    mounts.push(dbCaMount);
  }
  if (app.name === 'registration' && !command) {
    volumes.push({ name: 'signing-key', secret: { secretName: 'registration-signing-key', items: [{ key: 'key.pem', path: 'key.pem' }] } });
    mounts.push({ name: 'signing-key', mountPath: '/var/run/secrets/hub/registration-signing', readOnly: true });
  }
  const health = app.kind === 'web' ? { live: '/healthz', ready: '/healthz' } : { live: '/health/live', ready: '/health/ready' };
  const container: Record<string, unknown> = {
    name: app.name,
    image: image(app, o),
    imagePullPolicy: 'IfNotPresent',
    envFrom: [{ configMapRef: { name: `${app.name}-config` } }],
    env: secretEnvOf(app, command ? 'migrator' : 'app'),
    securityContext: containerSecurityContext,
    volumeMounts: mounts,
    resources: { requests: o.apps.requests, limits: o.apps.limits },
  };
  if (command) {
    container.command = command;
  } else {
    container.ports = [{ name: 'http', containerPort: HTTP_PORT, protocol: 'TCP' }];
    // nest-commons HealthController: /health/live answers while the process runs, /health/ready
    // only when the database and Kafka answer. The web server answers /healthz.
    container.startupProbe = { httpGet: { path: health.live, port: 'http' }, periodSeconds: 2, failureThreshold: 30, timeoutSeconds: 2 };
    container.livenessProbe = { httpGet: { path: health.live, port: 'http' }, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 2 };
    container.readinessProbe = { httpGet: { path: health.ready, port: 'http' }, periodSeconds: 5, failureThreshold: 3, timeoutSeconds: 3 };
  }
  return {
    serviceAccountName: app.name,
    automountServiceAccountToken: false,
    securityContext: podSecurityContext,
    containers: [container],
    volumes,
  };
}

/**
 * The migration Job's pod: `migrate.js up` (an init container, the app's image) and then ADR 0039's
 * post-migration revokes with psql (the database image), both as the migrator; the psql URL is the
 * container's composed `DATABASE_URL` (Kubernetes expands `$(VAR)` in the command).
 */
function migrationPodSpec(app: AppFacts, o: Overlay) {
  const pod = podSpec(app, o, ['node', 'dist/cli/migrate.js', 'up']);
  const migrate = pod.containers[0]!;
  const sql = dbPostMigrationSql(app).join(';\n');
  const grants = {
    name: 'post-migration-grants',
    image: POSTGRES_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    command: ['psql', '$(DATABASE_URL)', '--no-psqlrc', '--set=ON_ERROR_STOP=1', '--command', `begin;\n${sql};\ncommit;`],
    env: databaseEnv(app, 'migrator'),
    volumeMounts: [dbCaMount],
    securityContext: containerSecurityContext,
    resources: { requests: o.apps.requests, limits: o.apps.limits },
  };
  return { ...pod, initContainers: [{ ...migrate, name: 'migrate' }], containers: [grants], restartPolicy: 'Never' };
}

const meta = (name: string, o: Overlay, l: Record<string, string>, annotations?: Record<string, string>) => ({
  name,
  namespace: o.namespace,
  labels: l,
  ...(annotations ? { annotations } : {}),
});

/** Everything one app needs, deployable alone once the platform bundle (Kafka, topics) exists. */
export function renderApp(app: AppFacts, all: readonly AppFacts[], o: Overlay): Manifest[] {
  const l = labels(app.name, 'api');
  const docs: Manifest[] = [];
  docs.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(app.name, o, l), automountServiceAccountToken: false });
  docs.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${app.name}-config`, o, l), data: configOf(app, all, o) });

  if (app.database) {
    const dl = labels(app.name, 'database');
    docs.push({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      metadata: meta(dbClusterName(app.name), o, dl),
      spec: {
        instances: o.postgres.instances,
        imageName: POSTGRES_IMAGE,
        // ADR 0112 §5: no client connection without TLS (the operator's own rules for replication come first).
        postgresql: { pg_hba: ['hostnossl all all all reject'] },
        storage: { size: o.postgres.storage },
        resources: o.postgres.resources,
        // ADR 0039 / 0103: the migrator owns the database; the app role is managed by the operator.
        bootstrap: {
          initdb: {
            database: app.database,
            owner: dbRoleName(app.database, 'migrator'),
            secret: { name: dbRoleSecret(app.name, 'migrator') },
            postInitApplicationSQL: dbRoleSql(app.database),
          },
        },
        managed: {
          roles: [
            {
              name: dbRoleName(app.database, 'app'),
              ensure: 'present',
              login: true,
              inherit: true,
              connectionLimit: -1,
              passwordSecret: { name: dbRoleSecret(app.name, 'app') },
              comment: `${app.name}: data only (ADR 0039)`,
            },
          ],
        },
        backup: {
          retentionPolicy: o.backup.retentionPolicy,
          barmanObjectStore: {
            destinationPath: `${o.backup.destinationPath}/${app.name}`,
            endpointURL: o.backup.endpointURL,
            s3Credentials: {
              accessKeyId: { name: o.backup.credentialsSecret, key: 'ACCESS_KEY_ID' },
              secretAccessKey: { name: o.backup.credentialsSecret, key: 'ACCESS_SECRET_KEY' },
            },
            wal: { compression: 'gzip' },
            data: { compression: 'gzip' },
          },
        },
      },
    });
    docs.push({
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'ScheduledBackup',
      metadata: meta(`${dbClusterName(app.name)}-daily`, o, dl),
      spec: { schedule: o.backup.schedule, backupOwnerReference: 'self', cluster: { name: dbClusterName(app.name) } },
    });
    // The database only from its own context's pods (the app and its migration Job), its own
    // instances (replication), the CloudNativePG operator and the metrics scraper.
    docs.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(`${dbClusterName(app.name)}-ingress`, o, dl),
      spec: {
        podSelector: { matchLabels: { 'cnpg.io/cluster': dbClusterName(app.name) } },
        policyTypes: ['Ingress'],
        ingress: [
          { from: [{ podSelector: { matchLabels: { 'hub.kz/context': app.name } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
          { from: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': dbClusterName(app.name) } } }] },
          { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } } }], ports: [{ protocol: 'TCP', port: 8000 }] },
          {
            from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': o.monitoringNamespace } } }],
            ports: [{ protocol: 'TCP', port: 9187 }],
          },
        ],
      },
    });
    // Migrations before the new version: one Job per image tag (`node dist/cli/migrate.js up`).
    docs.push({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: meta(`${app.name}-migrate-${o.imageTag.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`.slice(0, 63), o, labels(app.name, 'migration'), {
        'argocd.argoproj.io/hook': 'PreSync',
        'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      }),
      spec: {
        backoffLimit: 3,
        activeDeadlineSeconds: 900,
        ttlSecondsAfterFinished: 86_400,
        template: {
          metadata: { labels: labels(app.name, 'migration') },
          spec: migrationPodSpec(app, o),
        },
      },
    });
  }

  if (app.kind === 'context') {
    docs.push({
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaUser',
      metadata: meta(app.name, o, { ...labels(app.name, 'kafka-user'), 'strimzi.io/cluster': KAFKA_CLUSTER }),
      spec: {
        authentication: { type: 'scram-sha-512' },
        authorization: { type: 'simple', acls: kafkaAcls(app) },
      },
    });
  }

  const podLabels = { ...l, ...(app.kind === 'context' ? { 'hub.kz/kafka-client': 'true' } : {}) };
  docs.push({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(app.name, o, l),
    // No `replicas`: the HorizontalPodAutoscaler owns it (minReplicas = the overlay's replicas), so
    // an apply does not scale a busy app down.
    spec: {
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector(app.name) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: {
          labels: podLabels,
          annotations: {
            'prometheus.io/scrape': app.kind === 'web' ? 'false' : 'true',
            'prometheus.io/path': '/metrics',
            'prometheus.io/port': String(HTTP_PORT),
          },
        },
        spec: {
          ...podSpec(app, o),
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector(app.name) } },
          ],
        },
      },
    },
  });
  docs.push({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(app.name, o, l),
    spec: { type: 'ClusterIP', selector: selector(app.name), ports: [{ name: 'http', port: HTTP_PORT, targetPort: 'http', protocol: 'TCP' }] },
  });
  docs.push({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(app.name, o, l),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app.name },
      minReplicas: o.apps.replicas,
      maxReplicas: o.apps.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
    },
  });
  docs.push({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(app.name, o, l),
    spec: { ...(o.apps.pdbMinAvailable > 0 ? { minAvailable: o.apps.pdbMinAvailable } : { maxUnavailable: 1 }), selector: { matchLabels: selector(app.name) } },
  });
  // From outside (ADR 0103): the web app on the public host (it proxies /api to the gateway, same
  // origin), the gateway on the API host for other systems. TLS from a Secret made outside the repo.
  if (app.kind === 'web' || app.kind === 'gateway') {
    const host = app.kind === 'web' ? new URL(o.publicBaseUrl).hostname : o.ingress.apiHost;
    docs.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta(app.name, o, l, Object.keys(o.ingress.annotations ?? {}).length ? o.ingress.annotations : undefined),
      spec: {
        ingressClassName: o.ingress.className,
        tls: [{ hosts: [host], secretName: o.ingress.tlsSecret }],
        rules: [{ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: app.name, port: { name: 'http' } } } }] } }],
      },
    });
  }
  // Who may call the app: contexts only from the gateway (and the metrics scraper); the gateway from
  // the web app, the contexts with a service client (ADR 0106) and the ingress controller; the web app from the ingress controller.
  const fromPods = (name: string) => ({ podSelector: { matchLabels: { 'app.kubernetes.io/name': name } } });
  const fromNs = (ns: string) => ({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': ns } } });
  const callers =
    app.kind === 'context'
      ? [fromPods('admin-gateway')]
      : app.kind === 'gateway'
        ? [fromPods('web'), ...Object.keys(SERVICE_CLIENTS).map(fromPods), fromNs(o.ingressNamespace)]
        : [fromNs(o.ingressNamespace)];
  docs.push({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(`${app.name}-ingress`, o, l),
    spec: {
      podSelector: { matchLabels: selector(app.name) },
      policyTypes: ['Ingress'],
      ingress: [
        { from: callers, ports: [{ protocol: 'TCP', port: HTTP_PORT }] },
        ...(app.kind === 'web' ? [] : [{ from: [fromNs(o.monitoringNamespace)], ports: [{ protocol: 'TCP', port: HTTP_PORT }] }]),
      ],
    },
  });
  docs.push(...egressPolicies(app, all, o));
  return docs;
}

const peerOf = (p: EgressPeer) => {
  const to = p.cidrs
    ? p.cidrs.map((cidr) => ({ ipBlock: { cidr } }))
    : [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': p.namespace! } },
          ...(p.podLabels ? { podSelector: { matchLabels: p.podLabels } } : {}),
        },
      ];
  const ports = [{ protocol: 'TCP', port: p.port }, ...(p.udp ? [{ protocol: 'UDP', port: p.port }] : [])];
  return { to, ports };
};
const toPods = (matchLabels: Record<string, string>, port: number) => ({ to: [{ podSelector: { matchLabels } }], ports: [{ protocol: 'TCP', port }] });

/**
 * Egress (ASVS 1.14, ADR 0112 §4): with a policy of type Egress on its pods, an app may connect only
 * to what it needs — DNS; its own database (5432); the broker's pods (contexts, 9092); the gateway
 * (the web app, and the contexts that are service clients, ADR 0106); the contexts (the gateway);
 * the OTLP collector and the IdP (JWKS, token endpoint); documents its object store, notifications
 * its mail relay and clamd (ADR 0117). The migration Job only DNS and its database. Addresses outside the platform's own
 * pods are overlay data (`egress`).
 */
export function egressPolicies(app: AppFacts, all: readonly AppFacts[], o: Overlay): Manifest[] {
  const l = labels(app.name, 'api');
  const database = app.database ? [toPods({ 'cnpg.io/cluster': dbClusterName(app.name) }, 5432)] : [];
  const rules: object[] = [peerOf(o.egress.dns), ...database];
  if (app.kind === 'web') rules.push(toPods({ 'app.kubernetes.io/name': 'admin-gateway', 'app.kubernetes.io/component': 'api' }, HTTP_PORT));
  else rules.push(peerOf(o.egress.otlp), peerOf(o.egress.idp));
  if (app.kind === 'context') rules.push(toPods({ 'strimzi.io/cluster': KAFKA_CLUSTER, 'strimzi.io/kind': 'Kafka' }, 9092));
  if (app.kind === 'context' && SERVICE_CLIENTS[app.name])
    rules.push(toPods({ 'app.kubernetes.io/name': 'admin-gateway', 'app.kubernetes.io/component': 'api' }, HTTP_PORT));
  if (app.kind === 'gateway')
    for (const c of all.filter((a) => a.kind === 'context'))
      rules.push(toPods({ 'app.kubernetes.io/name': c.name, 'app.kubernetes.io/component': 'api' }, HTTP_PORT));
  if (app.ownSettings.includes('HUB_S3_ENDPOINT')) rules.push(peerOf(o.egress.s3));
  if (app.name === 'notifications') rules.push(peerOf(o.egress.smtp));
  if (app.ownSettings.includes('HUB_CLAMD_URL')) rules.push(peerOf(o.egress.clamd));
  const docs: Manifest[] = [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(`${app.name}-egress`, o, l),
      spec: { podSelector: { matchLabels: selector(app.name) }, policyTypes: ['Egress'], egress: rules },
    },
  ];
  if (app.database)
    docs.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(`${app.name}-migrate-egress`, o, labels(app.name, 'migration')),
      spec: {
        podSelector: { matchLabels: { 'hub.kz/context': app.name, 'app.kubernetes.io/component': 'migration' } },
        policyTypes: ['Egress'],
        egress: [peerOf(o.egress.dns), ...database],
      },
    });
  return docs;
}

/**
 * A context's Kafka rights (Strimzi simple authorisation): write (and describe) only its own topic;
 * read what it consumes; write the dead-letter twins of what it consumes (a consumer dead-letters
 * there, packages/messaging event-consumer.ts); its own consumer groups (`<context>.` prefix).
 */
export function kafkaAcls(app: AppFacts): object[] {
  const topic = (name: string, operations: string[]) => ({ resource: { type: 'topic', name, patternType: 'literal' }, operations, host: '*' });
  return [
    topic(app.topic!.name, ['Write', 'Describe']),
    ...app.consumes.flatMap((t) => [topic(t, ['Read', 'Describe']), topic(dlqTopicOf(t), ['Write', 'Describe'])]),
    ...(app.consumes.length > 0
      ? [{ resource: { type: 'group', name: `${app.name}.`, patternType: 'prefix' }, operations: ['Read', 'Describe'], host: '*' }]
      : []),
  ];
}

/** The Kafka user of operators running `tools/hub dlq` (ADR 0103, issue #19). */
export const DLQ_OPERATOR_USER = 'hub-dlq-operator';

/**
 * `tools/hub dlq`'s rights: read every dead-letter topic, write each one's source topic (a replay
 * publishes the message back there; the consumers' inboxes make it single), and only its own
 * throwaway consumer groups (`hub-dlq-tool.<pid>.<time>`, tools/dlq dead-letters.ts). No context's
 * group, nothing else.
 */
export function dlqOperatorAcls(): object[] {
  const topic = (name: string, operations: string[]) => ({ resource: { type: 'topic', name, patternType: 'literal' }, operations, host: '*' });
  const dlqs = topicSpecs()
    .map((t) => t.name)
    .filter((n) => n.endsWith('.dlq'))
    .sort();
  return [
    ...dlqs.map((d) => topic(d, ['Read', 'Describe'])),
    ...dlqs.map((d) => topic(d.slice(0, -'.dlq'.length), ['Write', 'Describe'])),
    { resource: { type: 'group', name: 'hub-dlq-tool.', patternType: 'prefix' }, operations: ['Read', 'Describe'], host: '*' },
  ];
}

/** Shared by all contexts: the Kafka cluster, its topics (from topicSpecs()), the default-deny policy, scraping and alerts. */
export function renderPlatform(o: Overlay, apps: readonly AppFacts[] = discoverApps()): Manifest[] {
  const l = { 'app.kubernetes.io/part-of': PART_OF, 'app.kubernetes.io/component': 'kafka' };
  const docs: Manifest[] = [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta('default-deny-ingress', o, { 'app.kubernetes.io/part-of': PART_OF }),
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    },
    {
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaNodePool',
      metadata: meta('dual-role', o, { ...l, 'strimzi.io/cluster': KAFKA_CLUSTER }),
      spec: {
        replicas: o.kafka.replicas,
        roles: ['controller', 'broker'],
        storage: { type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size: o.kafka.storage, deleteClaim: false, kraftMetadata: 'shared' }] },
        resources: o.kafka.resources,
      },
    },
    {
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'Kafka',
      metadata: meta(KAFKA_CLUSTER, o, l, { 'strimzi.io/node-pools': 'enabled', 'strimzi.io/kraft': 'enabled' }),
      spec: {
        kafka: {
          listeners: [
            {
              name: 'scram',
              port: 9092,
              type: 'internal',
              tls: false,
              authentication: { type: 'scram-sha-512' },
              // Strimzi writes the listener's NetworkPolicy: only pods labelled as Kafka clients.
              networkPolicyPeers: [{ podSelector: { matchLabels: { 'hub.kz/kafka-client': 'true' } } }],
            },
          ],
          authorization: { type: 'simple' },
          config: {
            'auto.create.topics.enable': false,
            'default.replication.factor': o.kafka.topicReplicas,
            'min.insync.replicas': o.kafka.minInsyncReplicas,
            'offsets.topic.replication.factor': o.kafka.topicReplicas,
            'transaction.state.log.replication.factor': o.kafka.topicReplicas,
            'transaction.state.log.min.isr': o.kafka.minInsyncReplicas,
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
      metadata: meta(t.name, o, { ...l, 'app.kubernetes.io/component': 'topic', 'strimzi.io/cluster': KAFKA_CLUSTER }),
      spec: {
        topicName: t.name,
        partitions: t.partitions,
        replicas: o.kafka.topicReplicas,
        config: { ...(t.retentionMs ? { 'retention.ms': t.retentionMs } : {}), 'min.insync.replicas': o.kafka.minInsyncReplicas, 'cleanup.policy': 'delete' },
      },
    });
  }
  docs.push({
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaUser',
    metadata: meta(DLQ_OPERATOR_USER, o, { ...l, 'app.kubernetes.io/component': 'kafka-user', 'strimzi.io/cluster': KAFKA_CLUSTER }),
    spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls: dlqOperatorAcls() } },
  });
  return [...docs, ...renderMonitoring(o, apps)];
}

/** The whole platform for one overlay; `only` limits it to one app's bundle (a team deploying its context alone). */
export function render(overlay: OverlayName, options: { only?: string; platform?: boolean; stage?: 'before' | 'after' } = {}): Manifest[] {
  const o = loadOverlay(overlay);
  const apps = discoverApps();
  if (options.only) {
    const app = apps.find((a) => a.name === options.only);
    if (!app) throw new Error(`no app ${options.only} under apps/ (${apps.map((a) => a.name).join(', ')})`);
    // before: everything the new version needs, its migration Job included; after: the new version.
    const starts = (d: Manifest) => d.kind === 'Deployment' || d.kind === 'HorizontalPodAutoscaler';
    const docs = renderApp(app, apps, o);
    return options.stage === 'before' ? docs.filter((d) => !starts(d)) : options.stage === 'after' ? docs.filter(starts) : docs;
  }
  if (options.platform) return renderPlatform(o, apps);
  return [...renderPlatform(o, apps), ...apps.flatMap((a) => renderApp(a, apps, o))];
}

export function toYaml(docs: readonly Manifest[]): string {
  return docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
}
