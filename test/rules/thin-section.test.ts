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
