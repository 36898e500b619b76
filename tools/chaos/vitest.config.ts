import { mergeConfig } from 'vitest/config';
import { hubVitestConfig } from '../../vitest.shared.js';

// Whole fleets of processes: one file at a time, generous hooks. The long chaos run
// (`tools/hub chaos`) takes many minutes; the bounded one in `tools/hub test` stays under 3.
export default mergeConfig(hubVitestConfig({ integration: true }), {
  test: { testTimeout: process.env.HUB_CHAOS_MODE === 'long' ? 3_600_000 : 300_000, hookTimeout: 180_000 },
});
