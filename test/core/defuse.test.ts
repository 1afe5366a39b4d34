import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defuse, MAX_MARKERS_PER_BLOCK, MAX_BRACKETS_PER_BLOCK, MAX_NESTING, MAX_RUN, type SlowCause } from '../../src/core/defuse';

describe('defuse: shapes that make the Markdown parser slow', () => {
  it('leaves ordinary Markdown untouched (the same string)', () => {
    const text = '---\ntitle: A\n---\n## Situation\n\nI was **very** busy on *Monday* and_so_on.\n\n* one\n  * two\n> quote\n\n***\n\n1. first\n';
    const d = defuse(text);
    assert.equal(d.text, text);
    assert.deepEqual(d.regions, []);
  });

  it('neutralises a run of markers longer than the limit, keeping every offset', () => {
    const run = '*'.repeat(MAX_RUN + 1);
    const text = `Before ${run}a${'_'.repeat(MAX_RUN)} after`;
    const d = defuse(text);
    assert.equal(d.text.length, text.length);
    assert.deepEqual(d.regions, [{ start: 7, end: 7 + run.length, reason: 'long-run' }]);
    assert.equal(d.text.slice(0, 7), 'Before ');
    assert.ok(!d.text.slice(7, 7 + run.length).includes('*'));
    // A run at the limit is kept, and so is a long divider line.
    assert.ok(d.text.includes('_'.repeat(MAX_RUN)));
    const divider = `Above\n\n  ${'*'.repeat(200)}  \n\nBelow`;
    assert.equal(defuse(divider).text, divider);
  });

  it('neutralises container markers nested deeper than the limit on one line, keeping the spaces', () => {
    const deep = '> '.repeat(MAX_NESTING + 1) + 'text';
    const ok = '* '.repeat(MAX_NESTING) + 'fine';
    const d = defuse(`${deep}\n${ok}\n`);
    assert.deepEqual(d.regions, [{ start: 0, end: (MAX_NESTING + 1) * 2, reason: 'deep-nesting' }]);
    assert.ok(!d.text.split('\n')[0].includes('>'));
    assert.equal(d.text.split('\n')[0].replace(/\u200b/g, '').length, MAX_NESTING + 1 + 'text'.length);
    assert.equal(d.text.split('\n')[1], ok);
  });

  it('reads a block with too many emphasis markers as plain text, and only that block', () => {
    const heavy = '*a '.repeat(MAX_MARKERS_PER_BLOCK + 1);
    const light = '*a '.repeat(MAX_MARKERS_PER_BLOCK);
    const text = `${light}\n\n${heavy}\n\nLast *one*.`;
    const d = defuse(text);
    assert.equal(d.regions.length, 1);
    assert.equal(d.regions[0].reason, 'many-markers');
    assert.equal(d.text.slice(0, light.length), light);
    assert.ok(d.text.endsWith('Last *one*.'));
    assert.ok(!d.text.slice(d.regions[0].start, d.regions[0].end).includes('*'));
  });

  it('reads a block with too many [ brackets as plain text, and only that block', () => {
    const heavy = '[a]('.repeat(MAX_BRACKETS_PER_BLOCK + 1);
    const light = '[a](b) '.repeat(MAX_BRACKETS_PER_BLOCK);
    const text = `${light}\n\n${heavy}\n\nA [last](link).`;
    const d = defuse(text);
    assert.deepEqual(d.regions.map((r) => [r.reason, r.start]), [['many-brackets', light.length + 2]]);
    assert.equal(text.slice(d.regions[0].start, d.regions[0].end).trim(), heavy);
    assert.equal(d.text.length, text.length);
    assert.equal(d.text.slice(0, light.length), light);
    assert.ok(d.text.endsWith('A [last](link).'));
    const region = d.text.slice(d.regions[0].start, d.regions[0].end);
    assert.ok(!/[[\]]/.test(region) && region.includes('('));
  });
});

