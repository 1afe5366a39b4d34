import assert from 'node:assert/strict';
import fc from 'fast-check';
import { insideQuote, QuoteFinder } from '../../src/rules/util/text';

describe('QuoteFinder', () => {
  it('answers exactly as the backward scan (insideQuote) does, at every offset', () => {
    const pieces = ['"', '“', '”', 'a', ' ', 'word ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\n\r\n', '\r', 'x'.repeat(250), "'"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(), (parts, a) => {
        const text = parts.join('');
        const start = text.length ? a % (text.length + 1) : 0;
        const q = new QuoteFinder(text, start, text.length);
        for (let i = start; i <= text.length; i++) assert.equal(q.inside(i), insideQuote(text, i, start), JSON.stringify({ text, start, i }));
      }),
      { numRuns: 1500 },
    );
    assert.equal(new QuoteFinder('He said "great service" today', 0, 29).inside(10), true);
  });
});
