// One build for every bundle. Usage: node scripts/build.mjs [--tests] [--web-tests] [--bench] [--eval] [--all] [--watch] [--production]
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliOptions, commonOptions } from './esbuild-options.mjs';

const argv = process.argv.slice(2);
const args = new Set(argv);
// --out DIR puts test and bench bundles elsewhere, so parallel runs do not trample each other.
const outIndex = argv.indexOf('--out');
const out = outIndex >= 0 ? argv[outIndex + 1] : 'out';
const production = args.has('--production');
const all = args.has('--all');

const common = commonOptions(production);

const walk = (dir, test) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true }).map(String).filter(test).map((f) => join(dir, f))
    : [];

const builds = [];

if (existsSync('src/cli/main.ts')) builds.push(cliOptions('dist/cli.js', production));
// The extension: a Node entry for desktop/remote hosts and a web-worker entry for vscode.dev.
if (existsSync('src/extension/extension.ts')) {
  builds.push({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] });
  // The web extension host is a Web Worker with no DOM: the `worker` condition picks packages' DOM-free builds
  // (micromark's decode-named-character-reference would otherwise use `document`).
  builds.push({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], define: { 'process.env.STARR_WEB': '"1"' }, conditions: ['worker'], alias: {} });
}
// The Word converters (mammoth, docx, unified's HTML tools): bundles of their own, loaded by the Word commands
// when they first run, so they add nothing to the extension's start.
if (existsSync('src/extension/word/converters.ts')) {
  builds.push({ ...common, entryPoints: ['src/extension/word/converters.ts'], outfile: 'dist/convert.js', platform: 'node', format: 'cjs' });
  builds.push({ ...common, entryPoints: ['src/extension/word/converters.ts'], outfile: 'dist/web/convert.js', platform: 'browser', format: 'cjs', conditions: ['worker'] });
}
if (existsSync('src/extension/worker.ts')) {
  builds.push({ ...common, entryPoints: ['src/extension/worker.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs' });
  builds.push({ ...common, entryPoints: ['src/extension/worker.ts'], outfile: 'dist/web/worker.js', platform: 'browser', format: 'iife', conditions: ['worker'] });
}
if (args.has('--tests') || all) {
  rmSync(join(out, 'test'), { recursive: true, force: true });
  const tests = walk('test', (f) => f.endsWith('.test.ts'));
  if (tests.length) builds.push({ ...common, entryPoints: tests, outdir: join(out, 'test'), outbase: 'test', platform: 'node', format: 'cjs', external: ['mocha', 'vscode', 'fast-check', 'commonmark-spec', 'eslint'] });
  // The in-host suite runs inside VS Code (code-server or test-electron), never under plain mocha.
  const suite = walk('test/vscode', (f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  if (suite.length) builds.push({ ...common, entryPoints: suite, outdir: join(out, 'vscode-test'), outbase: 'test/vscode', platform: 'node', format: 'cjs', external: ['mocha', 'vscode'] });
}
// The in-host suite for the browser (web worker) extension host: one self-contained bundle, since a web worker
// loads no Node modules. It must sit inside the extension's folder: VS Code runs the tests in the extension host
// that runs the extension they belong to. The grep is fixed at build time (a web worker has no environment).
if (args.has('--web-tests')) {
  const assertShim = {
    name: 'web-assert',
    setup(b) {
      b.onResolve({ filter: /^node:assert(\/strict)?$/ }, () => ({ path: join(process.cwd(), 'test/vscode-web/assert.ts') }));
    },
  };
  // Mocha's browser build is a UMD file in an ES-module package: bundled as is, it would see the worker's own
  // `module` and replace the suite's exports with mocha. Hidden from it, it sets globalThis.mocha instead.
  const mochaGlobal = {
    name: 'mocha-global',
    setup(b) {
      b.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async (a) => ({
        contents: `var module = undefined, exports = undefined, define = undefined;\n${await readFile(a.path, 'utf8')}`,
        loader: 'js',
      }));
    },
  };
  builds.push({
    ...common, entryPoints: ['test/vscode-web/index.ts'], outfile: 'out/vscode-test-web/index.js', platform: 'browser', format: 'cjs',
    external: ['vscode'], conditions: ['worker'], plugins: [...(common.plugins ?? []), assertShim, mochaGlobal],
    define: { ...(common.define ?? {}), STARR_WEB_TEST_GREP: JSON.stringify(process.env.STARR_TEST_GREP ?? '') },
  });
}
if (args.has('--bench') || all) {
  const bench = walk('bench', (f) => f.endsWith('.ts'));
  if (bench.length) builds.push({ ...common, entryPoints: bench, outdir: join(out, 'bench'), outbase: 'bench', platform: 'node', format: 'cjs', sourcemap: false });
}

if (args.has('--eval') || all) {
  builds.push({ ...common, entryPoints: ['eval/eval.ts'], outdir: join(out, 'eval'), outbase: 'eval', platform: 'node', format: 'cjs', sourcemap: false });
}

if (args.has('--watch')) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
