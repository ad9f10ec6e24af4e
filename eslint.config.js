// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Features must not import each other: one zone per folder in src/features, read from disk so a new
 * feature is covered the day it is added.
 */
const featureZones = readdirSync(new URL('./src/features', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    target: `./src/features/${entry.name}`,
    from: './src/features',
    except: [`./${entry.name}`],
    message: 'Features must not import each other; move shared pieces to components or lib.',
  }));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-ssr',
      'dist-variants',
      'dist-cli',
      'bench-results',
      'coverage',
      'playwright-report',
      'test-results',
      'content/schema.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // The engine is pure: no React, no app code. It runs in Node, tests and the browser.
            {
              target: './src/engine',
              from: [
                './src/app',
                './src/features',
                './src/components',
                './src/stores',
                './src/lib',
              ],
              message: 'The engine must not depend on UI code.',
            },
            // The capture analyzer is pure too: it runs in a worker and in the CLI.
            {
              target: './src/analyzer',
              from: [
                './src/app',
                './src/features',
                './src/components',
                './src/stores',
                './src/lib',
                './src/embed',
              ],
              message: 'The analyzer must not depend on UI code.',
            },
            // One-way imports: shared → features → app.
            {
              target: ['./src/components', './src/lib', './src/stores'],
              from: ['./src/app', './src/features'],
              message: 'Shared code must not import features or the app.',
            },
            ...featureZones,
            // The loader and the frame script run on their own, outside the app: only their own
            // folder and the pure engine.
            {
              target: './src/embed',
              from: [
                './src/app',
                './src/features',
                './src/components',
                './src/stores',
                './src/lib',
              ],
              message: 'The embed scripts stand alone: import only src/embed and src/engine.',
            },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/analyzer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(react|react-dom|react-router|zustand)(/.*)?$',
              message: 'The engine has no UI dependencies.',
            },
            { regex: '^node:', message: 'The engine also runs in the browser: no Node APIs.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**', 'src/analyzer/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'Browser code: no Node APIs.' },
            {
              regex: '^zod$',
              message: 'Use zod/mini in browser code; full zod is for build time.',
            },
            { regex: '^\\.\\./', message: 'Use the @/ alias instead of climbing out of a folder.' },
          ],
        },
      ],
    },
  },
  {
    // The command-line tool runs in Node, on the analyzer.
    files: ['src/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./', message: 'Use the @/ alias instead of climbing out of a folder.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: {
      'react-hooks': reactHooks,
      'react-refresh': reactRefresh,
      'jsx-a11y': jsxA11y,
    },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      'react-refresh/only-export-components': ['error', { allowConstantExport: true }],
    },
  },
  {
    files: ['scripts/**/*.ts', 'e2e/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'import-x/no-cycle': 'off' },
  },
  prettier,
);
