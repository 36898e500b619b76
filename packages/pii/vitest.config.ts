import { hubVitestConfig } from '../../vitest.shared.js';

// test/reencryption.int.spec.ts runs on the real PostgreSQL (its own database).
export default hubVitestConfig({ integration: true });
