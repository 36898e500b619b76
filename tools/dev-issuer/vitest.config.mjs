import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['test/**/*.spec.mjs'], testTimeout: 30_000 } });
