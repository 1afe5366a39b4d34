import assert from 'node:assert/strict';
import { at, run, words } from './helpers';

describe('word-count', () => {
  it('uses word_target ±10% and reports at the field', () => {
    const t = `---\nword_target: 100\n---\n## Situation\n\n${words(60)}\n`;
    const f = run('word-count', t);
    assert.equal(f.length, 1);
    assert.equal(at(t, f[0]), '100');
    assert.match(f[0].message, /This account has 60 words; the target is 100 \(90–110\)/);
    assert.deepEqual(f[0].data, { words: 60, min: 90, max: 110, target: 100 });
    assert.equal(run('word-count', t.replace('100', '65')).length, 0);
  });

  it('falls back to words.min/max from config, and the tolerance option', () => {
    const t = `## Situation\n\n${words(1300)}\n`;
    const f = run('word-count', t, { words: { min: 400, max: 1200 } });
    assert.match(f[0].message, /1,300 words; the range is 400–1,200\. Trim it/);
    assert.equal(run('word-count', t).length, 0);
    const target = `---\nword_target: 1000\n---\n${t}`;
    assert.equal(run('word-count', target).length, 1);
    assert.equal(run('word-count', target, { rules: { 'word-count': { tolerance: 0.5 } } }).length, 0);
  });
});

describe('word-count: edges', () => {
  it('says nothing about an account with no words, or with no target and no range', () => {
    assert.deepEqual(run('word-count', '---\nword_target: 900\n---\n'), []);
    assert.deepEqual(run('word-count', `## Situation\n\n${words(5)}\n`), []);
  });

  it('a minimum alone, or a maximum alone, is named as such', () => {
    const t = `## Situation\n\n${words(50)}\n`;
    assert.match(run('word-count', t, { words: { min: 60 } })[0].message, /^This account has 50 words; the minimum is 60\. Add detail/);
    assert.match(run('word-count', t, { words: { max: 40 } })[0].message, /^This account has 50 words; the maximum is 40\. Trim it/);
    assert.deepEqual(run('word-count', t, { words: { min: 10 } }), []);
    assert.deepEqual(run('word-count', t, { words: { max: 60 } }), []);
  });

  it('without headings, points at the first line of text', () => {
    const t = `\n\n${words(5)}\n`;
    const [f] = run('word-count', t, { words: { min: 60 } });
    assert.deepEqual([f.start.line, f.start.column], [2, 0]);
  });
});
