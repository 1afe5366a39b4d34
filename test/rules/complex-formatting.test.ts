import assert from 'node:assert/strict';
import { analyze, MAX_FINDINGS_PER_RULE } from '../../src/analysis/analyze';
import { MAX_PLACES_LISTED } from '../../src/core/consolidate';
import { NOW, run } from './helpers';

const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

describe('complex-formatting: a file too slow to read in full', () => {
  it('says from which line it was read as plain text and why, and still checks the words there', () => {
    const head = '## Situation\n\nI was on the service desk when a customer rang about a late parcel.\n\n## Action\n\n';
    const text = head + repeat('- a\n  - b\n    - c\n      - d\n', 40_000) + '\nI rang the depot manager.\n';
    const r = analyze(text, { now: NOW });
    const [f, ...rest] = r.findings.filter((x) => x.ruleId === 'complex-formatting');
    assert.equal(rest.length, 0);
    const line = Number(/from line (\d+) to the end/.exec(f.message)?.[1]);
    assert.ok(line > 7 && line < text.split('\n').length, f.message);
    assert.equal(f.start.line + 1, line);
    assert.match(f.message, /^This file is very long and has a great many list items or quotes, so reading all of its formatting would take too long\./);
    assert.match(f.message, /every check still ran on your words/);
    assert.ok(f.end.line === f.start.line, 'it underlines one line, not the rest of the file');
    // The whole analysis runs: sections before the cut are found, and the words after it are read.
    assert.deepEqual(r.account.sections.slice(0, 2).map((s) => s.id), ['situation', 'action']);
    assert.ok(!r.account.sections[0].inferred && !r.account.sections[1].inferred);
    assert.ok(r.account.prose.includes('I rang the depot manager.'));
  });

  it('names lazy quotes and character references as the cause', () => {
    assert.match(run('complex-formatting', repeat('> a\n> > b\n', 40_000))[0].message, /quotes whose lines carry on without their > marks/);
    assert.match(run('complex-formatting', repeat('&amp; ', 100_000))[0].message, /character references such as &amp;/);
  });

  it('keeps its other finding for marks read as plain text', () => {
    const text = `I rang the depot${'*'.repeat(80)}and agreed a time.\n\n${repeat('## Situation\n\nI was on the desk.\n\n', 100_000)}`;
    const found = run('complex-formatting', text);
    assert.equal(found.length, 2);
    assert.match(found[0].message, /^Line 1 has a very long row of \* or _ marks/);
    assert.match(found[1].message, /^This file is very long and is made of a great many short lines, headings or paragraphs/);
  });
});

describe('analysis: long lists of findings are cut short', () => {
  it(`lists ${MAX_FINDINGS_PER_RULE} findings of one rule, then one that says how many more there are`, () => {
    const text = `## Situation\n\n${'{>> '.repeat(MAX_FINDINGS_PER_RULE + 150)}\n`;
    const marks = analyze(text, { now: NOW }).findings.filter((f) => f.ruleId === 'feedback-markup');
    assert.equal(marks.length, MAX_FINDINGS_PER_RULE + 1);
    const last = marks[MAX_FINDINGS_PER_RULE];
    assert.equal(last.message, `150 more like the ${MAX_FINDINGS_PER_RULE} above, from this line on, are not listed, so the list stays readable. Deal with those above and check again to see the rest.`);
    assert.equal(last.data?.notListed, 150);
    assert.ok(last.span.start > marks[MAX_FINDINGS_PER_RULE - 1].span.start);
  });

  it(`lists at most ${MAX_PLACES_LISTED} places of a repeat, and its fix for every place still covers them all`, () => {
    const n = MAX_PLACES_LISTED + 50;
    const text = `## Situation\n\nI rang ${Array.from({ length: n }, () => '07123 456789').join(' and ')}.\n`;
    const found = run('personal-data', text).filter((f) => /07123 456789/.test(text.slice(f.span.start, f.span.end)));
    assert.equal(found.length, 1);
    const [f] = found;
    assert.match(f.message, new RegExp(`${n} times`));
    assert.equal(f.related?.length, MAX_PLACES_LISTED);
    assert.equal(f.data?.count, n);
    assert.equal((f.data?.occurrences as unknown[]).length, MAX_PLACES_LISTED + 1, 'the first place and the related ones');
    const all = f.fixes?.find((x) => x.preferred);
    assert.ok(all, 'a fix for every place');
    assert.equal(all.edits.length, n);
    assert.equal(f.fixes!.length, 1 + MAX_PLACES_LISTED);
  });
});
