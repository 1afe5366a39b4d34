import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

// The build replaces micromark's container-exit move (a copy of the whole event array per nested list item
// or quote that ends) with an in-place one. Bundled in a child process, as the build does it.
function bundleDocumentJs(source?: string): { code: number; out: string } {
  const script = `
    const { build } = require('esbuild');
    const fs = require('node:fs');
    import('./scripts/esbuild-options.mjs').then(async (o) => {
      const file = require('node:path').join(process.cwd(), 'node_modules/micromark/lib/initialize/document.js');
      const plugins = o.commonOptions(false).plugins;
      ${source === undefined ? '' : `const orig = fs.readFileSync; fs.readFileSync = (p, ...a) => (String(p) === file ? ${JSON.stringify(source)} : orig(p, ...a)); require('node:module').syncBuiltinESMExports();`}
      const r = await build({ stdin: { contents: 'export * from ' + JSON.stringify(file), resolveDir: process.cwd() }, bundle: true, write: false, format: 'esm', plugins, logLevel: 'silent', external: ['micromark-*', 'decode-named-character-reference', 'devlop', 'debug'] });
      process.stdout.write(r.outputFiles[0].text);
    }).catch((e) => { process.stdout.write(String(e.message)); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout };
}

describe('build: the parser patch for nested lists and quotes', () => {
  it('moves container exits in place, in both places micromark moves them', function () {
    this.timeout(30_000);
    const { code, out } = bundleDocumentJs();
    assert.equal(code, 0, out);
    assert.ok(!out.includes('editMap.consume(self.events)'), 'the copying move is gone');
    assert.equal(out.split('self.events.splice(indexBeforeFlow + 1, 0, ...exits)').length - 1, 2);
  });

  it('fails the build when the code it replaces is not there (an upgraded micromark)', function () {
    this.timeout(30_000);
    const { code, out } = bundleDocumentJs('export const changed = true;\n');
    assert.notEqual(code, 0);
    assert.match(out, /container-exit code to replace was found 0 times, not 2/);
  });
});
