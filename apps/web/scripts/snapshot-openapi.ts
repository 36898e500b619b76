// Refreshes openapi/gateway.openapi.json — the gateway's merged OpenAPI the typed client is generated
// from (ADR 0040) — from a fleet of the real apps started here (registration, participation, gateway;
// built first: pnpm exec turbo run build --filter=@hub/web^...). The e2e test fails when the committed
// snapshot and the running gateway disagree, and writes the fresh document next to its results.
//   node scripts/snapshot-openapi.ts            (pnpm --filter @hub/web snapshot:openapi)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB, WebFleet } from '../test/support/fleet.ts';

const fleet = new WebFleet();
try {
  const { gateway } = await fleet.start({ web: false });
  const doc: unknown = await (await fetch(`${gateway}/api/openapi.json`)).json();
  writeFileSync(join(WEB, 'openapi/gateway.openapi.json'), `${JSON.stringify(doc, null, 2)}\n`);
  process.stdout.write('openapi/gateway.openapi.json written\n');
} finally {
  await fleet.close();
}
