// The assertions the in-editor suite uses in the browser extension host (test/vscode-web/assert.ts) fail where
// Node's strict ones do, so a test there can fail.
import * as node from 'node:assert/strict';
import * as web from '../vscode-web/assert';

describe('web suite assertions', () => {
  const cases: [string, () => void][] = [
    ['ok(0)', () => web.ok(0)],
    ['ok(undefined)', () => web.ok(undefined)],
    ['equal(1, "1")', () => web.equal(1, '1')],
    ['equal(NaN-free objects by identity)', () => web.equal({}, {})],
    ['notEqual(2, 2)', () => web.notEqual(2, 2)],
    ['deepEqual type', () => web.deepEqual({ a: 1 }, { a: '1' })],
    ['deepEqual length', () => web.deepEqual([1, 2], [1, 2, 3])],
    ['deepEqual missing key', () => web.deepEqual({ a: 1, b: undefined }, { a: 1, c: undefined })],
    ['deepEqual nested', () => web.deepEqual([{ x: [1, { y: 2 }] }], [{ x: [1, { y: 3 }] }])],
    ['deepEqual array vs object', () => web.deepEqual([], {})],
    ['match', () => web.match('abc', /d/)],
    ['doesNotMatch', () => web.doesNotMatch('abc', /b/)],
  ];
  for (const [name, f] of cases) {
    it(`fails: ${name}, as Node's does`, () => {
      node.throws(f, (e: Error) => e.name === 'AssertionError');
    });
  }

  it('passes what Node passes, and uses the message given', () => {
    web.ok(1);
    web.equal('a', 'a');
    web.notEqual(1, 2);
    web.deepEqual([{ a: [1, 'x', null] }, new Map([[1, 2]])], [{ a: [1, 'x', null] }, new Map([[1, 2]])]);
    web.match('abc', /b/);
    web.doesNotMatch('abc', /d/);
    node.throws(() => web.equal(1, 2, 'the count'), /^AssertionError: the count$/);
  });
});
