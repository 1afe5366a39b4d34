// Regression tests for crashes found by the robustness tests, each fixed in the core.
import assert from 'node:assert/strict';
import { tests as specExamples } from 'commonmark-spec';
import type { Content, Heading, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { analyze, parseConfig } from '../../src/analysis';
import { nodeText } from '../../src/core/model';
import { parseMarkdown } from '../../src/core/parse';
import { assertInvariants } from '../fixtures/invariants';

describe('robustness: regressions', () => {
  it('a YAML alias bomb in front matter is a front-matter error, not a crash', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const k of 'bcdefghi') bomb.push(`${k}: &${k} [${Array(9).fill(`*${String.fromCharCode(k.charCodeAt(0) - 1)}`).join(', ')}]`);
    const text = `---\n${bomb.join('\n')}\n---\n## Situation\n\nI rang the depot.\n`;
    const r = analyze(text, { now: new Date('2026-11-22') });
    assertInvariants(text, r);
    const ids = r.findings.map((f) => f.ruleId).join(', ');
    assert.ok(r.findings.some((f) => f.ruleId === 'front-matter' && f.severity === 'error' && /alias/i.test(f.message)), ids);
    assert.ok(r.account.sectionById.has('situation'));
    const c = parseConfig(`${bomb.join('\n')}\nframework: starr\n`);
    assert.equal(c.config, undefined);
    assert.match(c.problems[0]?.message ?? '', /alias/i);
  });

  it('heading text is read without recursion, so very deep nesting cannot overflow the stack', () => {
    // Building such a tree through the parser takes micromark minutes (its emphasis matching is quadratic), so build it directly.
    let node: Content = { type: 'text', value: 'Situation' };
    for (let i = 0; i < 200_000; i++) node = { type: i % 2 ? 'strong' : 'emphasis', children: [node] } as Content;
    const heading: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: 'S – ' }, node as PhrasingContent, { type: 'inlineCode', value: 'x' }, { type: 'image', url: 'u', alt: '!' }] };
    assert.equal(nodeText(heading), 'S – Situationx!');
    // And it agrees with mdast-util-to-string on every heading of the CommonMark examples.
    for (const ex of specExamples) {
      for (const n of parseMarkdown(ex.markdown).children) if (n.type === 'heading' || n.type === 'paragraph') assert.equal(nodeText(n), toString(n), `example ${ex.number}`);
    }
  });
  it('front matter with lone CR line endings (old Mac) is read like LF', () => {
    const lf = '---\ntitle: Late parcels\nunit: CS3-SP\nlearner: L-014\ndate: 2026-03-04\ncriteria: [1.1, 2.3]\n---\n## Situation\n\nI rang the depot.\n';
    const cr = lf.replace(/\n/g, '\r');
    const a = analyze(lf, { now: new Date('2026-11-22') });
    const b = analyze(cr, { now: new Date('2026-11-22') });
    assertInvariants(cr, b);
    assert.deepEqual(b.account.frontMatter?.problems, []);
    assert.deepEqual(b.account.frontMatter?.fields, a.account.frontMatter?.fields);
    assert.deepEqual(b.account.frontMatter?.fieldSpans, a.account.frontMatter?.fieldSpans);
    assert.equal(cr.slice(b.account.frontMatter!.fieldSpans.unit.start, b.account.frontMatter!.fieldSpans.unit.end), 'CS3-SP');
    assert.deepEqual(b.account.criteria.map((c) => [c.id, c.span]), a.account.criteria.map((c) => [c.id, c.span]));
  });
});

