import assert from 'node:assert/strict';
import fc from 'fast-check';
import genericData from '../../data/lexicons/generic-language.yaml?data';
import hypotheticalData from '../../data/lexicons/hypothetical-language.yaml?data';
import reflectionData from '../../data/lexicons/reflection-cues.yaml?data';
import commandVerbsData from '../../data/lexicons/command-verbs.yaml?data';
import { lexicon } from '../../src/core/data';
import { firstKeysOf, hasKey, wordKeyAt } from '../../src/core/fast-paths';
import { compileLexicon, expandClasses, type Entry } from '../../src/rules/util/lexicon';
import { rangeIn } from '../ranges';

const matches = (entries: Entry[], text: string) => {
  const out: [string, string | undefined][] = [];
  compileLexicon(entries).each(text, 0, text.length, (m, e) => {
    out.push([m[0], e.phrase ?? e.pattern]);
  });
  return out;
};

describe('expandClasses (word classes in a lexicon)', () => {
  it('puts each class, as a group, where a pattern, notAfter or notBefore names it; classes may name classes', () => {
    const [e] = expandClasses({
      classes: { person: '{pronoun}|the\\s+customer', pronoun: 'him|her' },
      entries: [{ pattern: 'reassured\\s+{person}', notAfter: '{pronoun}', notBefore: 'by\\b', category: 'x' }],
    });
    assert.deepEqual(e, { pattern: 'reassured\\s+(?:(?:him|her)|the\\s+customer)', notAfter: '(?:him|her)', notBefore: 'by\\b', category: 'x' });
    assert.deepEqual(matches([e], 'I reassured the customer. I reassured her. I reassured them.').map(([m]) => m), ['reassured the customer', 'reassured her']);
  });

  it('leaves quantifiers alone, and refuses an unknown or self-naming class', () => {
    assert.equal(expandClasses({ classes: { a: 'x' }, entries: [{ pattern: '{a}{2,3}' }] })[0].pattern, '(?:x){2,3}');
    assert.throws(() => expandClasses({ classes: { a: 'x' }, entries: [{ pattern: '{b}' }] }), /unknown word class \{b\}/);
    assert.throws(() => expandClasses({ classes: { a: 'x{a}' }, entries: [{ pattern: '{a}' }] }), /names itself/);
  });

  it('every class the bundled lists name exists, and no pattern is left with a class name in it', () => {
    for (const data of [genericData, hypotheticalData, reflectionData, commandVerbsData]) {
      for (const e of expandClasses(lexicon(data))) assert.doesNotMatch(`${e.pattern ?? ''} ${e.notAfter ?? ''} ${e.notBefore ?? ''}`, /\{[a-z][a-z-]*\}/);
    }
  });
});

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
    lex.each('etc. etc. etc.', 1, 9, (m) => {
      seen.push(m.index);
    });
    assert.deepEqual(seen, [5]);
  });

  it('stops when the callback returns true', () => {
    const seen: number[] = [];
    compileLexicon([{ phrase: 'etc.' }]).each('etc. etc. etc.', 0, 14, (m) => {
      seen.push(m.index);
      return seen.length === 2;
    });
    assert.deepEqual(seen, [0, 5]);
  });

  it('the word-start fast path finds exactly what the plain regex search finds', () => {
    const lexicons = [
      expandClasses(lexicon(genericData)),
      lexicon(hypotheticalData).entries,
      lexicon(reflectionData).entries,
      lexicon(commandVerbsData).entries,
      [{ pattern: '(a)(b)c' }, { pattern: 'strengths?' }, { phrase: 'as' }, { phrase: 'asap' }],
    ];
    const pieces = ['good', 'customer', 'service', 'Good Customer', 'dealt', 'with', 'as', 'usual', 'asap', 'etc.', 'etc', 'I', 'would', "I'll", 'I’ll', 'i', 'will', 'we', 'always', 'said', 'that', 'told', 'her', 'promised', 'which', 'calls', 'whether', 'knew', 'so', 'if', 'went', 'above', 'and', 'beyond',
      ' ', '  ', '\n', '\n\n', '\t', '\u00a0', '\u2003', '-', '_', "'", '’', '.', ',', '"', '“', 'é', 'x', '7', 'ﬁ', 'K', '**', '\ud800'];
    // The words the patterns are made of, so their matches (and near misses) turn up.
    const patternWords = lexicons.flatMap((l: Entry[]) => l.flatMap((e) => e.pattern?.match(/[A-Za-z'’]+/g) ?? []));
    pieces.push(...new Set(patternWords), 'strengthen', 'abc', 'ab', '12', 'K');
    const fast = lexicons.map((e) => compileLexicon(e));
    // The plain search: an entry whose first letters cannot be worked out ("." may be anything) makes the whole
    // lexicon searched plainly; it never matches, so the matches are the same lexicon's.
    const slow = lexicons.map((e) => compileLexicon([...e, { pattern: '(?!)x.' }]));
    const run = (lex: ReturnType<typeof compileLexicon>, text: string, start: number, end: number) => {
      const out: string[] = [];
      lex.each(text, start, end, (m, e) => {
        out.push(`${m.index}:${m[0]}:${e.phrase}`);
      });
      return out;
    };
    // Whole phrases too, with any kind of space between their words and any case.
    const phrases = lexicons.flatMap((l) => l.map((e) => e.phrase ?? '').filter(Boolean));
    const gap = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', '-', '');
    const phrase = fc.tuple(fc.constantFrom(...phrases), fc.array(gap, { minLength: 8, maxLength: 8 }), fc.boolean()).map(([p, gaps, upper]) =>
      p.split(' ').map((w, i) => (i ? gaps[i % 8] || ' ' : '') + (upper ? w.toUpperCase() : w)).join(''),
    );
    const part = fc.oneof(fc.constantFrom(...pieces), phrase);
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }), fc.nat(), fc.nat(), fc.nat(lexicons.length - 1), (parts, a, b, which) => {
        const text = parts.join('');
        const { start, end } = rangeIn(text, a, b);
        const expected = run(slow[which], text, start, end);
        assert.deepEqual(run(fast[which], text, start, end), expected, JSON.stringify({ text, start, end }));
      }),
      { numRuns: 6000 },
    );
  });

  it('works out the first letters a pattern can start with, or says it cannot', () => {
    const keys = (source: string, flags = 'i') => {
      const t = firstKeysOf(source, flags);
      return t && ['the', 'then', 'a', 'an', 'and', 'I', 'it', 'its', 'was', 'we', 'x', 'K', 's', '7', 'é'].filter((w) => hasKey(t, wordKeyAt(w, 0)));
    };
    assert.deepEqual(keys('the\\s+(?:end|start)|an?\\b'), ['the', 'then', 'a', 'an']);
    assert.deepEqual(keys('I\\s+(?:have\\s+|[\'’]ve\\s+)?learned'), ['I']);
    assert.deepEqual(keys('(?:was|were)(?=\\s)|it(?:s)?'), ['it', 'its', 'was']);
    assert.deepEqual(keys('[a-c]x{2,}'), []);
    assert.deepEqual(keys('[A-C]'), ['a']);
    assert.deepEqual(keys('k|s'), ['K', 's']);
    assert.equal(keys('k|s', 'iu'), undefined, 'with /iu, k and s also match non-ASCII letters');
    for (const bad of ['.', '\\w+', '[^a]', '\\p{L}', '(a)\\1', '\\d+', '"x"', 'a?', '']) assert.equal(firstKeysOf(bad, 'iu'), undefined, bad);
  });
});
