import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../../src/core';
import type { ConvertModule } from '../../src/convert';
import { goodAccount } from '../cli/cli-helpers';

// The Word converters are bundles of their own (built with the tests), loaded by the Word commands when they first
// run: the extension's own bundles must not carry them, and the browser's must run with no Node at all.
describe('extension: the Word converters\' bundles', function () {
  this.timeout(60_000);

  it('the extension\'s bundles (desktop and browser) leave mammoth and docx out', () => {
    for (const file of ['dist/extension.js', 'dist/web/extension.js']) {
      const code = readFileSync(file, 'utf8');
      assert.ok(!code.includes('wordprocessingml'), `${file} carries a Word converter`);
      assert.ok(!code.includes('mammoth'), `${file} carries mammoth`);
    }
  });

  it('the browser bundle runs as the web extension host runs code (no require, no Node) and round-trips an account', async () => {
    const code = readFileSync('dist/web/convert.js', 'utf8');
    const mod = { exports: {} as ConvertModule };
    new Function('module', 'exports', 'require', 'process', 'Buffer', code)(mod, mod.exports, undefined, undefined, undefined);
    const exported = await mod.exports.exportAccount(goodAccount(), { format: 'docx', config: defaultConfig() });
    assert.ok(exported.ok, exported.ok ? '' : exported.reasons.join('\n'));
    const back = await mod.exports.importDocx(exported.bytes, { fileName: 'fridge.docx', date: '2026-12-07' });
    assert.ok(back.ok, back.ok ? '' : back.problem);
    assert.match(back.markdown, /\n# Missed fridge delivery\n\n## Situation\n\nOn 4 March 2026/);
  });
});
