import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SUBJECTS, subjects } from '../../src/rules/collective-voice';
import { eachMatch } from '../../src/rules/util/text';
import { at, run, full } from './helpers';
import { rangeIn } from '../ranges';

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

  it('reports an Action with "we" and no "I" at all; leaves the passive to third-person-account', () => {
    const [f] = run('collective-voice', full({ Action: `We processed the refund and we checked ${filler} twice on the day.` }));
    assert.match(f.message, /says "we" or "the team" twice and "I" not at all/);
    assert.deepEqual(f.data, { section: 'action', i: 0, we: 2, ratio: 0 });
    assert.equal(run('collective-voice', full({ Action: `The refund was processed and ${filler} was checked twice by someone on the day.` })).length, 0);
  });

  it('does not count "I always" or "I would" as the writer\'s part, and lets a fair share of "we" pass', () => {
    const habits = full({ Action: `We reorganised the tables and we put volunteers on the door. We rang round for ${filler}. I always treat people with respect. I helped on the door.` });
    assert.deepEqual(run('collective-voice', habits)[0]?.data, { section: 'action', i: 1, we: 3, ratio: 0.33 });
    const fair = full({ Action: `First I sat with the coordinator and we went through ${filler}. We found 37 duplicates. I set up the module and I wrote a guide. We texted every parent.` });
    assert.equal(run('collective-voice', fair).length, 0);
  });

  it('reads an inferred Action when there are no headings, and the whole account when it has no Action', () => {
    const story = `Last Friday the scanners went down. We moved the queue to the manual desk and we wrote ${filler} by hand, and the team rang the customers. We got through everyone by seven.`;
    const [inferred] = run('collective-voice', story);
    assert.equal(inferred.data?.section, 'action');
    assert.match(inferred.message, /^What reads as your Action \(no heading\) says "we" or "the team" 4 times and "I" not at all/);
    // A headed Situation alone leaves no Action to read: everything that tells what happened is counted.
    const t = `## Situation\n\n${story}\n`;
    const [f] = run('collective-voice', t);
    assert.equal(at(t, f), 'We');
    assert.equal(f.data?.section, null);
    assert.match(f.message, /^Your account says "we" or "the team" 4 times and "I" not at all/);
  });

  it('does not take "the team member" for the team', () => {
    const t = full({ Action: `I asked the team member to check ${filler}. The team member called back. I agreed the price with the team member and I told the supervisor.` });
    assert.equal(run('collective-voice', t).length, 0);
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

describe('collective-voice: "I" counted apart from the collective subjects', () => {
  it('finds what the one SUBJECTS regex finds, over any range', () => {
    const pieces = ['I', 'I’m', "I'd", 'It', 'IT', 'Ié', 'I😀', 'I\ud835\udc9c', '_I', 'xI', 'éI', '7I', 'I7', 'I_', 'we', 'We', 'WE', 'were', 'the team', 'The  team', 'our\nbusiness', 'my staff', 'the teams', 'organization', 'the organisation', ' ', '.', ',', '\n', 'é', 'a'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const { start, end } = rangeIn(text, a, b);
        let i = 0;
        let we = 0;
        const spans: string[] = [];
        eachMatch(SUBJECTS, text, start, end, (m) => {
          if (m[1]) i++;
          else {
            we++;
            if (spans.length < 3) spans.push(`${m.index}-${m.index + m[0].length}`);
          }
        });
        const got = subjects(text, start, end, 3);
        const ctx = JSON.stringify({ text, start, end });
        assert.deepEqual([got.i, got.we, got.collective.map((s) => `${s.start}-${s.end}`)], [i, we, spans], ctx);
      }),
      { numRuns: 5000 },
    );
  });
});
