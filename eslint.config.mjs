// Lint: typescript-eslint's type-checked recommendations, plus the layer rules of the README's
// Development section (dependency-cruiser checks the same layers and import cycles).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeOnlyInHost = { name: 'vscode', message: 'Only src/host talks to VS Code: take what you need as an argument instead.' };
const layer = (message, ...group) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests build malformed catalogs and messages on purpose, and load a package that ships no types.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [vscodeOnlyInHost],
          patterns: [
            layer(
              'src/core is the engine: it never imports the host, the webview protocol or a front end.',
              '**/host/**',
              '**/shared/**',
              '**/cli/**',
              '**/webview/**',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts', 'src/webview/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [vscodeOnlyInHost],
          patterns: [layer('Only the extension host may import src/host.', '**/host/**')],
        },
      ],
    },
  },
  {
    // The host's value import of 'vscode' is src/host/vscodeApi.ts (see there why); types may come from 'vscode'.
    files: ['src/host/**/*.ts'],
    ignores: ['src/host/vscodeApi.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message: "Import * as vscode from src/host/vscodeApi.ts: one require('vscode') for the whole bundle.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
