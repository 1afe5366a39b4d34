// Regression tests for crashes found by the robustness tests, each fixed in the core.
import assert from 'node:assert/strict';
import { analyze, parseConfig } from '../../src/core';
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
});

