// Issue #19 — the rendered manifests, validated offline: core kinds against the Kubernetes OpenAPI
// (kubernetes-models), the operators' resources against their CRD schemas (vendored, strict:
// unknown fields are errors), and the platform's own promises checked on the result.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { parseAllDocuments } from 'yaml';
import { TOPICS, dlqTopicOf, topicSpecs } from '@hub/contracts';
import { HEADER, OVERLAYS, consumedContexts, kafkaUser, platformApps, render, renderedPath, toYaml, usesKafka } from '../render.mjs';

const CORE = { Deployment, HorizontalPodAutoscaler, Job, NetworkPolicy, PodDisruptionBudget, ConfigMap, Namespace, Service, ServiceAccount };
const SCHEMAS = new URL('../schemas/', import.meta.url);
const ajv = new Ajv({ strict: false, allErrors: true });
const crdValidators = {};
for (const file of readdirSync(fileURLToPath(SCHEMAS)).filter((f) => f.endsWith('.json'))) {
  const [group, kind] = file.replace(/_v\w+\.json$/, '').split('_'); // kafka.strimzi.io_kafkatopic_v1beta2.json
  crdValidators[`${group}/${kind}`] = ajv.compile(JSON.parse(readFileSync(new URL(file, SCHEMAS), 'utf8')));
}

const OPERATOR_GROUPS = ['kafka.strimzi.io', 'postgresql.cnpg.io'];
function validate(doc) {
  const group = doc.apiVersion.includes('/') ? doc.apiVersion.split('/')[0] : '';
  if (!OPERATOR_GROUPS.includes(group)) {
    const Core = CORE[doc.kind];
    assert.ok(Core, `no Kubernetes model for ${doc.apiVersion} ${doc.kind}`);
    new Core(doc).validate();
    return;
  }
  const v = crdValidators[`${group}/${doc.kind.toLowerCase()}`];
  assert.ok(v, `no schema for ${doc.apiVersion} ${doc.kind}`);
  assert.ok(v(doc), `${doc.kind} ${doc.metadata.name}: ${ajv.errorsText(v.errors)}`);
}

