import assert from 'node:assert/strict';
import { firstKeysOf } from '../../src/core/fast-paths/first-keys';
import { hasKey, WORD_KEYS } from '../../src/core/fast-paths/word-keys';

/** The keys in a set, written as their three symbols: a–z, or "#" for anything else (and all after it). */
function keys(source: string, flags = ''): string[] | undefined {
  const set = firstKeysOf(source, flags);
  if (!set) return undefined;
  const sym = (n: number) => (n === 27 ? '#' : String.fromCharCode(96 + n));
  const out: string[] = [];
  for (let k = 0; k < WORD_KEYS; k++) if (hasKey(set, k)) out.push(sym(Math.floor(k / 784)) + sym(Math.floor((k % 784) / 28)) + sym(k % 28));
  return out.sort();
}

describe('core fast paths: the word keys a regex can start at', () => {
  it('literals: three letters, or fewer and then anything else; case folded', () => {
    assert.deepEqual(keys('abcd'), ['abc']);
    assert.deepEqual(keys('ab'), ['ab#']);
    assert.deepEqual(keys('a'), ['a##']);
    assert.deepEqual(keys('Ab'), ['ab#']);
    assert.deepEqual(keys('a b'), ['a##']);
    assert.deepEqual(keys('ab1'), ['ab#']);
  });

  it('alternation and groups, plain, non-capturing and named', () => {
    assert.deepEqual(keys('abc|xyz'), ['abc', 'xyz']);
    assert.deepEqual(keys('a(?:bc|d)'), ['abc', 'ad#']);
    assert.deepEqual(keys('a(bc|d)e'), ['abc', 'ade']);
    assert.deepEqual(keys('(?<w>ab)c'), ['abc']);
  });

  it('quantifiers: ?, *, +, {n}, {n,}, {n,m}, lazy or not', () => {
    assert.deepEqual(keys('ab?c'), ['abc', 'ac#']);
    assert.deepEqual(keys('ab??c'), ['abc', 'ac#']);
    assert.deepEqual(keys('ab*c'), ['abb', 'abc', 'ac#']);
    assert.deepEqual(keys('ab+c'), ['abb', 'abc']);
    assert.deepEqual(keys('ab{2}c'), ['abb']);
    assert.deepEqual(keys('b{2}c'), ['bbc']);
    assert.deepEqual(keys('ab{0,1}c'), ['abc', 'ac#']);
    assert.deepEqual(keys('a{2,}'), ['aa#', 'aaa']);
    assert.deepEqual(keys('a{1,2}'), ['a##', 'aa#']);
    assert.deepEqual(keys('a{5}'), ['aaa']);
    assert.deepEqual(keys('x(?:ab)+'), ['xab']);
    assert.deepEqual(keys('a{x'), undefined);
  });

  it('look-arounds, \\b, \\B, ^ and $ match nothing', () => {
    assert.deepEqual(keys('a(?=b)c'), ['ac#']);
    assert.deepEqual(keys('a(?!b)c'), ['ac#']);
    assert.deepEqual(keys('(?<=x)ab'), ['ab#']);
    assert.deepEqual(keys('(?<!x)ab'), ['ab#']);
    assert.deepEqual(keys('\\bab\\B'), ['ab#']);
    assert.deepEqual(keys('^ab$'), ['ab#']);
  });

  it('classes: members, ranges, escapes inside', () => {
    assert.deepEqual(keys('[ab]c'), ['ac#', 'bc#']);
    assert.deepEqual(keys('[a-c]x'), ['ax#', 'bx#', 'cx#']);
    assert.deepEqual(keys('x[a-]'), ['x##', 'xa#']);
    // Read as a class holding "]" and "a" (JavaScript reads [] as a class of nothing): only lets more through.
    assert.deepEqual(keys('x[]a]'), ['x##', 'xa#']);
    assert.deepEqual(keys('x[\\s-]y'), ['x##']);
    assert.deepEqual(keys('x[\\-a]'), ['x##', 'xa#']);
    assert.deepEqual(keys('x[y-\\z]'), undefined);
    assert.deepEqual(keys('x[^a]'), undefined);
    // \\w: the letters, and digits and "_" (anything else).
    assert.deepEqual(keys('x[\\w]'), ['x##', ...[...'abcdefghijklmnopqrstuvwxyz'].map((l) => `x${l}#`)]);
    assert.deepEqual(keys('x[ab'), undefined);
  });

  it('escapes: \\s \\d \\t are "anything else", \\w a letter or anything else, \\x and \\u are their character, others are unsupported', () => {
    assert.deepEqual(keys('a\\sb'), ['a##']);
    assert.deepEqual(keys('a\\db'), ['a##']);
    assert.deepEqual(keys('a\\tb'), ['a##']);
    assert.deepEqual(keys('\\x41b'), ['ab#']);
    assert.deepEqual(keys('\\u0062c'), ['bc#']);
    assert.deepEqual(keys('a\\.b'), ['a##']);
    assert.equal(keys('\\x4'), undefined);
    assert.deepEqual(keys('a\\w'), ['a##', ...[...'abcdefghijklmnopqrstuvwxyz'].map((l) => `a${l}#`)]);
    // What follows three letters cannot change the keys: it is read only to move past it, however many strings it holds.
    assert.deepEqual(keys('abc[\\w-]+\\s+(?:[\\w-]+\\s+){0,3}x'), ['abc']);
    assert.equal(keys('\\w+'), undefined, 'too many prefixes');
    assert.equal(keys('a\\1'), undefined);
    assert.equal(keys('a\\'), undefined);
  });

  it('gives no filter for what it cannot read, or a match that may start with a non-letter', () => {
    for (const source of ['a.', 'a|', '\\sa', '1a', '(ab', 'a)', '*a', '\\p{L}', '(?x)', '[a-z][a-z][a-z]']) assert.equal(keys(source, 'u'), undefined, source);
  });

  it('with /iu, k and s may also be the Kelvin sign and the long s, which are not ASCII: no filter', () => {
    assert.deepEqual(keys('ka', 'i'), ['ka#']);
    assert.equal(keys('ka', 'iu'), undefined);
    assert.equal(keys('sa', 'iu'), undefined);
    assert.deepEqual(keys('ta', 'iu'), ['ta#']);
  });
});
