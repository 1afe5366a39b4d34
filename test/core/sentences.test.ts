import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SEGMENT_WINDOW, sentenceSpans, trimSpan } from '../../src/core/text';
import { analyze } from '../../src/analysis';

const texts = (text: string) => sentenceSpans(text, 0, text.length).map((s) => text.slice(s.start, s.end));

describe('sentences of a very long paragraph', () => {
  it('are the same sentences when the paragraph is segmented a window at a time', () => {
    const sentence = 'I rang the depot at 9:15 and asked for the van. ';
    const text = sentence.repeat(Math.ceil((SEGMENT_WINDOW * 3) / sentence.length));
    const got = texts(text);
    assert.equal(got.length, Math.ceil((SEGMENT_WINDOW * 3) / sentence.length));
    assert.ok(got.every((s) => s === sentence.trim()));
  });

  it('lose nothing when a window holds no sentence end: every word is in exactly one sentence', () => {
    const text = 'word '.repeat(SEGMENT_WINDOW);
    const spans = sentenceSpans(text, 0, text.length);
    assert.ok(spans.length > 1);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i].start >= spans[i - 1].end);
    assert.equal(spans.map((s) => text.slice(s.start, s.end)).join(' '), text.trim());
  });

  it('leave a paragraph under the window as ICU reads it', () => {
    const text = `${'I spoke to Mr. Patel at 9 a.m. and he agreed to wait. '.repeat(400)}Then I rang back.`;
    assert.ok(text.length < SEGMENT_WINDOW);
    const icu = [...new Intl.Segmenter('en-GB', { granularity: 'sentence' }).segment(text)].map((x) => x.segment.trim()).filter(Boolean);
    assert.deepEqual(texts(text), icu);
  });
});

describe('sentences line by line', () => {
  // What sentenceSpans did before plain lines skipped ICU: each blank-line-separated chunk to ICU whole.
  const icu = new Intl.Segmenter('en-GB', { granularity: 'sentence' });
  const wholeChunks = (prose: string) => {
    const out: { start: number; end: number }[] = [];
    const chunk = /[^\r\n]+(?:\r?\n(?![ \t]*\r?\n)[^\r\n]*)*/g;
    for (let m = chunk.exec(prose); m; m = chunk.exec(prose)) {
      for (const s of icu.segment(m[0])) {
        const t = trimSpan(m[0], s.index, s.index + s.segment.length);
        if (t) out.push({ start: m.index + t.start, end: m.index + t.end });
      }
    }
    return out;
  };

  it('are the sentences ICU finds in each paragraph whole', () => {
    const pieces = ['I rang', ' the depot', '. ', '? ', '! ', 'Mr. Patel', 'e.g. ', 'agreed', ' ', '  ', '\n', '\r\n', '\n\n', '\r', '- ', '> ', 'café', '。', '”', ' 3.5 ', '...', '\t', '\u2029', '\u0085'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(sentenceSpans(text, 0, text.length), wholeChunks(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('make a sentence of each line of a long list without sentence ends', () => {
    const text = '- a\n  - b\n    - c\n'.repeat(3);
    assert.deepEqual(texts(text), ['- a', '- b', '- c', '- a', '- b', '- c', '- a', '- b', '- c']);
  });
});

describe('sentences one at a time', () => {
  it('give a section\'s first sentence without the rest, the same as the first of the whole list', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('I rang. ', 'Mr. Patel agreed ', 'a list\n', '\n\n', '- item\n', 'no end ', 'Why? ', '"Yes." she said. '), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        // Asked first, before anything fills the section's list of sentences.
        const { account } = analyze(`## Situation\n\n${text}\n`);
        for (const s of account.sections) assert.deepEqual(s.firstSentence, s.sentences[0]);
      }),
      { numRuns: 300 },
    );
  });
});
