import * as assert from 'node:assert/strict';
import { analyze, getFrameworks } from '../../src/analysis';
import { countSectionHeadings, frontMatterOf } from '../../src/core/detect';
import { accountTemplate, fileNameFor } from '../../src/extension/templates';
import snippets from '../../snippets/markdown.json';

describe('extension: new-account template', () => {
  for (const id of getFrameworks().keys()) {
    it(`gives a ${id} account every section, in order, and the front matter asked for`, () => {
      const text = accountTemplate({ title: 'Late delivery: a van broke down', framework: id, unit: 'CS3-SP', criteria: ['1.1', '2.10'], date: '2026-03-12' });
      const { account, findings } = analyze(text, { now: new Date('2026-04-01') });
      assert.equal(account.framework.id, id);
      assert.deepEqual(account.sections.map((s) => s.id), account.framework.sections.map((s) => s.id));
      assert.equal(account.frontMatter?.problems.length, 0);
      assert.equal(account.frontMatter?.fields.title, 'Late delivery: a van broke down');
      assert.equal(account.frontMatter?.fields.unit, 'CS3-SP');
      assert.deepEqual(account.frontMatter?.fields.criteria, ['1.1', '2.10']);
      assert.equal(account.frontMatter?.fields.status, 'draft');
      // The prompts are comments: the learner has written nothing yet.
      assert.equal(account.words, 0);
      assert.ok(!findings.some((f) => f.ruleId === 'missing-section'));
    });
  }

  it('keeps CRLF when asked', () => {
    const text = accountTemplate({ title: 'T', framework: 'star', criteria: [], date: '2026-03-12' }, '\r\n');
    assert.ok(!/[^\r]\n/.test(text));
  });

  it('makes a safe file name', () => {
    assert.equal(fileNameFor('Resolving a late delivery — Café order!'), 'resolving-a-late-delivery-cafe-order.md');
    assert.equal(fileNameFor('???'), 'reflective-account.md');
    assert.ok(fileNameFor('x'.repeat(200)).length <= 63);
  });
});

describe('extension: which Markdown files are accounts', () => {
  it('reads front matter only when the file starts with it', () => {
    assert.equal(frontMatterOf('---\nunit: CS3-SP\n---\n# T'), 'unit: CS3-SP\n');
    assert.equal(frontMatterOf('# T\n---\nunit: x\n---\n'), undefined);
    assert.equal(frontMatterOf('---\nunit: x\n'), undefined);
  });

  it('counts distinct framework sections named by headings or bold labels', () => {
    assert.equal(countSectionHeadings('# Team notes\n\n## Installation\n\n## Usage\n', 'starr'), 0);
    assert.equal(countSectionHeadings('## Situation\n\ntext\n\n## What I did\n\ntext\n', 'starr'), 2);
    assert.equal(countSectionHeadings('**Situation:** text\n\n**Result:** text\n', 'starr'), 2);
    assert.equal(countSectionHeadings('## Situation\n\n## Situation\n', 'starr'), 1);
    // The front matter's framework decides which headings count.
    assert.equal(countSectionHeadings('---\nframework: carl\n---\n## Context\n\n## Learning\n', 'starr'), 2);
  });
});

describe('extension: snippets (scripts/snippets.mjs)', () => {
  const all = Object.entries(snippets as Record<string, { prefix: string[]; body: string[] }>);
  for (const id of getFrameworks().keys()) {
    it(`has a whole ${id} account with every section`, () => {
      const skeleton = all.find(([, s]) => s.prefix[0] === id && s.body.includes(`framework: ${id}`));
      assert.ok(skeleton, `no snippet for ${id}: run node scripts/snippets.mjs`);
      const body = skeleton[1].body.join('\n');
      // Expand tab stops to their defaults, as the editor would.
      const text = body.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\}|\$0/g, 'Title').replace(/\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/, '2026-03-12');
      const { account } = analyze(text);
      assert.equal(account.framework.id, id);
      assert.deepEqual(account.sections.map((s) => s.id), account.framework.sections.map((s) => s.id));
      assert.equal(account.frontMatter?.problems.length, 0);
    });
  }
  it('offers every framework in the front-matter snippet', () => {
    const framework = all.find(([name]) => name === 'STARR front matter')![1].body.find((l) => l.startsWith('framework: '));
    assert.equal(framework, `framework: \${6|${[...getFrameworks().keys()].join(',')}|}`);
  });
});
