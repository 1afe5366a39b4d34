import assert from 'node:assert/strict';
import { analyze, resolveConfig } from '../../src/analysis';
import { at, fix, NOW, run } from './helpers';

describe('unknown-directive', () => {
  it('reports each unknown name in a comma- or space-separated list, and only those', () => {
    const text = '<!-- starr-disable generic-language,  hypothetical-languag spelling -->\nI would help.\n';
    const f = run('unknown-directive', text);
    assert.deepEqual(f.map((x) => at(text, x)), ['hypothetical-languag', 'spelling']);
    assert.match(f[0].message, /Did you mean "hypothetical-language"\?/);
    assert.equal(f[0].fixes?.length, 1);
    assert.equal(fix(text, f[0]), '<!-- starr-disable generic-language,  hypothetical-language spelling -->\nI would help.\n');
    assert.equal(f[1].fixes, undefined);
    assert.match(f[1].message, /turns nothing off/);
  });

  it('reads every kind of directive', () => {
    for (const kind of ['disable', 'enable', 'disable-line', 'disable-next-line']) {
      const text = `I rang the depot. <!-- starr-${kind} personal-dat -->\n`;
      assert.deepEqual(run('unknown-directive', text).map((x) => at(text, x)), ['personal-dat'], kind);
    }
  });

  it('never reports a bare directive, a known name, or a comment that is not a directive', () => {
    const text = '<!-- starr-disable -->\n<!-- starr-enable personal-data -->\n<!-- starr-disabled nothing -->\n<!-- note: spelling -->\n';
    assert.deepEqual(run('unknown-directive', text), []);
  });

  it('knows every registered rule, including itself, and still runs when rules are run one at a time', () => {
    const text = '<!-- starr-disable unknown-directive -->\n<!-- starr-disable-next-line complex-formatting -->\nI rang.\n';
    assert.deepEqual(run('unknown-directive', text), []);
  });

  it('the misspelt comment quietens nothing, and the corrected one does', () => {
    const config = resolveConfig(undefined);
    const bad = '## Action\n\n<!-- starr-disable-next-line generic-languag -->\nI went above and beyond for her.\n';
    const ids = (t: string) => analyze(t, { config, now: NOW }).findings.map((x) => x.ruleId);
    assert.ok(ids(bad).includes('generic-language'));
    assert.ok(ids(bad).includes('unknown-directive'));
    const good = bad.replace('generic-languag ', 'generic-language ');
    assert.ok(!ids(good).includes('generic-language'));
    assert.ok(!ids(good).includes('unknown-directive'));
  });
});
