import assert from 'node:assert/strict';
import { at, run, full } from './helpers';

const filler = 'the rota for the busy weeks before the holiday period at the contact centre';

describe('collective-voice', () => {
  it('reports the I:we ratio at the Action heading, with the first few "we"s as related information', () => {
    const t = full({ Action: `We checked ${filler}. The team moved two people. Our team called the courier. We agreed it. I helped.` });
    const [f] = run('collective-voice', t);
    assert.equal(at(t, f), '## Action');
    assert.deepEqual(f.data, { section: 'action', i: 1, we: 4, ratio: 0.25 });
    assert.match(f.message, /says "we" or "the team" 4 times but "I" only once\. Tell what YOU did/);
    assert.deepEqual(f.related!.map((r) => t.slice(r.span.start, r.span.end)), ['We', 'The team', 'Our team']);
  });

  it('reports an Action with no "I" at all, even in the passive', () => {
    const [f] = run('collective-voice', full({ Action: `The refund was processed and ${filler} was checked twice by someone on the day.` }));
    assert.match(f.message, /never says "I"/);
    assert.deepEqual(f.data, { section: 'action', i: 0, we: 0, ratio: null });
  });

  it('is content when "I" leads, and skips short Actions', () => {
    assert.equal(run('collective-voice', full({ Action: `I checked ${filler}. We agreed it and I called the courier.` })).length, 0);
    assert.equal(run('collective-voice', full({ Action: 'We called.' })).length, 0);
    assert.equal(run('collective-voice', full({ Action: 'We called them about it all.' }), { rules: { 'collective-voice': { minWords: 3 } } }).length, 1);
  });

  it('counts "I" only as a word ("I\'m", not "In" or "i")', () => {
    const t = full({ Action: `In ${filler} we moved people; i think we did. I'm sure we did, and I did.` });
    const [f] = run('collective-voice', t);
    assert.deepEqual(f.data, { section: 'action', i: 2, we: 3, ratio: 0.67 });
  });
});
