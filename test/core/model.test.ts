import assert from 'node:assert/strict';
import { analyze, defaultConfig, resolveConfig, parseConfig } from '../../src/analysis';

const account = `---
title: Late deliveries
unit: CS301
learner: L-014
criteria: [1.1, 2.3]
date: 2026-03-04
---
# Late deliveries

## S – Situation

In March a courier partner missed its next-day SLA for 14 orders (AC 1.2).

### Background

More detail here.

## 2. Task:

I had to restore the SLA.

**The action I took:** I called the depot manager.

## Outcome

On-time delivery rose to 97%.

## What I learned

Next time I will agree an escalation route.
`;

describe('account model', () => {
  it('finds sections by tolerant headings and bold labels, in order', () => {
    const { account: a } = analyze(account);
    assert.deepEqual(a.sections.map((s) => s.id), ['situation', 'task', 'action', 'result', 'reflection']);
    assert.equal(a.structure, 'mixed');
    const sit = a.sectionById.get('situation')!;
    assert.equal(a.text.slice(sit.heading.span.start, sit.heading.span.end), '## S – Situation');
    // The sub-heading "Background" stays inside Situation.
    assert.ok(a.text.slice(sit.body.start, sit.body.end).includes('More detail here.'));
    assert.equal(a.sectionById.get('action')!.heading.style, 'label');
    assert.equal(a.text.slice(a.sectionById.get('action')!.body.start).trimStart().slice(0, 8), 'I called');
  });

  it('counts words in the body only, skipping headings and front matter', () => {
    const { account: a } = analyze(account);
    assert.equal(a.sectionById.get('task')!.words, 6);
    assert.equal(a.sectionById.get('result')!.words, 5);
  });

  it('reads front matter fields and criteria with positions', () => {
    const { account: a } = analyze(account);
    assert.equal(a.frontMatter!.fields.unit, 'CS301');
    assert.deepEqual(a.criteria.map((c) => [c.id, c.source, c.sectionId]), [['1.1', 'front-matter', undefined], ['2.3', 'front-matter', undefined], ['1.2', 'inline', 'situation']]);
    for (const c of a.criteria) assert.equal(a.text.slice(c.span.start, c.span.end), c.id);
  });

  it('reports a YAML error at its line and still analyses the body', () => {
    const { account: a } = analyze('---\ntitle: [oops\n---\n## Situation\n\nText.\n');
    assert.ok(a.frontMatter!.problems.length > 0);
    assert.equal(a.sections[0].id, 'situation');
  });

  it('keeps offsets exact with a byte-order mark and CRLF', () => {
    const text = '\uFEFF---\r\nunit: X\r\n---\r\n## Result\r\n\r\nAll good AC 3.1.\r\n';
    const { account: a } = analyze(text);
    const r = a.sectionById.get('result')!;
    assert.equal(text.slice(r.heading.span.start, r.heading.span.end), '## Result');
    const c = a.criteria.find((x) => x.source === 'inline')!;
    assert.equal(text.slice(c.span.start, c.span.end), '3.1');
    assert.deepEqual(a.positionAt(c.span.start), { line: 5, column: 12 });
  });

  it('blanks CriticMarkup comments out of the prose', () => {
    const { account: a } = analyze('## Result\n\nIt went {>>[tutor:AB open] which KPI?<<} well {==here==}{>>say more<<}.\n');
    assert.equal(a.sectionById.get('result')!.words, 4);
    assert.equal(a.critic.length, 2);
    assert.equal(a.critic[0].author, 'tutor:AB');
  });

  it('takes no section from a heading or label inside a feedback mark that runs over several lines', () => {
    const t = '## Situation\n\nI was on the desk.\n\n## Action\n\nI rang the depot {>>[tutor:AB open] why\n## Reflection\n**Result:** this<<} done.\n';
    const { account: a } = analyze(t);
    assert.deepEqual(a.sections.map((s) => s.id), ['situation', 'action']);
    assert.equal(a.sectionById.get('action')!.span.end, t.length);
  });
});

describe('missing-section', () => {
  it('names the missing section and offers an insert fix in framework order', () => {
    const text = '## Situation\n\nA.\n\n## Action\n\nB.\n\n## Result\n\nC.\n\n## Reflection\n\nD.\n';
    const { findings } = analyze(text);
    const f = findings.filter((x) => x.ruleId === 'missing-section');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /Task section is missing/);
    assert.equal(f[0].severity, 'error');
    assert.equal(f[0].start.line, 2, 'the end of the Situation, where the Task belongs');
    assert.ok(f[0].fixes![0].edits[0].newText.startsWith('## Task\n'));
  });

  it('is configurable and can be disabled inline', () => {
    const text = '<!-- starr-disable missing-section -->\n## Situation\n\nA.\n';
    assert.equal(analyze(text).findings.filter((x) => x.ruleId === 'missing-section').length, 0);
    const cfg = resolveConfig(parseConfig('rules:\n  missing-section: warning\n').config);
    assert.ok(analyze('## Situation\n\nA.\n', { config: cfg }).findings.every((f) => f.severity === 'warning'));
    assert.equal(defaultConfig().framework, 'starr');
  });
});

describe('config', () => {
  it('gives exact positions for invalid settings', () => {
    const r = parseConfig('framework: starr\nrules:\n  missing-section: loud\n');
    assert.deepEqual(r.config, { framework: 'starr', rules: {} }, 'the wrong value is left out, the rest is kept');
    assert.equal(r.problems[0].line, 3);
  });
});
