// The hand-written fast paths in the core must give exactly what the slow, obvious code gives.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { fastYamlMap } from '../../src/core/fast-yaml';
import { computeMatch, computeMatchByScan, headingKey, headingKeyFull } from '../../src/core/sections';
import { getFrameworks } from '../../src/core/data';
import { LABEL, inlineCriteria, mayBeLabel } from '../../src/core/model';
import { countIndexed, countWords, indexWords, isPhraseWordAt, resetCharClasses, wordKeyAt, wordStarts } from '../../src/core/text';
import { rangeIn } from '../ranges';
import genericData from '../../data/lexicons/generic-language.yaml?data';
import hypotheticalData from '../../data/lexicons/hypothetical-language.yaml?data';
import { notAfterBySearch, notAfterGuard } from '../../src/rules/util/lexicon';

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
function reference(text: string, start: number, end: number) {
  const out: { start: number; end: number }[] = [];
  WORD.lastIndex = start;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

describe('core fast paths', () => {
  it('countWords matches the word regex on any text and range', () => {
    const pieces = ['a', 'Z', 'é', 'ß', '7', '٣', ' ', '\n', "'", '’', '.', '-', '--', ',', '😀', '𝒜', '\ud800', '\udc00', '—', '£', '_', 'I', "didn't", 'follow-up', '3.5', '**', '  '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const { start, end } = rangeIn(text, a, b);
        const ref = reference(text, start, end);
        // Non-ASCII characters are classified on first sight: check both the first sight and the cached answer.
        resetCharClasses();
        assert.equal(countWords(text, start, end), ref.length, JSON.stringify({ text, start, end, fresh: true }));
        assert.equal(countWords(text, start, end), ref.length, JSON.stringify({ text, start, end }));
      }),
      { numRuns: 3000 },
    );
    assert.equal(countWords("I didn't follow-up 3.5 times — ok."), 6);
    resetCharClasses();
    assert.equal(countWords("ßfollow-up**follow-up3.5didn'tdidn'tfollow-up’٣", 29, 47), 1, 'a joiner seen for the first time');
  });

  it('the flat front-matter reader agrees with yaml wherever it answers, and declines what it cannot read', () => {
    const scalars = ['L-001', 'CS3-SP', '2026-03-10', '900', '2.10', '1e3', '+1', '-7', '.5', '007', '0x1F', 'true', 'null', '~', '"quoted: yes"', "'single # not a comment'", 'A title: with colon', 'Mrs O’Neill', 'x # comment', 'a #b', '"esc\\"aped"', "'it''s'", '*alias', '&anchor x', '[]', '["2.1", "3.4"]', '[1.1, 2.3]', '[a, b c]', '[a, [b]]', '[a,,b]', '{a: 1}', '|', '>', '-', '- item', '@x', '`x`', '%x', 'ends:', 'tab\there', '.inf', '.NaN', '9007199254740993', 'Say "hi"'];
    const keys = ['title', 'learner', 'unit', 'criteria', 'date', 'framework', 'word_target', 'status', 'x-y', 'true', '_k'];
    const line = fc.oneof(
      fc.tuple(fc.constantFrom(...keys), fc.constantFrom(' ', '  '), fc.constantFrom(...scalars), fc.constantFrom('', ' ')).map(([k, sp, v, t]) => `${k}:${sp}${v}${t}`),
      fc.constantFrom('', '# a comment', '  indented: 1', 'title:', 'key:value', '---', 'nested:\n  a: 1'),
    );
    let tried = 0;
    let answered = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        tried++;
        const raw = lines.join('\n');
        const fast = fastYamlMap(raw);
        if (!fast) return;
        answered++;
        const doc = parseDocument(raw, { prettyErrors: false, uniqueKeys: true, strict: false });
        assert.equal(doc.errors.length, 0, raw);
        assert.ok(isMap(doc.contents), raw);
        assert.deepEqual(fast.data, doc.toJS(), raw);
        const ranges: Record<string, [number, number]> = {};
        for (const pair of doc.contents.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : '';
          const node = (pair.value ?? pair.key) as Node;
          ranges[key] = [node.range![0], node.range![1]];
        }
        assert.deepEqual(fast.ranges, ranges, raw);
      }),
      { numRuns: 6000 },
    );
    // A share, not a count, so the property still means something when run with fewer cases.
    assert.ok(answered * 100 > tried, `the fast path answered only ${answered} times of ${tried}`);
    assert.equal(fastYamlMap('title: a\ntitle: b'), undefined, 'duplicate keys go to yaml, which reports them');
    assert.equal(fastYamlMap('title: a\r\nunit: b'), undefined);
  });

  it('indexWords finds both kinds of word start in one pass, and counts ranges as countWords does', () => {
    const pieces = ['a', 'Z', 'é', 'ß', '7', '٣', ' ', '\n', "'", '’', '.', '-', '--', ',', '😀', '𝒜', '\ud800', '\udc00', '—', '£', '_', '__', 'a_b', 'I', "didn't", 'follow-up', '3.5', '**'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), fc.nat(), fc.nat(), fc.boolean(), (parts, a, b, fresh) => {
        const text = parts.join('');
        if (fresh) resetCharClasses();
        const index = indexWords(text);
        const ctx = JSON.stringify({ text, a, b });
        assert.equal(index.counted.length, countWords(text), ctx);
        assert.deepEqual([...index.phrase], [...wordStarts(text)], ctx);
        assert.deepEqual([...index.keys], [...index.phrase].map((i) => wordKeyAt(text, i)), ctx);
        const { start, end } = rangeIn(text, a, b);
        assert.equal(countIndexed(text, index, start, end), countWords(text, start, end), ctx);
      }),
      { numRuns: 4000 },
    );
  });

  it('mayBeLabel is false only where the label regex cannot match', () => {
    const pieces = ['Situation', 'The action I took', 'S', 'x', "'", ' ', '  ', '\t', '\n', '\u00a0', '\u3000', ':', ' :', '.', ',', '1', '-', 'é', '**', 'abcdefghijklmnopqrstuvwxyz'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const v = parts.join('');
        if (LABEL.test(v)) assert.ok(mayBeLabel(v), JSON.stringify(v));
      }),
      { numRuns: 5000 },
    );
    assert.equal(mayBeLabel('Situation: it was'), true);
    assert.equal(mayBeLabel('On Monday, a customer'), false);
  });

  it('indexWords is right for texts of any size, before and after one too big for its kept scratch space', () => {
    for (const text of ['a b', 'word '.repeat(2000), 'Big_one, didn’t '.repeat(20000), 'small text', 'x'.repeat(9000)]) {
      const index = indexWords(text);
      assert.equal(index.counted.length, countWords(text));
      assert.deepEqual([...index.phrase], [...wordStarts(text)]);
      assert.equal(index.keys.length, index.phrase.length);
    }
  });

  it('wordKeyAt: three ASCII letters, case folded, ended by anything else', () => {
    const key = (s: string) => wordKeyAt(s, 0);
    assert.equal(key('The'), key('the'));
    assert.equal(key('there'), key('THE'));
    assert.equal(key('I would'), key('I  would'));
    assert.equal(key("I'll"), key('I’d'));
    assert.equal(key('we'), key('we.'));
    assert.notEqual(key('we'), key('wet'));
    assert.notEqual(key('é'), key('e'));
    assert.equal(key('_a'), key('7'));
    assert.equal(key(''), key('–'));
  });

  it('headingKey gives what every rule of headingKeyFull gives, plain words or not', () => {
    const words = ['I', 'i', 'iv', 'V', 'x', 'Step', 'part', 'Section', 'stage', 'Situation', 'The', 'action', 'took', 'What', 'learned', 'Result', 'S', 'a', 'AC', '1', '2.1', '(AC 1.2)', '–', ':', '.', ')', '**', '{>>x<<}', '’', '3', '12', 'account', 'Reflective', 'A1', '0'];
    const sep = fc.constantFrom(' ', '  ', '', '\t');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...words), sep), { maxLength: 6 }), (parts) => {
        const raw = parts.map(([w, s]) => w + s).join('');
        assert.equal(headingKey(raw), headingKeyFull(raw), JSON.stringify(raw));
      }),
      { numRuns: 4000 },
    );
    assert.equal(headingKey('I learned'), 'learned');
    assert.equal(headingKey('Step iv Action'), 'action');
    assert.equal(headingKey('Step 3 Action'), 'action');
    assert.equal(headingKey('Reflective account 3'), 'reflective account 3');
  });

  it('matching a heading by looking up its slices picks what trying every alias in turn picks', () => {
    const frameworks = [...getFrameworks().values()];
    // Words of the aliases themselves, so near misses, prefixes and runs of words all come up.
    const words = [...new Set(frameworks.flatMap((f) => f.sections.flatMap((s) => [s.name, ...s.aliases].flatMap((a) => a.split(/\s+/)))))];
    words.push('My', 'the', '3', 'account', '–', ':', '-', '(AC 1.2)', 'plan', 'Next', 'and');
    const sep = fc.constantFrom(' ', '', ': ', ' – ', '-');
    fc.assert(
      fc.property(
        // Framework ids, not objects, so a counterexample reads short.
        fc.constantFrom(...frameworks.map((f) => f.id)),
        fc.constantFrom<'heading' | 'label'>('heading', 'label'),
        fc.array(fc.tuple(fc.constantFrom(...words), sep), { minLength: 1, maxLength: 8 }),
        (id, mode, parts) => {
          const framework = getFrameworks().get(id)!;
          const raw = parts.map(([w, s]) => w + s).join('');
          assert.deepEqual(computeMatch(framework, raw, mode), computeMatchByScan(framework, raw, mode), JSON.stringify(raw));
        },
      ),
      { numRuns: 6000 },
    );
    // Every alias on its own, and with a word either side.
    for (const framework of frameworks) {
      for (const s of framework.sections) {
        for (const a of [s.name, ...s.aliases]) {
          for (const raw of [a, `My ${a}`, `${a}: notes`, `${a} and more`, `The ${a} I took`]) {
            for (const mode of ['heading', 'label'] as const) assert.deepEqual(computeMatch(framework, raw, mode), computeMatchByScan(framework, raw, mode), raw);
          }
        }
      }
    }
  });

  it('inline criterion references are found at word starts as a search of the whole prose finds them', () => {
    // The reference: the regex searched everywhere, keeping matches that start a word (the start of a run of
    // letters, digits or "_", Unicode letters included).
    const WHOLE = /\bACs?\s*:?\s*\d+(?:\.\d+)+[a-z]?(?:\s*(?:,|&|\/|\band\b|\bor\b)\s*\d+(?:\.\d+)+[a-z]?)*/gi;
    const ID = /\d+(?:\.\d+)+[a-z]?/gi;
    const reference = (prose: string) => {
      const out: { id: string; span: { start: number; end: number } }[] = [];
      WHOLE.lastIndex = 0;
      for (let m = WHOLE.exec(prose); m; m = WHOLE.exec(prose)) {
        if (isPhraseWordAt(prose, m.index - 1)) {
          WHOLE.lastIndex = m.index + 1;
          continue;
        }
        for (let id = ID.exec(m[0]); id; id = ID.exec(m[0])) out.push({ id: id[0], span: { start: m.index + id.index, end: m.index + id.index + id[0].length } });
      }
      return out;
    };
    const tokens = ['AC', 'ACs', 'ac', 'Acs', 'AC:', 'ACT', 'ACS', '1.2', '3.1a', '2', '10.4.1', ',', ' and ', ' or ', '/', '&', 'é', '(', ' ', '\n', 'word', '_', 'x', '’', '.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 30 }), (parts) => {
        const prose = parts.join('');
        const index = indexWords(prose);
        assert.deepEqual(inlineCriteria(prose, index.phrase, index.keys), reference(prose), JSON.stringify(prose));
      }),
      { numRuns: 5000 },
    );
    const find = (prose: string) => {
      const index = indexWords(prose);
      return inlineCriteria(prose, index.phrase, index.keys).map((r) => r.id);
    };
    assert.deepEqual(find('I met ACs 1.1, 1.2 and 3.1 (AC 2.3/2.4), AC2.1a.'), ['1.1', '1.2', '3.1', '2.3', '2.4', '2.1a']);
    // Inside a word, even after a letter beyond ASCII, "AC" is not a reference.
    assert.deepEqual(find('TRAC 1.2 caféAC 1.3 _AC 1.4'), []);
  });

  it('a notAfter guard read backwards from the end answers as a search of the whole window does', () => {
    const sources = [...new Set([genericData, hypotheticalData].flatMap((d) => (d as { entries: { notAfter?: string }[] }).entries.flatMap((e) => (e.notAfter ? [e.notAfter] : []))))];
    assert.ok(sources.length >= 2);
    const words = ['that', 'which', 'if', 'so', 'who', 'knew', 'thought', 'told', 'promised', 'assured', 'sure', 'will', 'must', 'should', "i'll", 'I’ll', 'I', 'her', 'the', 'customer', 'we', 'café', 'é', 'x-ray', 'don’t', '3'];
    const seps = [' ', '  ', '\n', ', ', '. ', '', '\t', ' — '];
    for (const source of sources) {
      const fast = notAfterGuard(source);
      const slow = notAfterBySearch(source);
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 7 }), (parts) => {
          const before = parts.map(([w, sep]) => w + sep).join('');
          assert.equal(fast(before), slow(before), JSON.stringify(before));
        }),
        { numRuns: 3000 },
      );
    }
    const reported = (hypotheticalData as { entries: { notAfter?: string }[] }).entries.find((e) => e.notAfter?.includes('told'))!.notAfter!;
    const guard = notAfterGuard(reported);
    assert.equal(guard('I told her '), true);
    assert.equal(guard('I told her'), false);
    assert.equal(guard('Then '), false);
  });
});

