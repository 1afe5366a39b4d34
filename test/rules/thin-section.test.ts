import assert from 'node:assert/strict';
import { run, words, full } from './helpers';

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

describe('thin-section messages and repeats', () => {
  it('says a section with no words is empty, and counts one word as "word"', () => {
    const [empty] = run('thin-section', full({ Task: '', Action: words(130) }));
    assert.match(empty.message, /^The Task section is empty\. .* Aim for at least 40 words\.$/);
    assert.equal(empty.severity, 'warning');
    assert.deepEqual(empty.data, { section: 'task', words: 0, min: 40 });
    const [one] = run('thin-section', full({ Task: 'Fix.' }));
    assert.match(one.message, /^The Task section has 1 word; aim for at least 40\./);
  });

  it('treats the empty sections of a fresh template as guidance (information) until any section has words', () => {
    const fresh = run('thin-section', full({ Task: '', Action: '' }));
    assert.deepEqual(fresh.map((f) => f.severity), ['info', 'info']);
    assert.match(fresh[0].message, /^Write your Task here\. .* Aim for at least 40 words\.$/);
    assert.deepEqual(run('thin-section', full({ Task: '', Action: '' }), { rules: { 'thin-section': 'hint' } }).map((f) => f.severity), ['hint', 'hint']);
    assert.deepEqual(run('thin-section', full({ Task: '', Action: 'I rang.' })).map((f) => f.severity), ['warning', 'warning']);
  });

  it('reports a repeated section once, at the first, counting the words of both', () => {
    const t = full({ Task: words(25), Action: words(130), 'Task ': words(25) });
    const f = run('thin-section', t);
    assert.deepEqual(f, []);
    const thin = run('thin-section', full({ Task: words(10), Action: words(130), 'Task ': words(10) }));
    assert.deepEqual(thin.map((x) => [x.start.line, x.data?.words]), [[0, 20]]);
  });
});

describe('thin-section on sections read from the writing', () => {
  it('says the section has no heading, so the learner knows where the words were counted', () => {
    const t = [
      'I work as a customer adviser at a furniture shop in Leeds. Last April a customer rang because her sofa had arrived in the wrong size and she was upset.',
      'My task was to get the right sofa to her within our five-day exchange standard.',
      `I checked the order, I rang the warehouse and then I booked a collection with the courier. ${words(120)}`,
      'As a result the sofa arrived two days later, and she rated the call 5 out of 5.',
      'Looking back, I learned that checking the order line first saves time. Next time I will check the size on the first call.',
    ].join('\n\n');
    const task = run('thin-section', t).find((f) => f.data?.section === 'task');
    assert.ok(task, 'the inferred Task is reported');
    assert.match(task.message, /^What reads as your Task \(no heading\) has 15 words; aim for at least 40\. /);
  });
});
