import assert from 'node:assert/strict';
import { analyze } from '../../src/analysis';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { docExamples, unmatched } from '../rules/doc-examples';

const doc = readFileSync('docs/rules/feedback-markup.md', 'utf8');

const only = (text: string) => analyze(text).findings.filter((f) => f.ruleId === 'feedback-markup');

describe('feedback-markup rule', () => {
  it('runs the examples in its docs page, each finding where it is marked', () => {
    const examples = docExamples(doc);
    assert.ok(examples.length >= 3);
    for (const ex of examples) {
      const { missing, extra } = unmatched(ex.markers, only(ex.text));
      assert.deepEqual([missing, extra.map((f) => f.message)], [[], []], `${ex.kind} example at line ${ex.line}`);
    }
  });

  it('points at the opener, the nested mark and the stray closer, and says what to do', () => {
    const text = 'A {>>open\n\nB {==x {>>c<<} y==}.\n';
    const found = [...only(text), ...only('C stray <<} here.\n')];
    assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)).slice(0, 2), ['{>>', '{==']);
    assert.deepEqual(found[2].span, { start: 8, end: 11 });
    assert.match(found[0].message, /Close it with "<<}" before the next mark starts/);
    assert.match(only("x {++never")[0].message, /Add "\+\+}" where it should end/);
    assert.match(found[1].message, /cannot be put inside each other/);
    assert.match(found[2].message, /Add "\{>>" where the mark begins, or delete "<<}"/);
    assert.ok(found.every((f) => f.severity === 'warning'));
  });

  it('does not report a closer that belongs to an unclosed opener or to a mark without an arrow', () => {
    const text = 'A {++x {>>c<<} y++} and {~~no arrow~~}.\n';
    const found = only(text);
    assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)), ['{++', '{~~no arrow~~}']);
  });

  it('ignores marks in code', () => {
    assert.equal(only('Use `{>>` to open a comment.\n\n```\n{==x\n```\n').length, 0);
  });

  it('finds every stray closer a search of the prose for the five closers finds', () => {
    const STRAY = /<<\}|==\}|\+\+\}|--\}|~~\}/g;
    const tokens = ['<<}', '==}', '++}', '--}', '~~}', '}', '}}', '<', '=', '+', '-', '~', 'x', ' ', '\n', 'word', '<<<}'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 25 }), (parts) => {
        // No "{": no marks, so every closer is a stray one.
        const text = `Text ${parts.join('')}\n`;
        const { account, findings } = analyze(text);
        const want = [...account.prose.matchAll(STRAY)].map((m) => [m.index, m.index! + m[0].length]);
        const got = findings.filter((f) => f.ruleId === 'feedback-markup').map((f) => [f.span.start, f.span.end]);
        assert.deepEqual(got, want, JSON.stringify(text));
      }),
      { numRuns: 1500 },
    );
  });
});
