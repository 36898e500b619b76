// Shared vitest settings for every package and app. SWC compiles the tests so that NestJS and
// MikroORM decorators get their design-time metadata (esbuild, vite's default, does not emit it).
import swc from 'unplugin-swc';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

export interface HubVitestOptions {
  /** Integration tests talk to the real PostgreSQL and Kafka: give them time and no parallel files. */
  integration?: boolean;
}

export function hubVitestConfig(options: HubVitestOptions = {}): ViteUserConfig {
  return defineConfig({
    plugins: [
      swc.vite({
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'es6' },
      }),
    ],
    test: {
      include: ['src/**/*.spec.ts', 'test/**/*.spec.ts', 'test/**/*.test.ts'],
      testTimeout: options.integration ? 60_000 : 10_000,
      hookTimeout: options.integration ? 120_000 : 10_000,
      fileParallelism: !options.integration,
      reporters: process.env.HUB_TEST_REPORT_DIR
        ? [
            'default',
            [
              'json',
              {
                outputFile: `${process.env.HUB_TEST_REPORT_DIR}/${process.env.npm_package_name?.replace(/[@/]/g, '_') ?? 'pkg'}${process.env.HUB_KAFKA_CLIENT ? `.${process.env.HUB_KAFKA_CLIENT}` : ''}.json`,
              },
            ],
          ]
        : ['default'],
    },
  });
}
