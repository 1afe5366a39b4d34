import assert from 'node:assert/strict';
import { PortfolioIndex, defaultConfig, type AccountSummary } from '../../src/analysis';
import { buildReport, CriteriaCatalog, filterReport, gapsFromCatalog, renderMarkdown, sampleAccounts, sampleReport, summaryLines } from '../../src/core';
import { computeCoverage, coverageByLearner, coverageMarkdown } from '../../src/core/coverage';
import { isPlaceholder } from '../../src/core/portfolio';
import { accountTemplate } from '../../src/extension/templates';
import snippets from '../../snippets/markdown.json';
import { loadQa } from './qa-fixture';

const NOW = new Date('2026-07-01T00:00:00Z');

/** The STARR snippet as it lands when the learner presses Tab through it without typing. */
function snippetLeftAsIs(): string {
  const s = (snippets as Record<string, { prefix: string[]; body: string[] }>)['STARR reflective account'];
  return s.body.join('\n').replace(/\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/, '2026-06-01').replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{?\d+\}?/g, '');
}

/** What the snippet used to write: plausible values, and the prompts as plain text. */
const OLD_SNIPPET = `---
title: Title of the event
learner: L001
unit: CS3-SP
criteria: ["1.1", "2.1"]
date: 2026-06-01
framework: starr
status: draft
---

# Title of the event

## Situation

Where and when did this happen, who was involved (anonymised) and what was the problem for the customer?

## Task

What did you personally need to achieve, and to what standard (SLA, KPI, deadline or policy)?

## Action

What did you do, step by step, and why did you choose to do it that way?

## Result

What changed as a result? Give a measure — a figure, a date, a KPI or the customer's own words.

## Reflection

What went well, what would you change, what did you learn and what will you do differently next time?
`;

const TEMPLATES: Record<string, string> = {
  'test/fixtures/qa/learner-a/new-command.md': accountTemplate({ title: 'A late delivery', framework: 'starr', unit: 'CS3-SP', criteria: ['1.1', '1.2', '1.3', '2.1'], date: '2026-06-01' }),
  'test/fixtures/qa/learner-b/old-snippet.md': OLD_SNIPPET,
  'test/fixtures/qa/learner-c/snippet.md': snippetLeftAsIs(),
};

function summaries(extra: Record<string, string> = TEMPLATES): AccountSummary[] {
  const index = new PortfolioIndex({ configFor: () => defaultConfig(), now: NOW });
  for (const s of loadQa()) index.set(s);
  for (const [uri, text] of Object.entries(extra)) index.update(uri, text);
  return index.all();
}

