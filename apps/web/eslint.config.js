// The repository's rules (../../eslint.config.js, ADR 0006) plus the same type-aware TypeScript rules
// for .tsx files, which the root config does not match.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import root from '../../eslint.config.js';

export default defineConfig(
  ...root,
  { ignores: ['src/api/*.gen.ts', 'dist/**', 'test-results/**'] },
  {
    name: 'web/tsx',
    files: ['**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
);
