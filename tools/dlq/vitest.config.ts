import { mergeConfig } from 'vitest/config';
import { hubVitestConfig } from '../../vitest.shared.js';

// Real PostgreSQL and Kafka (a consumer group joins twice): integration timeouts.
export default mergeConfig(hubVitestConfig({ integration: true }), { test: { testTimeout: 120_000, hookTimeout: 60_000 } });
