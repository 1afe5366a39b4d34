import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analysis/analyze';
import { CriteriaCatalog } from '../../src/core/criteria';
import unknownCriterion from '../../src/rules/unknown-criterion';
import { docExamples, unmatched } from '../rules/doc-examples';

const catalog = new CriteriaCatalog();
const run = (text: string, withSets = true) => analyze(text, { rules: [unknownCriterion], criteria: withSets ? catalog : undefined, now: new Date('2026-11-01') }).findings;

describe('unknown-criterion', () => {
  it('has docs examples, and each gives the findings it marks, where it marks them', () => {
    const ex = docExamples(readFileSync(join(process.cwd(), 'docs/rules/unknown-criterion.md'), 'utf8'));
    assert.ok(ex.some((e) => e.kind === 'good') && ex.some((e) => e.kind === 'bad'));
    for (const e of ex) {
      const { missing, extra } = unmatched(e.markers, run(e.text));
      assert.deepEqual([missing, extra.map((f) => f.message)], [[], []], e.text);
    }
  });

  it('points at the unknown id, in front matter and inline', () => {
    const text = '---\nunit: CS3-SP\ncriteria: [2.3, 4.1]\n---\n## Action\n\nI agreed a plan (AC 2.7).\n';
    const f = run(text);
    assert.deepEqual(f.map((x) => text.slice(x.span.start, x.span.end)), ['4.1', '2.7']);
    assert.equal(f[0].ruleId, 'unknown-criterion');
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].message, /not a criterion of unit CS3-SP \(it has 1\.1 to 3\.3\)/);
    assert.match(f[1].message, /in the text/);
    assert.deepEqual(f[0].start, { line: 2, column: 16 });
  });

  it('reports an unknown unit once, on the unit field, with a fix for a near miss', () => {
    const text = '---\nunit: CS3SP\ncriteria: [2.3, 9.9]\n---\nI did it (AC 8.8).\n';
    const f = run(text);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].span.start, f[0].span.end), 'CS3SP');
    assert.match(f[0].message, /Did you mean CS3-SP\?/);
    assert.equal(f[0].fixes?.[0].edits[0].newText, 'CS3-SP');
    const far = run(text.replace('CS3SP', 'RETAIL-9'));
    assert.match(far[0].message, /Units I know: CS3-CHAIN, CS3-MON, CS3-ORG, CS3-SP, CS4-SP/);
    assert.equal(far[0].fixes, undefined);
  });

  it('accepts a unit named by its title', () => {
    assert.equal(run('---\nunit: Organise and deliver customer service\ncriteria: [3.3]\n---\nText.\n').length, 0);
  });

  it('checks against every unit when the account names none', () => {
    const f = run('---\ncriteria: [4.3, 7.1]\n---\nText.\n');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /7\.1 .*not in any unit/);
  });

  it('is silent without criteria sets', () => {
    assert.equal(run('---\nunit: NOPE\ncriteria: [9.9]\n---\nText (AC 9.9).\n', false).length, 0);
  });
});
