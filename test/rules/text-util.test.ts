import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AccountModel } from '../../src/core/types';
import { eachWordMatch, insideQuote, num, QuoteFinder } from '../../src/rules/util/text';
import { offsetIn, rangeIn } from '../ranges';

describe('QuoteFinder', () => {
  it('answers exactly as the backward scan (insideQuote) does, at every offset', () => {
    const pieces = ['"', '“', '”', 'a', ' ', 'word ', '\n', '\n\n', '\r\n', '\r\n\r\n', '\n\r\n', '\r', 'x'.repeat(250), "'"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(), (parts, a) => {
        const text = parts.join('');
        const start = offsetIn(text, a);
        const q = new QuoteFinder(text, start, text.length);
        for (let i = start; i <= text.length; i++) assert.equal(q.inside(i), insideQuote(text, i, start), JSON.stringify({ text, start, i }));
      }),
      { numRuns: 1500 },
    );
    assert.equal(new QuoteFinder('He said "great service" today', 0, 29).inside(10), true);
  });
});

describe('eachWordMatch', () => {
  it('finds what trying every word start in turn finds, with or without underscores', () => {
    const re = /(?:good|the customer|satisfaction improved|it|customers were happy)/iy;
    const LD = /[\p{L}\p{N}]/u;
    const reference = (prose: string, start: number, end: number) => {
      const out: string[] = [];
      const bounded = prose.slice(0, end);
      for (let p = start; p < end; p++) {
        if (LD.test(prose[p - 1] ?? '')) continue;
        re.lastIndex = p;
        const m = re.exec(bounded);
        if (!m || LD.test(prose[p + m[0].length] ?? '')) continue;
        out.push(`${p}:${m[0]}`);
        p += m[0].length - 1;
      }
      return out;
    };
    const pieces = ['GOOD', 'K', 'ſ', 'goodness', 'good', 'Good', 'the', 'customer', 'customers', 'were', 'happy', 'it', 'its', 'satisfaction', 'improved', 'dis', ' ', '  ', '\n', '_', '__', '-', "'", '.', 'é', '𝒜', '7'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const prose = parts.join('');
        const { start, end } = rangeIn(prose, a, b);
        const account = { prose } as unknown as AccountModel;
        const got: string[] = [];
        eachWordMatch(account, re, start, end, (m) => {
          got.push(`${m.index}:${m[0]}`);
        });
        const want = reference(prose, start, end);
        assert.deepEqual(got, want, JSON.stringify({ prose, start, end }));
      }),
      { numRuns: 4000 },
    );
  });
});

describe('num', () => {
  it('groups whole numbers as the en-GB formatter does, and hands everything else to it', () => {
    const intl = new Intl.NumberFormat('en-GB');
    fc.assert(
      fc.property(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true }), fc.constantFrom(0, -0, 999, 1000, 999999, 1000000, 2 ** 53, 2 ** 53 + 2, 1e21, Infinity)), (n) => {
        assert.equal(num(n), intl.format(n), String(n));
      }),
      { numRuns: 3000 },
    );
    assert.equal(num(1240), '1,240');
  });
});
