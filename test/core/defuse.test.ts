import * as assert from 'node:assert/strict';
import { defuse, MAX_MARKERS_PER_BLOCK, MAX_BRACKETS_PER_BLOCK, MAX_NESTING, MAX_RUN } from '../../src/core/defuse';

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
