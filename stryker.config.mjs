// Mutation testing of the analysis core, the analysis layer and the rules: `npm run mutation` (minutes to tens of minutes on two
// cores; not part of `npm test` or CI). Mocha loads the TypeScript directly through scripts/mutation/register.cjs,
// so each mutant is checked without a bundle, and only against the tests that run its code (perTest coverage).
export default {
  testRunner: 'mocha',
  plugins: ['@stryker-mutator/mocha-runner'],
  mutate: ['src/core/**/*.ts', 'src/analysis/**/*.ts', 'src/rules/**/*.ts', '!src/**/*.d.ts', '!src/core/types.ts'],
  mochaOptions: {
    config: 'scripts/mutation/mocharc.json',
  },
  coverageAnalysis: 'perTest',
  // A mutant in a module's top-level code would need every test file reloaded to be tested; skipping them
  // keeps a run within minutes.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 5000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['out', 'dist', 'reports', '.test-tools', '.bench', '.vscode-test', '*.vsix'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
