import assert from 'node:assert/strict';
import { at, run, words, full } from './helpers';

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

describe('section-balance on sections read from the writing', () => {
  it('names an inferred section as such', () => {
    const t = [
      `I work as a customer adviser at a furniture shop in Leeds. Last April a customer rang because her sofa had arrived in the wrong size. ${words(150)}`,
      'My task was to get the right sofa to her within our five-day exchange standard.',
      'I checked the order, I rang the warehouse and then I booked a collection with the courier.',
      'As a result the sofa arrived two days later, and she rated the call 5 out of 5.',
    ].join('\n\n');
    const f = run('section-balance', t);
    assert.equal(f.length, 2, f.map((x) => x.message).join('\n'));
    assert.match(f[0].message, /^What reads as your Situation \(no heading\) takes \d+% of your words/);
    assert.match(f[1].message, /^What reads as your Result \(no heading\), 18 words, is longer than what reads as your Action \(no heading\), 17 words\. /);
  });
});
