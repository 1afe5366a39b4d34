import assert from 'node:assert/strict';
import { at, run } from './helpers';

describe('shallow-reflection', () => {
  it('names what a shallow reflection has and what it lacks, at the reflective heading', () => {
    const t = '## Reflection\n\nI learned that communication is important. Next time I will communicate better.\n';
    const [f] = run('shallow-reflection', t);
    assert.equal(at(t, f), '## Reflection');
    assert.deepEqual(f.data, { section: 'reflection', depth: 'shallow', moves: ['learning', 'intention'], missing: ['evaluation', 'change'] });
    assert.match(f.message, /^Your Reflection says what was learned and states an intention, but does not yet judge why things went as they did or name a concrete change in your practice\. To deepen it, /);
  });

  it('reports a reflection that only retells events and feelings as descriptive', () => {
    const [f] = run('shallow-reflection', '## Reflection\n\nIt went well. The customer was happy and so was I.\n');
    assert.equal(f.data?.depth, 'descriptive');
    assert.deepEqual(f.data?.moves, []);
    assert.match(f.message, /^Your Reflection retells what happened or how it felt, but does not yet judge why/);
  });

  it('does not ask for "I learned" when the reflection judges why and names changes already made', () => {
    const t = [
      '## Reflection', '',
      'The recovery worked because I agreed the plan in writing first, so nobody could forget what we had promised.',
      'If I did it again I would ring the depot before the customer, not after.',
      'I have since added a depot call to our missed-delivery checklist, and I now review the missed-delivery log every week instead of waiting for complaints.',
    ].join('\n');
    assert.equal(run('shallow-reflection', t).length, 0);
  });

  it('asks only for the concrete change when the reasons are there', () => {
    const [f] = run('shallow-reflection', '## Reflection\n\nThe call-back worked because I had the figures ready. In future I will try to be more organised.\n');
    assert.deepEqual(f.data?.missing, ['change']);
    assert.equal(f.data?.depth, 'shallow');
  });

  it('takes Gibbs reflective sections together, and reports at the last one', () => {
    const t = [
      '---', 'framework: gibbs', '---',
      '## Evaluation', '', 'The second visit worked because I went back with tea and time.',
      '## Conclusion', '', 'I realised the care plan had the answer all along.',
      '## Action plan', '', 'Be more careful.',
    ].join('\n');
    const [f] = run('shallow-reflection', t);
    assert.equal(at(t, f), '## Action plan');
    assert.deepEqual(f.data?.missing, ['change']);
    assert.match(f.message, /^Your reflection judges why things went as they did and says what was learned, but does not yet name a concrete change/);
    // The change, in another of the stages, makes the whole reflection deep.
    assert.equal(run('shallow-reflection', t.replace('Be more careful.', 'I now read the life history before each first visit.')).length, 0);
  });

  it('ignores cues in comments and tutor feedback, form questions, and skips an empty reflection', () => {
    assert.equal(run('shallow-reflection', '## Reflection\n\nIt was fine. <!-- worked because I now check --> {>>I learned<<}\n')[0].data?.depth, 'descriptive');
    assert.equal(run('shallow-reflection', '## Reflection\n\nWhat would you do next time? I would do the same again.\n')[0].data?.depth, 'descriptive');
    assert.equal(run('shallow-reflection', '## Reflection\n\n').length, 0);
  });
});
