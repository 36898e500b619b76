import { WebFleet } from './fleet.ts';

/** Starts the platform once for every browser test; the returned function stops it and drops its databases. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = performance.now();
  const fleet = new WebFleet();
  try {
    const urls = await fleet.start();
    process.env.HUB_WEB_URL = urls.web;
    process.env.HUB_WEB_GATEWAY = urls.gateway;
    process.env.HUB_WEB_ISSUER = urls.issuer;
    process.env.HUB_WEB_STATE_DIR = fleet.stateDir;
    process.env.HUB_WEB_TOPIC_PREFIX = fleet.topicPrefix;
    process.stdout.write(`web e2e: fleet up in ${Math.round(performance.now() - started)} ms (${JSON.stringify(urls)})\n`);
  } catch (e) {
    await fleet.close();
    throw e;
  }
  return () => fleet.close();
}
