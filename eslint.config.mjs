import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// The analysis core must run in the CLI, the extension host and a browser worker:
// no editor API and no Node built-ins below src/core and src/rules.
const platformImports = [
  'vscode',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.test-tools/**', '.bench/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: platformImports.map((name) => ({
          name,
          message: 'The analysis core is platform-neutral: pass what you need in through a host interface.',
        })),
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'The analysis core must not touch the Node process.' },
        { name: 'Buffer', message: 'Use TextDecoder/Uint8Array in the core.' },
        { name: 'require', message: 'Use static imports in the core.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