for (const overlay of OVERLAYS) {
  describe(`the ${overlay} overlay (issue #19)`, () => {
    const docs = render(overlay);
    const of = (kind) => docs.filter((d) => d.kind === kind);

    it('every manifest is valid against the Kubernetes and the operators’ schemas', () => {
      for (const d of docs) validate(d);
      assert.ok(docs.length > 100);
    });

    it('the committed rendering is up to date (node tools/deploy/render.mjs --write)', () => {
      assert.equal(readFileSync(renderedPath(overlay), 'utf8'), HEADER + toYaml(docs));
      assert.equal(parseAllDocuments(readFileSync(renderedPath(overlay), 'utf8')).length, docs.length);
    });

    it('every app has its ServiceAccount, ConfigMap, Deployment with probes, Service, HPA, PDB and NetworkPolicy; every context with a database its migration Job', () => {
      for (const app of platformApps()) {
        for (const kind of ['ServiceAccount', 'Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy']) {
          assert.ok(
            of(kind).some((d) => d.metadata.name === app.name),
            `${app.name} has no ${kind}`,
          );
        }
        const deployment = of('Deployment').find((d) => d.metadata.name === app.name);
        const c = deployment.spec.template.spec.containers[0];
        assert.ok(c.readinessProbe && c.livenessProbe && c.startupProbe, `${app.name}: probes`);
        if (app.database)
          assert.ok(
            of('Job').some((j) => j.metadata.labels['app.kubernetes.io/name'] === app.name),
            `${app.name}: migration Job`,
          );
      }
    });

    it('every topic of topicSpecs() is a KafkaTopic, every database a CloudNativePG Cluster with backups', () => {
      const topics = of('KafkaTopic')
        .map((t) => t.spec.topicName)
        .sort();
      assert.deepEqual(
        topics,
        topicSpecs()
          .map((t) => t.name)
          .sort(),
      );
      for (const app of platformApps().filter((a) => a.database)) {
        const cluster = of('Cluster').find((c) => c.spec.bootstrap.initdb.database === app.database);
        assert.ok(cluster, `${app.database}: no Cluster`);
        assert.ok(cluster.spec.backup.barmanObjectStore.destinationPath.endsWith(app.database));
        assert.ok(of('ScheduledBackup').some((b) => b.spec.cluster.name === cluster.metadata.name));
        assert.ok(
          of('NetworkPolicy').some((n) => n.spec.podSelector.matchLabels['cnpg.io/cluster'] === cluster.metadata.name),
          `${app.database}: no policy`,
        );
      }
    });

    it('secrets are references only: no Secret objects, no secret-looking literal values', () => {
      assert.equal(of('Secret').length, 0);
      const text = toYaml(docs);
      assert.doesNotMatch(text, /password:\s*["']?[A-Za-z0-9+/=]{8,}/i);
      for (const d of [...of('Deployment'), ...of('Job')]) {
        for (const c of d.spec.template.spec.containers) {
          for (const e of c.env ?? []) {
            if (/PASSWORD|SECRET|KEY|DATABASE_URL|TOKEN/.test(e.name))
              assert.ok(e.valueFrom?.secretKeyRef, `${d.metadata.name}: ${e.name} must come from a Secret`);
          }
        }
      }
      for (const cm of of('ConfigMap'))
        for (const k of Object.keys(cm.data)) assert.doesNotMatch(k, /PASSWORD|SECRET|PII_KEYS|DATABASE_URL/, `${cm.metadata.name}: ${k}`);
    });

    it('pods run as non-root with a read-only root filesystem and no privilege escalation', () => {
      for (const d of [...of('Deployment'), ...of('Job')]) {
        const pod = d.spec.template.spec;
        assert.equal(pod.securityContext.runAsNonRoot, true);
        assert.equal(pod.automountServiceAccountToken, false);
        for (const c of pod.containers) {
          assert.equal(c.securityContext.readOnlyRootFilesystem, true);
          assert.equal(c.securityContext.allowPrivilegeEscalation, false);
          assert.deepEqual(c.securityContext.capabilities.drop, ['ALL']);
        }
      }
    });

    it('contexts are reachable only from the gateway (and monitoring)', () => {
      for (const app of platformApps().filter((a) => a.context)) {
        const policy = of('NetworkPolicy').find((n) => n.metadata.name === app.name);
        assert.deepEqual(policy.spec.ingress[0].from, [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'admin-gateway' } } }]);
      }
    });
  });
}

describe('Kafka users: each context writes only its own topic (issue #19, issue #18)', () => {
  it('ACLs follow the consumers in the code', () => {
    for (const app of platformApps().filter(usesKafka)) {
      const user = kafkaUser(app);
      const writes = user.spec.authorization.acls.filter((a) => a.resource.type === 'topic' && a.operations.includes('Write')).map((a) => a.resource.name);
      const expected = [...(app.context ? [TOPICS[app.context].name] : []), ...consumedContexts(app.name).map((c) => dlqTopicOf(TOPICS[c].name))];
      assert.deepEqual(writes.sort(), expected.sort(), app.name);
      for (const w of writes) assert.ok(w === TOPICS[app.context]?.name || w.endsWith('.dlq'), `${app.name} writes ${w}`);
    }
    // housing consumes services' cohort events, registration and participation (as the code says)
    assert.deepEqual(consumedContexts('housing'), ['participation', 'registration', 'services']);
    // the gateway neither publishes nor consumes: no Kafka user, no route to the brokers
    assert.equal(usesKafka(platformApps().find((a) => a.name === 'admin-gateway')), false);
  });

  it('a manifest that breaks a schema is refused (the validation can fail)', () => {
    const topic = structuredClone(render('small').find((d) => d.kind === 'KafkaTopic'));
    topic.spec.partitions = 0;
    assert.throws(() => validate(topic), /partitions|minimum/);
    const typo = structuredClone(topic);
    typo.spec.partitions = 3;
    typo.spec.replicationFactor = 3; // not a KafkaTopic field: the CRD schemas are strict
    assert.throws(() => validate(typo), /additional/);
    const deployment = structuredClone(render('small').find((d) => d.kind === 'Deployment'));
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    assert.throws(() => validate(deployment), /integer/);
  });
});
