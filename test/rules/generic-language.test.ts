import assert from 'node:assert/strict';
import { resolveConfig, type Finding, type Span } from '../../src/core';
import { CATEGORY_LABELS, genericLexicon } from '../../src/rules/generic-language';
import { firstKeysOf } from '../../src/core/fast-paths';
import { at, crlf, run } from './helpers';

describe('generic-language', () => {
  it('quotes the phrase, gives its suggestion, and spans it exactly', () => {
    const t = '## Action\n\nI dealt with the complaint.\n';
    const [f] = run('generic-language', t);
    assert.equal(at(t, f), 'dealt with');
    assert.equal(f.message, '"dealt with" is vague (a catch-all verb). Say exactly what you did — "I refunded", "I escalated to", "I rebooked".');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.data, { phrase: 'dealt with', text: 'dealt with', category: 'catch-all', suggestion: 'Say exactly what you did — "I refunded", "I escalated to", "I rebooked".' });
  });

  it('matches across emphasis, line breaks and CRLF, ignoring case; prefers the longest phrase', () => {
    const t = crlf('## Action\n\nWe gave **Good** customer\nservice and went above and beyond, etc.\n');
    const f = run('generic-language', t);
    assert.deepEqual(f.map((x) => at(t, x)), ['Good** customer\r\nservice', 'went above and beyond', 'etc.']);
  });

  it('matches whole words only', () => {
    assert.equal(run('generic-language', 'She sorted outside the office; the cetc. and asapx codes; thingsalways.').length, 0);
  });

  it('never matches code, HTML comments, tutor CriticMarkup, headings or quoted customer words', () => {
    const t = [
      '## Dealt with it',
      '',
      'Code `dealt with` here. <!-- dealt with --> {>>dealt with<<} {++as usual++}',
      '',
      '```',
      'good customer service',
      '```',
      '',
      'She wrote: "Great service, thank you" and “excellent service”.',
    ].join('\n');
    assert.deepEqual(run('generic-language', t), []);
  });

  it('leaves an outcome claim in a Result to missing-outcome-measure when that rule reports it, unless it is off', () => {
    const t = '## Situation\n\nThe customer was happy before.\n\n## Result\n\nThe customer was happy.\n';
    assert.equal(run('generic-language', t).length, 1);
    assert.equal(run('generic-language', t, { rules: { 'missing-outcome-measure': 'off' } }).length, 2);
  });

  it('reports the claims in a Result that missing-outcome-measure does not, and none with evidence beside them', () => {
    const t = '## Result\n\nShe was much happier. My manager was pleased. The customer was happy. She rated the call 5/5 and was happy.\n';
    assert.deepEqual(run('generic-language', t).map((x) => at(t, x)), ['She was much happier', 'My manager was pleased']);
    assert.deepEqual(run('missing-outcome-measure', t).map((x) => at(t, x)), ['The customer was happy']);
  });

  it('phrases.add extends the list and phrases.remove trims it, patterns included', () => {
    const t = 'We catch up daily and I dealt with it, going forward. I deal with it.\n';
    const f = run('generic-language', t, { phrases: { add: ['catch up', { phrase: 'daily', suggestion: 'Say which days.' }, { phrase: 'Dealt  with', suggestion: 'Name the step.' }], remove: ['going forward'] } });
    assert.deepEqual(f.map((x) => at(t, x)), ['catch up', 'daily', 'dealt with', 'deal with']);
    assert.match(f[0].message, /Replace it with what you actually did/);
    assert.match(f[1].message, /Say which days\./);
    // An added phrase the bundled list already covers keeps its category and takes the new suggestion.
    assert.equal(f[2].message, '"dealt with" is vague (a catch-all verb). Name the step.');
    assert.match(f[3].message, /Say exactly what you did/);
    // Removing a phrase drops the whole entry that reports it.
    assert.deepEqual(run('generic-language', t, { phrases: { remove: ['dealt with'] } }).map((x) => at(t, x)), ['going forward']);
  });

  it('leaves habit words to hypothetical-language and quantities alone', () => {
    assert.deepEqual(run('generic-language', 'I always check, as usual, with everyone. A lot of customers rang.'), []);
  });

  it('skips an empathy or communication act when its specifics follow at once', () => {
    const vague = ['I reassured her.', 'I showed empathy and apologised.', 'I reassured him that it would be fixed.', 'I kept her updated.', 'I communicated effectively.'];
    for (const t of vague) assert.equal(run('generic-language', t).length, 1, t);
    const specific = [
      'I reassured her by explaining that the refund would reach her card within three working days.',
      'I reassured her that the engineer would come on Friday.',
      'I showed empathy: I said I was sorry the present had not arrived.',
      'I kept her updated by email each morning.',
      'I kept her updated every two hours.',
    ];
    for (const t of specific) assert.deepEqual(run('generic-language', t), [], t);
  });

  it('flags a satisfaction claim with no evidence, not one with a figure or quoted words beside it', () => {
    assert.deepEqual(run('generic-language', 'She was really happy with the outcome.').map((f) => f.data?.category), ['claim']);
    assert.deepEqual(run('generic-language', 'She was happy: she rated the call 5/5.'), []);
    assert.deepEqual(run('generic-language', 'He was happy and wrote "thank you, all sorted".'), []);
    assert.deepEqual(run('generic-language', 'She was happy to wait until Friday.'), []);
    assert.deepEqual(run('generic-language', 'I rang to make sure she was ok after the fall.'), []);
  });

  it('flags self-assessment, team claims, fillers and buzzwords, each with its category in the message', () => {
    const t = 'I am a good communicator. We all worked together. It was basically fine, etc. Going forward I will follow best practice.';
    const f = run('generic-language', t);
    assert.deepEqual(f.map((x) => [at(t, x), x.data?.category]), [
      ['I am a good communicator', 'self'],
      ['We all worked together', 'team'],
      ['basically', 'filler'],
      ['etc.', 'filler'],
      ['Going forward', 'buzzword'],
      ['best practice', 'buzzword'],
    ]);
    assert.match(f[0].message, /^"I am a good communicator" is vague \(self-assessment\)\. /);
  });

  // Each family: the vague wording in several forms is flagged with its category; the same act told with its
  // specifics, or said by someone else, or stated as an aim, is not.
  const families: { category: string; vague: string[]; specific: string[] }[] = [
    {
      category: 'service',
      vague: ['I went out of my way to help her.', 'I will keep giving 100% to every member.', 'I wanted them to have a positive experience.', 'I gave a high level of service.', 'I gave her a really friendly and helpful service.'],
      specific: ['I went out of my way to ring the other branch before it closed.', 'I rang the Quality Service team.', 'Overall it was a good experience for me.'],
    },
    {
      category: 'catch-all',
      vague: ['I took care of it with my supervisor.', 'I took the necessary steps.', 'I liaised with the relevant people.', 'I followed procedure and rang the office.', 'I escalated where appropriate.', 'I kept on top of it.', 'I did what I could.', 'I helped out wherever I could.', 'I fixed the problem for him.', 'I tried my hardest.', 'I just cracked on.', 'I got stuck in on the tills.', 'I made sure everything was taken care of.', 'I made it my priority.', 'I addressed the issue with him.', 'I managed her expectations.', 'I acted promptly.', 'I documented everything.', 'I updated the care plan accordingly.', 'I referred it where necessary.', 'I went through the options with him.', 'I gave him all the information he needed.', 'I tried to turn the situation around.'],
      specific: [
        'I took care of it by refunding the £12 delivery charge.',
        'I did the necessary checks: ID, address and the last payment.',
        'I followed the procedure for lost cards.',
        'My task was to follow company policy.',
        'I offered a voucher in line with our policy, such as a £20 voucher.',
        'I fixed the problem by resetting her router.',
        'I kept on top of it by checking the tracker at 9am and 3pm.',
        'I went through the options: a refund, a repair or a new kettle by Friday.',
        'I acted promptly by bleeping the doctor within five minutes.',
        'I wrote it all in the duty log with his booking reference.',
        'I will always try to resolve it myself before getting a manager.',
      ],
    },
    {
      category: 'communication',
      vague: ['I listened to his concerns.', 'I put myself in her shoes.', 'I was really understanding with him.', 'I built a good rapport with her.', 'I supported him.', 'I made sure he was ok.', 'I treated her with dignity and respect.', 'I kept my cool.', 'I de-escalated the situation.', 'I used positive language.', 'My communication was really good.', 'I empathised with his situation.', 'I acknowledged her frustration.', 'I took her concerns on board.', 'I assured her I would look into it.', 'I listened to both sides of the story.', 'I showed them respect.', 'I apologised sincerely.', 'I stayed calm and composed.', 'I used a soothing tone of voice.', 'I explained it in a sensitive way.', 'I made her aware of the risks.', 'I kept the patient and his wife informed.', 'I respected her choice.', 'I built good relationships with the families.'],
      specific: [
        'I listened to her concerns: she had taken the day off and nobody came.',
        'I was patient: I let him finish, then read his order number back.',
        'I closed the curtains to maintain her dignity.',
        'I rang the next day to make sure he was ok.',
        'I used open questions such as "what would put this right for you?"',
        'I de-escalated the situation by offering a callback at 4pm.',
        'She said I was very patient.',
        'I acknowledged her frustration by saying I would be cross too after three calls.',
        'I made her aware of the risks: builders who want cash up front are a common scam.',
        'I stayed calm and said I would ring the depot while he waited.',
        'I kept the patient and his wife informed by ringing after each ward round.',
      ],
    },
    {
      category: 'claim',
      vague: ['Looking back, he was over the moon.', 'In the end it all worked out.', 'It had a really positive impact on the store.', 'I got a good survey.', 'Looking back, the issue was resolved.', 'He thanked me loads.', 'She went off really happy.', 'It was resolved to her satisfaction.', 'They got on much better after that.', 'The team morale is much better now.', 'Everything has been fine since.', 'It went really well in the end.', 'The case was closed successfully.'],
      specific: ['It all worked out: the parcel arrived on the 14th.', 'My manager said it was a success.', 'He said he could claim once the fault was fixed.', 'It had a big impact: complaints fell from 14 to 5.', 'Our complaint numbers went up sharply after the hours were cut.', 'He thanked me for my help and rated the call 9/10.', 'I asked whether everything was fine.'],
    },
    {
      category: 'self',
      vague: ["I'm a fast learner.", "I'm very good at staying calm.", 'I can think on my feet.', 'I always lead by example.', 'I used my initiative.', 'This showed my skills as a manager.', 'I am good at reading people.', 'I have good de-escalation skills.', 'I can handle difficult conversations.', 'I get on with everyone.', 'I think I did really well.', 'I handled it really well.', 'I did the right thing.'],
      specific: ['I used my initiative and rang the depot myself.', 'My manager says I am a fast learner.', 'My manager said I handled it really well.', 'My manager said I am good at reading people.'],
    },
    {
      category: 'team',
      vague: ['We worked collaboratively to find solutions.', 'We all mucked in.', 'Everyone played their part.', 'The team were brilliant.', 'We all rallied round.', 'We got through it together.', 'I did my bit.', 'Everyone bought into it.', 'We brainstormed ideas together.', 'We were all really patient with customers.', 'We had an open and honest conversation.', 'I worked closely with the MDT.', 'It showed good partnership working.'],
      specific: ['I worked with the warehouse to find the parcel.', 'Priya and I worked in partnership with the council.', 'I worked closely with the ward sister to plan his discharge for Friday.'],
    },
    {
      category: 'learning',
      vague: ['It taught me a lot.', 'I have learned a lot about customer service.', 'I will keep developing my skills.', 'I learned the importance of good communication.', 'Communication between carers is really important.', 'It was a valuable lesson.', 'I have improved my communication skills a lot.', 'I have grown in confidence.', 'I feel much more confident now.', 'I want to develop as a practitioner.', 'I will take this forward in my role.', 'I will keep building on this.', 'I will keep up to date with my training.', 'I need to work on my time management.', 'It was an eye-opening experience.', 'It was a steep learning curve.', 'I will be more vigilant.', 'I will put the customer first.', 'It is important to be person centred.'],
      specific: ['I learned a lot about how the meter readings are estimated.', 'I learned that the surgery has a separate line for pharmacies.', 'I felt more confident once I had read the notes.', 'I will improve my product knowledge by reading the range guide each Monday.', 'I will be more vigilant by checking each cup label.'],
    },
    {
      category: 'filler',
      vague: ['I did a few other bits and bobs.', 'It was dietary stuff.', 'It was pretty much done.'],
      specific: ['We counted the small stuff like lip balms.', 'We got stuff delivered.'],
    },
    {
      category: 'buzzword',
      vague: ['We streamlined the returns process.', 'We wanted to improve the customer journey.', 'I touched base with sales.', 'I provided person-centred care.', 'We needed to get buy-in.', 'We got the team engaged.', 'I wanted to improve the customer experience.', 'We agreed a new way of working.'],
      specific: ['I work at Streamline Broadband.', 'Person-centred care means fitting support around her routine.', 'I read her person-centred care plan.', 'I rang the customer experience team.'],
    },
  ];
  for (const { category, vague, specific } of families) {
    it(`flags vague ${category} wording in its usual forms, not the concrete version`, () => {
      for (const t of vague) assert.deepEqual(run('generic-language', t).map((f) => f.data?.category), [category], t);
      for (const t of specific) assert.deepEqual(run('generic-language', t).map((f) => at(t, f)), [], t);
    });
  }

  // Families written as a grammar over word classes (data/lexicons/generic-language.yaml, classes:): any person
  // the account names, any feeling, a telling verb with a vague object, a manner named instead of shown. Each
  // wording is flagged once with its category; told with its specifics, reported, or stated as an aim, it is not.
  const grammar: Record<string, string[]> = {
    claim: ['The vendor was really pleased with everything.', 'Mr Shah was very happy with them.', 'He was so relieved and grateful.', 'She really appreciated the support.', 'She went away feeling much more positive.', 'The call ended positively.', 'We got some lovely messages.'],
    communication: [
      'I made sure to keep him in the loop the whole time.',
      'I kept everyone updated at every stage.',
      'Everyone was kept informed.',
      'I updated them on the situation.',
      'I explained this to her as clearly as I could.',
      'I explained it in a clear and honest way.',
      'We talked them through the rebooking process.',
      'Everyone got the support they needed.',
      'I listened to him properly.',
      'I visited him and was very supportive.',
      'I spoke to the staff about it.',
      'I reassured the vendor.',
      'It is important to put yourself in the customers shoes.',
    ],
    'catch-all': ['I gave her some advice on budgeting.', 'I pointed him in the right direction.', 'I signposted her to the relevant services.', 'I wanted to make things right for him.', 'We found a compromise that worked for everyone.', 'I worked hard to find a buyer.', 'I made some changes to the rota.', 'I got the metering team involved.', 'I tried to keep his spirits up.', 'I assisted her with her query.'],
    self: ['I think this call went really well.', 'I feel I was fair to both sides.', 'I handled a difficult situation really well.', 'This call showed my strengths as a claims handler.', 'I showed great resilience.'],
    learning: ['Next time I would like to take more of a lead.', 'I want to be more involved in the planning.', 'I also learnt a lot about myself.', 'I have learnt how to deal with difficult customers.'],
    team: ['Teamwork really does make a difference.'],
  };
  const told = [
    'The vendor was happy to wait until Friday.',
    'She was relieved when the engineer arrived.',
    'He said he was grateful.',
    'My task was to keep the customer informed.',
    "I kept him updated about the engineer's visit on Thursday.",
    'I explained the options: a refund, a repair or a new kettle by Friday.',
    'I explained the policy to her.',
    'My task was to explain the rules.',
    'Explaining her situation clearly to the scheduler was what made the difference.',
    'I walked him through the form line by line.',
    'I listened carefully and wrote down the three dates she gave me.',
    'I got the support of my manager to change the start times.',
    'I gave her the number of the deposit team.',
    'I used my knowledge of the booking system to find a free room.',
    'I got the metering team involved and they sent an engineer.',
    'I made some changes to the rota: Sam now starts at 8.30.',
    'My manager said I handled a difficult call really well.',
    'She said I worked really hard.',
    'I think the rota change worked well because waiting fell from nine minutes to four.',
    'The customer calmed down and was very understanding about the delay.',
    'I spoke to him about it and he agreed to move the van.',
    'I learned how to deal with difficult customers by shadowing Priya.',
    'Keeping him on side mattered more.',
  ];
  it('flags the families written as grammar in wordings no list holds, not the same acts told with their specifics', () => {
    for (const [category, texts] of Object.entries(grammar)) for (const t of texts) assert.deepEqual(run('generic-language', t).map((f) => f.data?.category), [category], t);
    for (const t of told) assert.deepEqual(run('generic-language', t).map((f) => at(t, f)), [], t);
  });

  it('every bundled entry has a category the message can name, and a suggestion', () => {
    for (const e of genericLexicon(resolveConfig().phrases).entries) {
      assert.ok(e.category && e.category in CATEGORY_LABELS, `${e.phrase ?? e.pattern}: category ${e.category}`);
      assert.ok(e.suggestion && e.suggestion.length > 10, `${e.phrase ?? e.pattern}: suggestion`);
    }
  });

  it('every bundled pattern says which letters it can start with, so the list keeps its word-start fast path', () => {
    const slow = genericLexicon(resolveConfig().phrases).entries.filter((e) => e.pattern && !firstKeysOf(e.pattern, 'iy'));
    assert.deepEqual(slow.map((e) => e.pattern), []);
  });

  it('never reports a phrase on the allow list, nor a finding that overlaps one', () => {
    const t = '## Action\n\nI dealt with it and showed empathy. I dealt  WITH the refund.\n';
    // Both "dealt with"s are one finding (repeats in a section are grouped), with each place kept.
    const places = (fs: Finding[]) => fs.flatMap((x) => ((x.data?.occurrences as Span[] | undefined) ?? [x.span]).map((s) => t.slice(s.start, s.end)));
    assert.deepEqual(places(run('generic-language', t)), ['dealt with', 'dealt  WITH', 'showed empathy']);
    assert.deepEqual(places(run('generic-language', t, { allow: ['dealt with'] })), ['showed empathy']);
    assert.deepEqual(places(run('generic-language', t, { allow: ['empathy'] })), ['dealt with', 'dealt  WITH']);
    // Whole words only: "dealt" alone allows nothing of "dealt with"'s neighbours it does not touch.
    assert.deepEqual(places(run('generic-language', t, { allow: ['deal'] })), ['dealt with', 'dealt  WITH', 'showed empathy']);
  });

  it('compiles one regex per phrase setting and reuses it', () => {
    const a = resolveConfig({ phrases: { add: ['touch base'] } });
    const b = resolveConfig({ phrases: { add: ['touch base'] } });
    assert.equal(genericLexicon(a.phrases), genericLexicon(b.phrases));
    assert.notEqual(genericLexicon(a.phrases), genericLexicon(resolveConfig().phrases));
    assert.ok(genericLexicon(resolveConfig().phrases).entries.length >= 60);
  });
});