describe('defuse: files whose Markdown would take too long to read', () => {
  const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const slow = (d: ReturnType<typeof defuse>) => d.regions.find((r) => r.reason === 'slow-to-read');
  /** The rest is one line of letters, digits, spaces and neutral marks, and everything before it is as written. */
  const assertPlainFrom = (text: string, d: ReturnType<typeof defuse>, cut: number) => {
    assert.equal(d.text.length, text.length);
    assert.equal(d.text.slice(0, cut), text.slice(0, cut));
    assert.match(d.text.slice(cut), /^[A-Za-z0-9 \t\u200b\u0080-\uffff]*$/);
    assert.ok(!/^[ \t]/.test(d.text.slice(cut)), 'the plain part does not start indented');
  };

  it('leaves every example account as it is', () => {
    const dir = join(process.cwd(), 'examples/portfolio');
    for (const f of readdirSync(dir, { recursive: true }).map(String).filter((x) => x.endsWith('.md'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      assert.deepEqual(defuse(text), { text, regions: [] }, f);
    }
  });

  const shapes: [string, string, SlowCause][] = [
    ['headings and short paragraphs', '## Situation\n\nI was on the desk.\n\n', 'lines'],
    ['one long list', '- I rang the depot and agreed a slot.\n', 'lists'],
    ['lists nested four deep', '- a\n  - b\n    - c\n      - d\n', 'lists'],
    ['quotes with lazy lines', '> a\n> > b\n', 'lazy-quotes'],
    ['short lines', 'I rang.\n', 'lines'],
  ];
  for (const [name, unit, cause] of shapes) {
    it(`reads the rest of a megabyte of ${name} as plain text, from the start of a line`, () => {
      const text = repeat(unit, 1_000_000);
      const d = defuse(text);
      const r = slow(d);
      assert.ok(r, 'read in part as plain text');
      assert.equal(r.cause, cause);
      assert.equal(r.end, text.length);
      assert.ok(r.start > 10_000 && r.start < 500_000, String(r.start));
      assert.equal(text[r.start - 1], '\n');
      assertPlainFrom(text, d, r.start);
      // 100 KB of a shape that costs little per character is left alone.
      if (cause === 'lines' && name.startsWith('short')) assert.equal(slow(defuse(repeat(unit, 20_000))), undefined);
    });
  }

  it('cuts a very long line of character references in the middle', () => {
    const text = repeat('&amp; ', 1_000_000);
    const d = defuse(text);
    const r = slow(d)!;
    assert.equal(r.cause, 'references');
    assert.ok(r.start > 10_000 && text[r.start] === '&', String(r.start));
    assertPlainFrom(text, d, r.start);
  });

  it('never starts the plain part inside a code fence, which would swallow it', () => {
    const fence = '```\n' + 'code line\n'.repeat(50) + '```\n\n';
    const text = repeat(`I rang.\n\n${fence}`, 1_000_000);
    const r = slow(defuse(text))!;
    assert.ok(text.startsWith('```', r.start) || !inFence(text, r.start), `cut at ${r.start}`);
    assert.ok(!inFence(text, r.start));
  });

  it('keeps the regions found before the cut and drops those after it', () => {
    const head = `Before ${'*'.repeat(MAX_RUN + 1)}a after\n\n`;
    const text = head + repeat('- a\n  - b\n', 1_000_000) + `\n${'*'.repeat(MAX_RUN + 1)}b\n`;
    const d = defuse(text);
    assert.deepEqual(d.regions.map((r) => r.reason), ['long-run', 'slow-to-read']);
    assert.equal(d.regions[0].start, 7);
  });

  it('handles CRLF line ends as LF ones', () => {
    const lf = repeat('## Situation\n\nI was on the desk.\n\n', 400_000);
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = slow(defuse(lf))!;
    const b = slow(defuse(crlf))!;
    assert.equal(b.cause, a.cause);
    // At much the same line (a carriage return is one more character to read), at the start of a line.
    const [la, lb] = [lf.slice(0, a.start).split('\n').length, crlf.slice(0, b.start).split('\n').length];
    assert.ok(Math.abs(la - lb) < la / 50, `${la} / ${lb}`);
    assert.equal(crlf[b.start - 1], '\n');
    assert.ok(!defuse(crlf).text.slice(b.start).includes('\r'));
  });
});

/** Whether `at` is inside a fenced code block (fences at the start of a line). */
function inFence(text: string, at: number): boolean {
  return ((text.slice(0, at).match(/^```/gm) ?? []).length & 1) === 1;
}
