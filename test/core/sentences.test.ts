import assert from 'node:assert/strict';
import { SEGMENT_WINDOW, sentenceSpans } from '../../src/core/text';

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
