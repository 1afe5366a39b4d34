import assert from 'node:assert/strict';
import { analyze, applyEdits, resolveConfig, ruleById } from '../../src/analysis';

const NOW = new Date('2026-06-01T12:00:00Z');
const check = (text: string, ids?: string[]) =>
  analyze(text, { now: NOW, config: resolveConfig({}), rules: ids?.map((id) => ruleById.get(id)!) });

describe('findings merged and grouped after the rules run', () => {
  it('two rules on the same words give one finding: the more specific kept, carrying the other\'s advice', () => {
    // "As a team we" is vague (generic-language); "we always" tells a habit (hypothetical-language): they share "we".
    const t = '## Action\n\nLast Monday a customer rang about a refund. As a team we always check the order first, so I checked it and I refunded the £12 delivery charge.\n';
    const alone = check(t, ['generic-language']).findings.filter((f) => f.ruleId === 'generic-language');
    assert.ok(alone.some((f) => t.slice(f.span.start, f.span.end) === 'As a team we'), 'generic-language flags "As a team we" on its own');
    const { findings } = check(t, ['generic-language', 'hypothetical-language']);
    const here = findings.filter((f) => f.span.start < t.indexOf('we always') + 9 && t.indexOf('As a team') < f.span.end);
    assert.equal(here.length, 1, here.map((f) => f.ruleId).join());
    assert.equal(here[0].ruleId, 'hypothetical-language');
    assert.match(here[0].message, /^"we always" in your Action describes what usually happens.* Also: "As a team we" is vague \(a generic team claim\)\. Say who did what/);
    assert.deepEqual((here[0].data?.merged as { ruleId: string }[]).map((m) => m.ruleId), ['generic-language']);
  });

  it('repeats of one finding in a section become one, with the other places related', () => {
    const t = '## Action\n\nI would check the order. Then I would call the depot, and I would ring her back.\n\n## Result\n\nI would say it worked.\n';
    const f = check(t, ['hypothetical-language']).findings;
    assert.equal(f.length, 2, 'one for the Action, one for the Result');
    assert.equal(f[0].message.startsWith('"I would" 3 times in your Action. Each one describes what would happen, not what you did.'), true, f[0].message);
    assert.deepEqual(f[0].related!.map((r) => t.slice(r.span.start, r.span.end)), ['I would', 'I would']);
    assert.deepEqual((f[0].data?.occurrences as { start: number }[]).map((s) => s.start), [t.indexOf('I would'), t.indexOf('I would call'), t.indexOf('I would ring')]);
    assert.match(f[1].message, /^"I would" in your Result/);
  });

  it('keeps every place\'s fix: one preferred fix for all of them, and each place\'s own', () => {
    const t = '## Situation\n\nMrs Ada Wong rang on Monday. I checked Mrs Ada Wong\'s order and called Mrs Ada Wong back.\n';
    const r = check(t, ['personal-data']);
    assert.equal(r.findings.length, 1);
    const [f] = r.findings;
    assert.match(f.message, /^"Mrs Ada Wong" 3 times in your Situation\. Each time it looks like a real person's full name/);
    assert.equal(f.fixes![0].preferred, true);
    assert.equal(f.fixes![0].edits.length, 3);
    assert.ok(f.fixes!.slice(1).every((x) => !x.preferred && / \(line 3\)$/.test(x.title)));
    // What `starr check --fix` applies, the preferred fix: every place anonymised at once.
    const fixed = applyEdits(t, f.fixes!.find((x) => x.preferred)!.edits);
    assert.equal(fixed.includes('Ada Wong'), false, fixed);
    // Each place can still be fixed on its own from the editor.
    const one = applyEdits(t, f.fixes![1].edits);
    assert.equal(one.split('Ada Wong').length - 1, 2);
  });

  it('a directive can still silence one place of a repeat', () => {
    const t = '## Action\n\nI would check the order.\n<!-- starr-disable-next-line hypothetical-language -->\nThen I would call the depot.\n';
    const f = check(t, ['hypothetical-language']).findings;
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^"I would" in your Action/);
  });

  it('does not merge personal data into anything, nor group across sections', () => {
    const t = '## Situation\n\nMrs Ada Wong was happy.\n\n## Action\n\nMrs Ada Wong rang again.\n';
    const f = check(t, ['personal-data']).findings;
    assert.equal(f.length, 2);
  });
});
