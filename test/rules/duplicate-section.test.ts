import assert from 'node:assert/strict';
import { at, fix, run, full } from './helpers';

describe('duplicate-section', () => {
  it('points at the first section and merges adjacent repeats', () => {
    const t = full({ Result: 'It rose 5%.', Outcome: 'Complaints fell.' });
    const f = run('duplicate-section', t);
    assert.equal(f.length, 1);
    assert.equal(at(t, f[0]), '## Outcome');
    assert.match(f[0].message, /already a Result section \(line 1\)/);
    assert.equal(at(t, { ...f[0], span: f[0].related![0].span }), '## Result');
    const merged = fix(t, f[0]);
    assert.equal(run('duplicate-section', merged).length, 0);
    assert.ok(merged.includes('Complaints fell.'));
  });

  it('offers no merge when the repeat is elsewhere', () => {
    const f = run('duplicate-section', full({ Action: 'a', Result: 'b', Actions: 'c' }));
    assert.equal(f.length, 1);
    assert.equal(f[0].fixes, undefined);
  });
});
