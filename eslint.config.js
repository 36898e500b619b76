// ESLint 10 flat config for the whole monorepo (ADR 0006). Each package runs `eslint src` and picks
// this file up from the repository root; `pnpm exec eslint .` at the root lints everything.
//
// Type-aware rules use typescript-eslint's project service: every linted .ts file must belong to
// the tsconfig.json of its package or app (the kernel template includes src, test and
// vitest.config.ts). Root-level .ts files that no tsconfig includes (vitest.shared.ts) use the
// default project with tsconfig.base.json's compiler options.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Deep imports into workspace packages bypass their public entry (`exports` of package.json). */
const DEEP_WORKSPACE_IMPORTS = {
  group: ['@hub/*/src', '@hub/*/src/**', '@hub/*/dist', '@hub/*/dist/**'],
  message: "Import a workspace package through its public entry ('@hub/<name>'), never its src/ or dist/: add an export to the package instead (ADR 0006).",
};

/** Domain code asks the Clock port (@hub/kernel) for the time, so that tests and seeds control it. */
const WALL_CLOCK_IN_DOMAIN = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Domain code must not read the wall clock: take the time from the Clock port (@hub/kernel).',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Domain code must not read the wall clock: take the time from the Clock port (@hub/kernel).',
  },
  {
    selector: "CallExpression[callee.type='Identifier'][callee.name='Date']",
    message: 'Date() returns the current time as a string: take the time from the Clock port (@hub/kernel).',
  },
];

export default defineConfig(
  {
    name: 'hub/ignores',
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/.turbo/**', '**/test-results/**', '.hub/**'],
  },
  {
    name: 'hub/typescript',
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.ts'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Promises: a forgotten await loses errors and breaks transactions (style.md, immich).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A switch over a union handles every member; a `default` does not count as handling them,
      // so adding a member to a union makes every switch over it fail lint until it is handled.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        {
          considerDefaultExhaustiveForUnions: false,
          allowDefaultCaseForExhaustiveSwitch: true,
          requireDefaultForNonUnion: false,
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      // An async method that implements an async port need not await anything (in-memory adapters).
      '@typescript-eslint/require-await': 'off',
      'no-restricted-imports': ['error', { patterns: [DEEP_WORKSPACE_IMPORTS] }],
    },
  },
  {
    name: 'hub/no-console-in-apps-and-packages',
    files: ['apps/*/src/**', 'packages/*/src/**'],
    rules: {
      // Use the logger (NestJS Logger / pino). Scripts under tools/ may print.
      'no-console': 'error',
    },
  },
  {
    name: 'hub/domain-uses-the-clock-port',
    files: ['**/domain/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...WALL_CLOCK_IN_DOMAIN],
    },
  },
  {
    name: 'hub/tests',
    files: ['**/*.spec.ts', '**/*.test.ts', '**/test/**/*.ts'],
    rules: {
      // expect(mock.method).toHaveBeenCalled() passes a method unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
