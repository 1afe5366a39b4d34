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

  it('reads the parts from the writing and gives one gentle note, pointing at where each part starts', () => {
    const f = run('unstructured-account', pasted);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'info');
    assert.match(f[0].message, /^I've read this as Situation, Task, Action, Result and Reflection/);
    const guesses = f[0].related!.map((r) => [r.message, at(pasted, { ...f[0], span: r.span }).slice(0, 12)]);
    assert.deepEqual(guesses, [
      ['This reads like the start of your Situation', 'In April I w'],
      ['This reads like the start of your Task', 'My task was '],
      ['This reads like the start of your Action', 'I called the'],
      ['This reads like the start of your Result', 'As a result '],
      ['This reads like the start of your Reflection', 'I learned th'],
    ]);
    // The other checks run on the parts it read: nothing is missing here.
    assert.equal(run('missing-section', pasted).length, 0);
  });

  it('is an error, with the headings to add, when the writing is too short to read part by part', () => {
    const t = 'A customer rang about a parcel.\n';
    const f = run('unstructured-account', t);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /no section headings/);
    const fixed = fix(t, f[0]);
    assert.ok(fixed.startsWith('## Situation\n\nA customer rang'));
    assert.equal(analyze(fixed).account.sections.length, 5);
  });

  it('in a one-paragraph account, its fix starts a new block at each part, between the sentences', () => {
    const t = 'I work on the returns desk at a furniture shop in Leeds. My task was to get the right sofa delivered within five days. I called the warehouse and booked a collection with the courier. As a result the sofa arrived two days later and she rated the call 5 out of 5.\n';
    const fixed = fix(t, run('unstructured-account', t)[0]);
    assert.match(fixed, /^## Situation\n\nI work on the returns desk at a furniture shop in Leeds\.\n\n## Task\n\nMy task was/);
    assert.match(fixed, /five days\.\n\n## Action\n\nI called the warehouse/);
    const a = analyze(fixed, { now: NOW });
    assert.deepEqual(a.account.sections.map((s) => `${s.id}${s.inferred ? '*' : ''}`), ['situation', 'task', 'action', 'result', 'reflection']);
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