describe('templates are counted apart', () => {
  let real: AccountSummary[];
  let all: AccountSummary[];
  beforeEach(() => {
    real = loadQa();
    all = summaries();
  });

  it('marks each kind of template, and no real account', () => {
    const by = new Map(all.map((s) => [s.uri, s.template]));
    assert.deepEqual(by.get('test/fixtures/qa/learner-a/new-command.md'), ['learner-empty', 'no-writing']);
    assert.deepEqual(by.get('test/fixtures/qa/learner-b/old-snippet.md'), ['placeholder', 'no-writing']);
    assert.deepEqual(by.get('test/fixtures/qa/learner-c/snippet.md'), ['learner-empty', 'no-writing']);
    assert.ok(real.every((s) => s.template === undefined), 'the fixture accounts are all real');
  });

  it('counts a template with the learner filled in once it has writing, and an account with no front matter by its folder', () => {
    const written = accountTemplate({ title: 'A late delivery', framework: 'starr', learner: 'L-101', unit: 'CS3-SP', criteria: ['1.1'], date: '2026-06-01' }).replace('## Task', 'I took a call from a customer whose parcel was late.\n\n## Task');
    const noFront = '## Situation\n\nI took a call from a customer whose parcel was late.\n\n## Action\n\nI rang the courier.\n';
    const s = summaries({ 'p/learner-a/w.md': written, 'p/learner-x/plain.md': noFront });
    const w = s.find((x) => x.uri === 'p/learner-a/w.md')!;
    assert.equal(w.template, undefined);
    assert.equal(w.learner, 'L-101');
    const p = s.find((x) => x.uri === 'p/learner-x/plain.md')!;
    assert.equal(p.template, undefined);
    assert.equal(p.learner, 'learner-x');
    const blank = summaries({ 'p/learner-a/w.md': accountTemplate({ title: 'T', framework: 'starr', learner: 'L-101', criteria: [], date: '2026-06-01' }) });
    assert.deepEqual(blank.find((x) => x.uri === 'p/learner-a/w.md')!.template, ['no-writing'], 'a learner id alone is not writing');
  });

  it('tells placeholders from real values', () => {
    for (const v of ['<learner id>', '[Your name]', 'TBC', 'todo', 'Title of the event', '${2:L001}', 'xxx', '…', 'learner id']) assert.ok(isPlaceholder(v), v);
    for (const v of ['L-101', 'L001', 'CS3-SP', '1.1', 'Sorting out a wrong-size sofa', 'Titles for a rota']) assert.ok(!isPlaceholder(v), v);
  });

  it('leaves them out of the quality report figures and lists them apart', () => {
    const before = buildReport(real, { now: NOW });
    const after = buildReport(all, { now: NOW });
    assert.equal(after.summary.learners, before.summary.learners);
    assert.equal(after.summary.accounts, before.summary.accounts);
    assert.equal(after.summary.units, before.summary.units);
    assert.deepEqual(after.summary.findings, before.summary.findings);
    assert.deepEqual(after.rows.map((r) => r.uri), before.rows.map((r) => r.uri));
    assert.ok(after.rows.every((r) => r.learner !== ''), 'no nameless row');
    assert.equal(after.summary.templates, 3);
    assert.deepEqual(after.templates.map((t) => t.uri), Object.keys(TEMPLATES).sort());
    assert.deepEqual(after.templates[0].reasons, ['no learner id in the front matter', 'no writing yet']);
    assert.ok(summaryLines(after).some((l) => l.startsWith('3 more accounts are not counted')));
    const md = renderMarkdown(after);
    assert.match(md, /## Not counted yet[\s\S]*learner-b\/old-snippet\.md: template placeholders in the front matter; no writing yet/);
    // Filtering keeps them listed apart, never in the rows.
    const f = filterReport(after, all, 'L-101', { now: NOW });
    assert.ok(f.rows.length > 0 && f.rows.every((r) => r.learner === 'L-101'));
    assert.equal(f.templates.length, 3);
  });

  it('leaves their claims out of coverage and the criteria gaps', () => {
    const catalog = new CriteriaCatalog();
    const before = computeCoverage(real, catalog);
    const after = computeCoverage(all, catalog);
    assert.deepEqual(after.counts, before.counts, 'the uncovered count does not move');
    assert.deepEqual(after.learners, before.learners);
    assert.deepEqual(after.templates.map((t) => t.uri), Object.keys(TEMPLATES).sort());
    assert.deepEqual(coverageByLearner(all, catalog).map((r) => r.learner), before.learners);
    assert.match(coverageMarkdown(after), /## Not counted yet/);
    const gaps = buildReport(all, { now: NOW, gaps: gapsFromCatalog(catalog) }).summary.gaps;
    assert.deepEqual(gaps, buildReport(real, { now: NOW, gaps: gapsFromCatalog(catalog) }).summary.gaps);
  });

  it('never samples them, and says how many were left out', () => {
    for (let seed = 0; seed < 30; seed++) {
      const s = sampleAccounts(all, 4, seed);
      assert.ok(s.picks.every((p) => !(p.uri in TEMPLATES)), `seed ${seed}`);
      assert.deepEqual([s.learners.total, s.learners.covered], [4, 4], `seed ${seed}`);
      assert.equal(s.templates, 3);
      assert.deepEqual(s.picks.map((p) => p.uri), sampleAccounts(real, 4, seed).picks.map((p) => p.uri), 'the same sample as without them');
    }
    const { report } = sampleReport(all, 4, 'x', { now: NOW });
    assert.match(summaryLines(report)[0], /3 accounts still templates were left out of the pool\./);
  });
});