describe('generic-language: the phrase list from configuration', () => {
  // The compiled list is cached by content; a phrase no account contains, new in every run, makes each run
  // build its own list, so these tests check the building and not the cache.
  let n = 0;
  const fresh = () => `qqzx${Date.now()}n${n++}`;
  const t = '## Action\n\nI dealt with it and squared it away, then squared it away again.\n';
  const phrases = (add: (string | { phrase: string; suggestion?: string })[], remove: string[] = []) => ({ phrases: { add: [...add, fresh()], remove: [...remove, fresh()] } });

  it('removes a bundled phrase however it is written', () => {
    assert.deepEqual(run('generic-language', t).map((x) => at(t, x)), ['dealt with']);
    assert.deepEqual(run('generic-language', t, phrases([], ['Dealt  With'])), []);
  });

  it('an added phrase that is already listed keeps its suggestion unless it brings its own', () => {
    const [kept] = run('generic-language', t, phrases(['dealt with']));
    assert.match(kept.message, /^"dealt with" is vague.*Say exactly what you did — "I refunded", "I escalated to", "I rebooked"\.$/);
    const [own] = run('generic-language', t, phrases([{ phrase: 'Dealt with', suggestion: 'Name the step.' }]));
    assert.match(own.message, /^"dealt with" is vague.*Name the step\.$/);
  });

  it('a new phrase without a suggestion gets the general one; a phrase both added and removed is not listed', () => {
    const f = run('generic-language', t, phrases(['Squared It Away']));
    assert.deepEqual(f.map((x) => at(t, x)), ['dealt with', 'squared it away']);
    assert.match(f[1].message, /^"squared it away" 2 times in your Action\. Each time it is vague\. Replace it with what you actually did, saw or measured\.$/);
    assert.deepEqual(run('generic-language', t, phrases(['squared it away'], ['squared it away'])).map((x) => at(t, x)), ['dealt with']);
  });

  it('a claim in a Result is reported here from its first word to its last when missing-outcome-measure is off', () => {
    const r = '## Result\n\nThe customer was happy.\n';
    assert.deepEqual(run('generic-language', r).length, 0);
    assert.deepEqual(run('generic-language', r, { rules: { 'missing-outcome-measure': 'off' } }).map((x) => at(r, x)), ['The customer was happy']);
  });

  it('flags the newer families (each, then the same told with its specifics or as something else)', () => {
    const vague: [string, string][] = [
      ['He calmed down and was happy in the end.', 'happy'],
      ['Students are generally very happy with the service.', 'happy'],
      ['She left the store happy.', 'left the store happy'],
      ['They left with a positive impression of the hotel.', 'left with a positive impression'],
      ['Customer satisfaction was achieved.', 'Customer satisfaction was achieved'],
      ['Her dignity was maintained throughout.', 'dignity was maintained'],
      ['The feedback from the parents was really positive.', 'feedback from the parents was really positive'],
      ['He went on the wall with his friends and had a great time.', 'great time'],
      ['I communicated with him effectively.', 'communicated with him effectively'],
      ['I always go that extra mile for my customers.', 'go that extra mile'],
      ['I sorted the problem out for her.', 'sorted the problem out'],
      ['I calmed the situation down.', 'calmed the situation down'],
      ['I put the customer at ease.', 'put the customer at ease'],
      ['I showed her that I understood.', 'showed her that I understood'],
      ['Next time I will try to keep customers updated even more.', 'keep customers updated even more'],
      ['My task was to deal with her and make sure she left happy.', 'make sure she left happy'],
    ];
    for (const [t, phrase] of vague) assert.deepEqual(run('generic-language', t).map((f) => at(t, f)).filter((x) => x === phrase), [phrase], t);
    const specific = [
      'Customer satisfaction was achieved by offering a £20 voucher, which she accepted.',
      'Her dignity was maintained by closing the curtains before I began.',
      'The feedback from the parents was really positive: 14 of 16 rated it 5 out of 5.',
      'They had a great time and said "we will be back next year".',
      'I calmed the situation down by moving him to the quiet room.',
      'I put the customer at ease by sitting beside her and reading the form with her.',
      'I explained everything clearly to the customer: the refund, the repair and the replacement.',
      'I communicated with the ward team by phone at each handover.',
      'Next time I will keep customers updated by ringing them every two hours.',
    ];
    for (const t of specific) assert.deepEqual(run('generic-language', t).map((f) => at(t, f)), [], t);
  });

  it('leaves alone the title, questions put to the writer, and stated aims of an act', () => {
    const notStatements = [
      'Unit 201 – Dealing with a difficult customer\n\nI refunded the £40 the same day.',
      'Q: Give an example of when you dealt with conflict in a team.\n\nI moved the rota meeting to Monday.',
      'How did you deal with it?',
      'My task was to calm the customer down and find out what had gone wrong.',
      'Our job was to keep customers informed.',
      'I worked as a team member on the tills.',
      'I learnt about dealing with complaints on the course.',
    ];
    for (const t of notStatements) assert.deepEqual(run('generic-language', t).map((f) => at(t, f)), [], t);
    // The same words as the writer's own account are still reported.
    const t = 'Unit 201\n\nI dealt with a difficult customer. I calmed the customer down. I kept customers informed.';
    assert.deepEqual(run('generic-language', t).map((f) => at(t, f)), ['dealt with', 'I calmed the customer down', 'kept customers informed']);
  });

  it('leaves alone someone else\'s words reported, but not the writer\'s own', () => {
    const reported = ['The manager said we did a great job.', 'My supervisor told me the customer was really happy.'];
    for (const t of reported) assert.deepEqual(run('generic-language', t).map((f) => at(t, f)), [], t);
    const own = 'I said we did a great job. The customer was really happy.';
    assert.deepEqual(run('generic-language', own).map((f) => at(own, f)), ['we did a great job', 'The customer was really happy']);
  });
});
