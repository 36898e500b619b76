import { mergeConfig } from 'vitest/config';
import { hubVitestConfig } from '../../vitest.shared.js';

// Compiling the operators' schemas (the Kafka CRD alone is 0.5 MB) takes seconds on a busy machine:
// more than the 10 s of a unit test while other packages' tests run beside it.
export default mergeConfig(hubVitestConfig(), { test: { testTimeout: 120_000 } });
