import assert from 'node:assert/strict';
import { MAX_FINDINGS_PER_RULE } from '../../src/analysis/analyze';
import { buildAccountFor, defaultConfig, ruleById } from '../../src/analysis';
import type { Report } from '../../src/core/rule';
import { at, fix, NOW, run } from './helpers';

describe('feedback-markup', () => {
  it('reports each of thousands of unclosed marks once (the last "{>>" is closed by the "<<}")', () => {
    const text = `${'{>> '.repeat(3000)}and then <<} and {++ more`;
    // The rule itself reports every one…
    const reported: Report[] = [];
    const config = defaultConfig();
    ruleById.get('feedback-markup')!.check({ account: buildAccountFor(text, config), config, options: {}, now: NOW, ruleIds: [], report: (r) => reported.push(r) });
    assert.equal(reported.length, 3000);
    assert.equal(reported.filter((x) => text.slice(x.span.start, x.span.end) === '{>>').length, 2999);
    assert.equal(text.slice(reported[2999].span.start, reported[2999].span.end), '{++');
    // …and the analysis lists the first of them, then says how many more there are.
    const f = run('feedback-markup', text);
    assert.equal(f.length, MAX_FINDINGS_PER_RULE + 1);
    assert.ok(f.slice(0, -1).every((x) => at(text, x) === '{>>'));
    assert.equal(f[MAX_FINDINGS_PER_RULE].data?.notListed, 3000 - MAX_FINDINGS_PER_RULE);
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
