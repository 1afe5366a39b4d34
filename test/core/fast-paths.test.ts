// The speed tricks kept (src/core/fast-paths) must give exactly what the plain, obvious code gives.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { countWords, fastYamlMap, nextWordStart, wordKeyAt } from '../../src/core/fast-paths';
import { inlineCriteria } from '../../src/core/model';
import { rangeIn } from '../ranges';

describe('core fast paths', () => {
  it('countWords counts words that start in the range, joined words once', () => {
    assert.equal(countWords("I didn't follow-up 3.5 times — ok."), 6);
    assert.equal(countWords('one two three', 1, 5), 2, 'the tail of a word the range starts inside counts');
    assert.equal(countWords('one two three', 0, 5), 2, 'a word that runs on past the end counts');
    assert.equal(countWords('café 𝒜bc ٣٤'), 3);
  });

  it('countWords counts what the word regex finds in the range, whatever the characters', () => {
    const pieces = ['a', 'Z', 'é', '7', '٣', ' ', '\n', "'", '’', '.', '-', '--', ',', '😀', '𝒜', '\ud835', '\udc9c', '—', '_', 'I', "didn't", '3.5', 'follow-up'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const range = rangeIn(text, a, b);
        const end = range.end;
        let start = range.start;
        // A /u regex started inside a surrogate pair steps back to read the pair; ranges never start there.
        if (/[\ud800-\udbff]/.test(text[start - 1] ?? '') && /[\udc00-\udfff]/.test(text[start] ?? '')) start--;
        // The plain form: the regex over the text cut at the range's end.
        const word = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
        const cut = text.slice(0, end);
        let want = 0;
        for (word.lastIndex = start; word.exec(cut); ) want++;
        assert.equal(countWords(text, start, end), want, JSON.stringify({ text, start, end }));
      }),
      { numRuns: 3000 },
    );
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

  it('nextWordStart finds where each run of letters, digits or "_" begins, as the regex does', () => {
    const pieces = ['a', 'Z', 'é', 'ß', '7', '٣', ' ', '\n', "'", '’', '.', '-', ',', '😀', '𝒜', '\ud800', '—', '_', '__', 'a_b', 'I', "didn't"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const { start, end } = rangeIn(text, a, b);
        const want: number[] = [];
        for (let i = start; i < end; i++) if (/[\p{L}\p{N}_]/u.test(text[i]) && !(i > 0 && /[\p{L}\p{N}_]/u.test(text[i - 1]))) want.push(i);
        const got: number[] = [];
        for (let q = nextWordStart(text, start, end); q < Math.min(end, text.length); q = nextWordStart(text, q + 1, end)) got.push(q);
        assert.deepEqual(got, want, JSON.stringify({ text, start, end }));
      }),
      { numRuns: 3000 },
    );
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

  it('inline criterion references start a word', () => {
    // The reference: the regex tried at every position that starts a word (the start of a run of letters,
    // digits or "_", Unicode letters included).
    const AT = /ACs?\s*:?\s*\d+(?:\.\d+)+[a-z]?(?:\s*(?:,|&|\/|\band\b|\bor\b)\s*\d+(?:\.\d+)+[a-z]?)*/iy;
    const ID = /\d+(?:\.\d+)+[a-z]?/gi;
    const W = /[\p{L}\p{N}_]/u;
    const reference = (prose: string) => {
      const out: { id: string; span: { start: number; end: number } }[] = [];
      for (let p = 0; p < prose.length; p++) {
        if (!W.test(prose[p]) || (p > 0 && W.test(prose[p - 1]))) continue;
        AT.lastIndex = p;
        const m = AT.exec(prose);
        if (!m) continue;
        for (let id = ID.exec(m[0]); id; id = ID.exec(m[0])) out.push({ id: id[0], span: { start: p + id.index, end: p + id.index + id[0].length } });
        p += m[0].length - 1;
      }
      return out;
    };
    const tokens = ['AC', 'ACs', 'ac', 'Acs', 'AC:', 'ACT', 'ACS', '1.2', '3.1a', '2', '10.4.1', ',', ' and ', ' or ', '/', '&', 'é', '(', ' ', '\n', 'word', '_', 'x', '’', '.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 30 }), (parts) => {
        const prose = parts.join('');
        assert.deepEqual(inlineCriteria(prose), reference(prose), JSON.stringify(prose));
      }),
      { numRuns: 5000 },
    );
    const find = (prose: string) => inlineCriteria(prose).map((r) => r.id);
    assert.deepEqual(find('I met ACs 1.1, 1.2 and 3.1 (AC 2.3/2.4), AC2.1a.'), ['1.1', '1.2', '3.1', '2.3', '2.4', '2.1a']);
    // Inside a word, even after a letter beyond ASCII, "AC" is not a reference.
    assert.deepEqual(find('TRAC 1.2 caféAC 1.3 _AC 1.4'), []);
  });
});

