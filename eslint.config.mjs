import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// The analysis core must run in the CLI, the extension host and a browser worker:
// no editor API and no Node built-ins below src/core, src/rules and src/analysis.
const platformImports = [
  'vscode',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
].map((name) => ({
  name,
  message: 'The analysis core is platform-neutral: pass what you need in through a host interface.',
}));

// Layers, lowest first: core ← rules ← analysis ← convert ← cli, extension. A layer never imports one above it.
// Imports are relative, so a folder is matched by name after any run of ./ and ../ segments.
const folder = (name) => `^(?:\\./|(?:\\.\\./)+(?:src/)?)${name}(?:/|$)`;
const layer = (names, message) => names.map((name) => ({ regex: folder(name), message }));
const above = {
  core: layer(['rules', 'analysis', 'convert', 'extension', 'cli'], 'The core knows no rules and no host: src/analysis joins the core to the rule registry.'),
  rules: layer(['analysis', 'convert', 'extension', 'cli'], 'Rules see only the core (the account model and the rule API), never the hosts.'),
  analysis: layer(['convert', 'extension', 'cli'], 'The analysis is shared by the CLI and the editor: it must not import either.'),
  convert: layer(['extension', 'cli'], 'Word import and export run in the CLI, the desktop and the browser alike: they must not import a host.'),
};

// Editor features (each registers itself from extension.ts) meet only through the shared services: one feature
// never imports another, and a shared module imports none.
const features = ['diagnostics', 'code-actions', 'hover', 'status-bar', 'commands', 'feedback', 'report', 'coverage', 'rule-docs', 'word'];
const featureFiles = (name) => [`src/extension/${name}.ts`, `src/extension/${name}/**/*.ts`];
const featureImports = (names, message) => names.map((name) => ({ regex: `^(?:\\./|(?:\\.\\./)+(?:extension/)?)${name}(?:/|$)`, message }));

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.test-tools/**', '.bench/**', '.vscode-test/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...['core', 'rules', 'analysis', 'convert'].map((name) => ({
    files: [`src/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { paths: platformImports, patterns: above[name] }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'The analysis core must not touch the Node process.' },
        { name: 'Buffer', message: 'Use TextDecoder/Uint8Array in the core.' },
        { name: 'require', message: 'Use static imports in the core.' },
      ],
    },
  })),
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['vscode'], patterns: layer(['extension'], 'The CLI runs without an editor.') }] },
  },
  ...features.map((name) => ({
    files: featureFiles(name),
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...layer(['cli'], 'The extension does not import the CLI.'),
          ...featureImports(features.filter((f) => f !== name), `Editor features meet only through shared services (src/extension/services.ts); move what ${name} needs there.`),
        ],
      }],
    },
  })),
  {
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/extension.ts', ...features.flatMap(featureFiles)],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...layer(['cli'], 'The extension does not import the CLI.'),
          ...featureImports(features, 'Shared services must not depend on a feature: features depend on them.'),
        ],
      }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    // CommonJS require hooks, preloaded before any bundler or loader runs.
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
