import assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { at, crlf, fix, NOW, run, words } from './helpers';

const full = (parts: Record<string, string>) =>
  Object.entries(parts)
    .map(([h, body]) => `## ${h}\n\n${body}\n`)
    .join('\n');

describe('missing-section', () => {
  const text = full({ Situation: 'A courier missed its SLA.', Action: 'I called the depot.', Reflection: 'Next time I will check.' });

  it('reports each missing section at the heading it should come before, as an error', () => {
    const f = run('missing-section', text);
    assert.deepEqual(f.map((x) => x.data?.section), ['task', 'result']);
    assert.ok(f.every((x) => x.severity === 'error'));
    assert.equal(at(text, f[0]), '## Action');
    assert.match(f[0].message, /The Task section is missing\. Add a "Task" heading before Action/);
  });

  it('its fix inserts the heading with a prompt in framework order', () => {
    const f = run('missing-section', text);
    const fixed = fix(text, f[0]);
    assert.ok(fixed.includes('## Task\n\n<!-- What did you personally need to achieve'));
    assert.deepEqual(analyze(fixed).account.sections.map((s) => s.id), ['situation', 'task', 'action', 'reflection']);
  });

  it('keeps CRLF line breaks in its fix', () => {
    const t = crlf(text);
    const fixed = fix(t, run('missing-section', t)[1]);
    assert.ok(!/[^\r]\n/.test(fixed), 'every line break is CRLF');
    assert.ok(analyze(fixed).account.sectionById.has('result'));
  });

  it('stays quiet for an unstructured account (unstructured-account reports it once)', () => {
    assert.equal(run('missing-section', 'Just some text about a customer.').length, 0);
  });
});

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

describe('section-order', () => {
  const text = full({ Situation: 'A.', Action: 'I called.', Task: 'I had to.', Result: 'It rose 5%.', Reflection: 'Next time.' });

  it('names the section and where it belongs, with related information', () => {
    const f = run('section-order', text);
    assert.equal(f.length, 1);
    assert.equal(at(text, f[0]), '## Task');
    assert.match(f[0].message, /The Task section is out of order: it should come before Action\. STARR reads Situation, Task, Action, Result and Reflection/);
    assert.deepEqual(f[0].data, { section: 'task', before: 'action' });
    assert.equal(at(text, { ...f[0], span: f[0].related![0].span }), '## Action');
  });

  it('its fix moves the section and keeps every word', () => {
    for (const t of [text, crlf(text), full({ Reflection: 'Next time.', Situation: 'A.', Task: 'I had to.' }).trimEnd()]) {
      const fixed = fix(t, run('section-order', t)[0]);
      assert.equal(run('section-order', fixed).length, 0, fixed);
      assert.equal(analyze(fixed).account.words, analyze(t).account.words);
    }
  });
});

describe('duplicate-section', () => {
  it('points at the first section and merges adjacent repeats', () => {
    const t = full({ Result: 'It rose 5%.', Outcome: 'Complaints fell.' });
    const f = run('duplicate-section', t);
    assert.equal(f.length, 1);
    assert.equal(at(t, f[0]), '## Outcome');
    assert.match(f[0].message, /already a Result section \(line 1\)/);
    assert.equal(at(t, { ...f[0], span: f[0].related![0].span }), '## Result');
    const merged = fix(t, f[0]);
    assert.equal(run('duplicate-section', merged).length, 0);
    assert.ok(merged.includes('Complaints fell.'));
  });

  it('offers no merge when the repeat is elsewhere', () => {
    const f = run('duplicate-section', full({ Action: 'a', Result: 'b', Actions: 'c' }));
    assert.equal(f.length, 1);
    assert.equal(f[0].fixes, undefined);
  });
});

describe('thin-section', () => {
  const text = full({ Task: 'I had to fix it.', Action: words(130) });

  it('names the section, its words, the minimum and what to add', () => {
    const f = run('thin-section', text);
    assert.equal(f.length, 1);
    assert.equal(f[0].message, 'The Task section has 5 words; aim for at least 40. Say what you personally had to achieve, and the standard it had to meet (an SLA, a KPI, a deadline, a policy).');
    assert.deepEqual(f[0].data, { section: 'task', words: 5, min: 40 });
  });

  it('takes minimums from config (0 turns a section off)', () => {
    assert.equal(run('thin-section', text, { sections: { task: { minWords: 0 } } }).length, 0);
    const f = run('thin-section', text, { sections: { action: { minWords: 200 } } });
    assert.deepEqual(f.map((x) => x.data?.section), ['task', 'action']);
  });

  it('does not count code, comments or tutor comments', () => {
    const t = '## Task\n\n<!-- lots of words here that do not count at all -->\n\n```\ncode code code\n```\n\nI had to {>>tutor words do not count<<} fix it.\n';
    assert.equal(run('thin-section', t)[0].data?.words, 5);
  });
});

describe('section-balance', () => {
  it('reports a Result that outweighs the Action, at the Action', () => {
    const t = full({ Situation: words(20), Action: words(60), Result: words(100) });
    const f = run('section-balance', t);
    assert.equal(f.length, 1);
    assert.equal(at(t, f[0]), '## Action');
    assert.match(f[0].message, /Your Result \(100 words\) is longer than your Action \(60 words\)/);
    assert.equal(f[0].related!.length, 1);
  });

  it('reports a dominant Situation once, and skips tiny accounts', () => {
    const t = full({ Situation: words(100), Action: words(90), Result: words(20) });
    const f = run('section-balance', t);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /The Situation takes 48% of your words \(100 of 210, more than your Action \(90\)\)/);
    assert.equal(run('section-balance', full({ Situation: words(50), Action: words(10) })).length, 0);
  });

  it('honours maxContextShare', () => {
    const t = full({ Situation: words(60), Action: words(100), Result: words(40) });
    assert.equal(run('section-balance', t).length, 0);
    assert.equal(run('section-balance', t, { rules: { 'section-balance': { maxContextShare: 0.25 } } }).length, 1);
  });
});

describe('word-count', () => {
  it('uses word_target ±10% and reports at the field', () => {
    const t = `---\nword_target: 100\n---\n## Situation\n\n${words(60)}\n`;
    const f = run('word-count', t);
    assert.equal(f.length, 1);
    assert.equal(at(t, f[0]), '100');
    assert.match(f[0].message, /This account has 60 words; the target is 100 \(90–110\)/);
    assert.deepEqual(f[0].data, { words: 60, min: 90, max: 110, target: 100 });
    assert.equal(run('word-count', t.replace('100', '65')).length, 0);
  });

  it('falls back to words.min/max from config, and the tolerance option', () => {
    const t = `## Situation\n\n${words(1300)}\n`;
    const f = run('word-count', t, { words: { min: 400, max: 1200 } });
    assert.match(f[0].message, /1,300 words; the range is 400–1,200\. Trim it/);
    assert.equal(run('word-count', t).length, 0);
    const target = `---\nword_target: 1000\n---\n${t}`;
    assert.equal(run('word-count', target).length, 1);
    assert.equal(run('word-count', target, { rules: { 'word-count': { tolerance: 0.5 } } }).length, 0);
  });
});
