#!/usr/bin/env node
/**
 * Renders the platform's Kubernetes manifests (ADR 0100) to stdout as one multi-document YAML:
 *
 *   node tools/deploy-check/dist/cli.js <single-node|production> [--platform | --app <name> [--before | --after]]
 *
 * Without a flag: everything (platform + every app). --platform: Kafka, topics, default-deny.
 * --app <name>: one app's bundle (ServiceAccount … KafkaUser, database, migration Job);
 * --before: all of it but the Deployment and its HPA (apply, wait for the migration Job), --after:
 * the Deployment and its HPA (the new version starts once its migrations ran).
 */
import { OVERLAYS, render, toYaml, type OverlayName } from './render.js';

const [overlay, flag, value, stage] = process.argv.slice(2);
if (!overlay || !(OVERLAYS as readonly string[]).includes(overlay)) {
  process.stderr.write(`usage: hub-k8s-render <${OVERLAYS.join('|')}> [--platform | --app <name>]\n`);
  process.exit(2);
}
const staged = stage === '--before' ? { stage: 'before' as const } : stage === '--after' ? { stage: 'after' as const } : {};
const options = flag === '--platform' ? { platform: true } : flag === '--app' && value ? { only: value, ...staged } : {};
process.stdout.write(toYaml(render(overlay as OverlayName, options)));
