import assert from 'node:assert/strict';
import { compileLexicon, type Entry } from '../../src/rules/util/lexicon';

const matches = (entries: Entry[], text: string) => {
  const out: [string, string | undefined][] = [];
  compileLexicon(entries).each(text, 0, text.length, (m, e) => out.push([m[0], e.phrase ?? e.pattern]));
  return out;
};

describe('compileLexicon (one regex per lexicon)', () => {
  it('prefers the longest phrase sharing first words, and tells entries apart', () => {
    const e = [{ phrase: 'above and beyond' }, { phrase: 'went above and beyond' }, { phrase: 'went' }];
    assert.deepEqual(matches(e, 'I went above and beyond, then went home; above and beyond.'), [
      ['went above and beyond', 'went above and beyond'],
      ['went', 'went'],
      ['above and beyond', 'above and beyond'],
    ]);
  });

  it('matches whole words only, but still finds a match later in the same word run', () => {
    assert.deepEqual(matches([{ phrase: 'as' }, { phrase: 'asap' }], 'has asap as'), [['asap', 'asap'], ['as', 'as']]);
  });

  it('keeps group numbers right when patterns have their own capture groups', () => {
    const e = [{ pattern: '(a)(b)c' }, { pattern: 'x(y)' }, { phrase: 'zed' }];
    assert.deepEqual(matches(e, 'abc xy zed'), [['abc', '(a)(b)c'], ['xy', 'x(y)'], ['zed', 'zed']]);
  });

  it('honours notAfter, and either apostrophe', () => {
    const e = [{ phrase: "I'll", notAfter: '\\bsaid' }];
    assert.deepEqual(matches(e, 'I’ll go. She said I\'ll go.'), [['I’ll', "I'll"]]);
  });

  it('stays within [start, end)', () => {
    const lex = compileLexicon([{ phrase: 'etc.' }]);
    const seen: number[] = [];
    lex.each('etc. etc. etc.', 1, 9, (m) => seen.push(m.index));
    assert.deepEqual(seen, [5]);
  });
});
