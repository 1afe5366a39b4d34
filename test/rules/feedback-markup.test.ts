import assert from 'node:assert/strict';
import { at, fix, run } from './helpers';

describe('feedback-markup', () => {
  it('reports each of thousands of unclosed marks once (the last "{>>" is closed by the "<<}")', () => {
    const text = `${'{>> '.repeat(3000)}and then <<} and {++ more`;
    const f = run('feedback-markup', text);
    assert.equal(f.length, 3000);
    assert.equal(f.filter((x) => at(text, x) === '{>>').length, 2999);
    assert.equal(at(text, f[f.length - 1]), '{++');
  });

  it('reports a closer with no opener before it, and an unclosed mark', () => {
    const text = 'I rang <<} the depot. {~~a~>b <<} still open';
    const f = run('feedback-markup', text);
    assert.deepEqual(f.map((x) => at(text, x)), ['<<}', '{~~', '<<}']);
  });

  it('does not report a closed mark, and reports the unclosed one after it', () => {
    const text = 'I rang {>> the depot. <<} Then {>> nothing.';
    assert.deepEqual(run('feedback-markup', text).map((x) => at(text, x)), ['{>>']);
  });

  it('reports the ">>}" left behind when an editor closes brackets while a comment is typed, and deletes it', () => {
    const text = 'I rang the depot. {>>[tutor:AB] please add a figure<<}>>} Then I waited.';
    const f = run('feedback-markup', text);
    assert.deepEqual(f.map((x) => at(text, x)), ['>>}']);
    assert.equal(fix(text, f[0]), 'I rang the depot. {>>[tutor:AB] please add a figure<<} Then I waited.');
    // Inside a closed comment it is the tutor's text, not a leftover.
    assert.deepEqual(run('feedback-markup', 'I rang. {>>[tutor:AB] an arrow >>} here<<} Done.').map((x) => at('', x)), []);
  });
});
