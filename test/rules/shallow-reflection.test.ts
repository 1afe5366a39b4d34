import assert from 'node:assert/strict';
import { at, run } from './helpers';

describe('shallow-reflection', () => {
  it('says which of the three is missing, at the reflective heading', () => {
    const t = '## Reflection\n\nIt went well because I had the figures ready.\n';
    const [f] = run('shallow-reflection', t);
    assert.equal(at(t, f), '## Reflection');
    assert.deepEqual(f.data, { section: 'reflection', missing: ['learning', 'next-time'] });
    assert.equal(f.message, 'Your Reflection does not yet say what you learned or what you will do differently next time. To make it reflective, say what you learned ("I learned that…", "I now understand…") and name one concrete change ("Next time I will…").');
  });

  it('names all three when the reflection only retells feelings', () => {
    const [f] = run('shallow-reflection', '## Reflection\n\nI enjoyed it and the team were great.\n');
    assert.deepEqual(f.data?.missing, ['evaluation', 'learning', 'next-time']);
  });

  it('is satisfied by evaluation, learning and a next-time change, in any wording of the lexicon', () => {
    const t = '## What I learned\n\nOn reflection the call-back was effective. It taught me to check first. From now on I check the log.\n';
    assert.equal(run('shallow-reflection', t).length, 0);
  });

  it('takes Gibbs reflective sections together, and reports at the last one', () => {
    const t = [
      '---', 'framework: gibbs', '---',
      '## Evaluation', '', 'The call went well.',
      '## Conclusion', '', 'I realised the log was wrong.',
      '## Action plan', '', 'Write it down.',
    ].join('\n');
    const [f] = run('shallow-reflection', t);
    assert.equal(at(t, f), '## Action plan');
    assert.deepEqual(f.data?.missing, ['next-time']);
    assert.match(f.message, /^Your reflection does not yet say what you will do differently next time/);
  });

  it('ignores cues in comments and tutor feedback, and skips an empty reflection', () => {
    assert.deepEqual(run('shallow-reflection', '## Reflection\n\nIt was fine. <!-- next time --> {>>I learned<<}\n')[0].data?.missing, ['evaluation', 'learning', 'next-time']);
    assert.equal(run('shallow-reflection', '## Reflection\n\n').length, 0);
  });
});
