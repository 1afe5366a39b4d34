import assert from 'node:assert/strict';
import { analyze } from '../../src/analysis';
import { at, fix, NOW, run } from './helpers';

describe('unstructured-account', () => {
  const pasted = [
    'In April I was working on the returns desk when a customer rang about a sofa that had arrived in the wrong size.',
    'My task was to get the right sofa delivered before her family visit. I needed to meet our five-day exchange standard.',
    'I called the warehouse, I checked the order, I booked a collection with the courier and I emailed the customer a new date.',
    'As a result the right sofa arrived three days later and complaints fell by 20% that month.',
    'I learned that checking the order line first saves time. Next time I will check the size on the first call.',
  ].join('\n\n') + '\n';

  it('gives one error instead of one per section, and points at paragraphs that read like a part', () => {
    const f = run('unstructured-account', pasted);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /no section headings/);
    const guesses = f[0].related!.map((r) => [r.message, at(pasted, { ...f[0], span: r.span }).slice(0, 12)]);
    assert.deepEqual(guesses, [
      ['This paragraph reads like your Situation', 'In April I w'],
      ['This paragraph reads like your Task', 'My task was '],
      ['This paragraph reads like your Action', 'I called the'],
      ['This paragraph reads like your Result', 'As a result '],
      ['This paragraph reads like your Reflection', 'I learned th'],
    ]);
  });

  it('its fix inserts the headings where the text suggests, and the result is fully structured', () => {
    const fixed = fix(pasted, run('unstructured-account', pasted)[0]);
    const a = analyze(fixed, { now: NOW });
    assert.deepEqual(a.account.sections.map((s) => s.id), ['situation', 'task', 'action', 'result', 'reflection']);
    assert.equal(a.findings.filter((x) => x.ruleId === 'missing-section' || x.ruleId === 'section-order').length, 0);
    // The learner's words are all still there, in order.
    assert.equal(a.account.words, analyze(pasted).account.words);
  });

  it('appends headings it could not place, with prompts', () => {
    const t = 'A customer rang about a late parcel and was upset about it.\n';
    const fixed = fix(t, run('unstructured-account', t)[0]);
    assert.ok(fixed.startsWith('## Situation\n\nA customer rang'));
    assert.match(fixed, /## Reflection\n\n<!-- What went well/);
    assert.equal(analyze(fixed).account.sections.length, 5);
  });

  it('reports an empty account (or one with only front matter) with a skeleton fix', () => {
    for (const t of ['', '---\ntitle: x\n---\n']) {
      const f = run('unstructured-account', t);
      assert.equal(f.length, 1);
      assert.match(f[0].message, /no writing yet/);
      const fixed = fix(t, f[0]);
      assert.equal(analyze(fixed).account.sections.length, 5);
    }
  });

  it('does not fire when there are headings or labels', () => {
    assert.equal(run('unstructured-account', '**Situation:** a customer rang.\n').length, 0);
  });
});

describe('unstructured-account with CRLF and a BOM', () => {
  it('inserts headings with the document\'s own line breaks', () => {
    const t = '\ufeffA customer rang about a late parcel.\r\n\r\nI learned to check first. Next time I will ask.\r\n';
    const fixed = fix(t, run('unstructured-account', t)[0]);
    assert.ok(fixed.startsWith('\ufeff## Situation\r\n\r\nA customer'));
    assert.ok(!/[^\r]\n/.test(fixed), 'every line break is CRLF');
    assert.deepEqual(analyze(fixed).account.sections.map((s) => s.id), ['situation', 'task', 'action', 'result', 'reflection']);
  });
});
