import assert from 'node:assert/strict';
import { at, run, words, full } from './helpers';

describe('section-balance', () => {
  it('reports a Result that outweighs the Action, at the Action', () => {
    const t = full({ Situation: words(20), Action: words(60), Result: words(100) });
    const f = run('section-balance', t);
    assert.equal(f.length, 1);
    assert.equal(at(t, f[0]), '## Action');
    assert.match(f[0].message, /Your Result \(100 words\) is longer than your Action \(60 words\)/);
    assert.equal(f[0].related!.length, 1);
  });

  it('reports a dominant Situation once, and skips tiny accounts', () => {
    const t = full({ Situation: words(100), Action: words(90), Result: words(20) });
    const f = run('section-balance', t);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /The Situation takes 48% of your words \(100 of 210, more than your Action \(90\)\)/);
    assert.equal(run('section-balance', full({ Situation: words(50), Action: words(10) })).length, 0);
  });

  it('honours maxContextShare', () => {
    const t = full({ Situation: words(60), Action: words(100), Result: words(40) });
    assert.equal(run('section-balance', t).length, 0);
    assert.equal(run('section-balance', t, { rules: { 'section-balance': { maxContextShare: 0.25 } } }).length, 1);
  });
});
