// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const ioModules = ['@eventstore/*', '@kurrent/*', 'better-sqlite3', 'mitt', 'node:*', 'fs', 'path', 'crypto', 'os', 'child_process'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    // The domain is pure: no clock, no ids, no I/O. Types from core only.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts', 'packages/domain/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ioModules, message: 'packages/domain is pure: no I/O, no clock, no database.' }],
          paths: [{ name: '@dossier/core', allowTypeImports: true, message: 'The domain takes types only from @dossier/core.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'The domain reads no clock.' },
        { name: 'setInterval', message: 'The domain reads no clock.' },
        { name: 'fetch', message: 'The domain does no I/O.' },
        { name: 'process', message: 'The domain reads no environment.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The domain reads no clock: take `at` from the command.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain reads no clock: take `at` from the command.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The domain makes no randomness.' },
        { selector: "CallExpression[callee.object.name='crypto']", message: 'The domain makes no ids.' },
      ],
    },
  },
  {
    files: ['eslint.config.js', 'vitest.config.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
);
