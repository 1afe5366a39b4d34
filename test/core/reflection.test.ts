import assert from 'node:assert/strict';
import { buildAccountFor, reflectionDepth, resolveConfig } from '../../src/analysis';
import { sentenceMoves } from '../../src/core/reflection';

const depthOf = (text: string, framework?: string) => reflectionDepth(buildAccountFor(text, resolveConfig(framework ? { framework } : undefined)));
const moves = (s: string) => [...sentenceMoves(s)].sort();

describe('reflectionDepth', () => {
  it('grades the four levels of the labelling guide', () => {
    assert.deepEqual(depthOf('## Situation\n\nA parcel went missing.\n'), { depth: 'none', moves: [], missing: ['evaluation', 'change'] });
    assert.equal(depthOf('## Reflection\n\nIt went well. The customer was happy and so was I.\n').depth, 'descriptive');
    assert.equal(depthOf('## Reflection\n\nI learned that communication is important. Next time I will communicate better.\n').depth, 'shallow');
    assert.deepEqual(depthOf('## Reflection\n\nRinging first worked because she heard the date from me, not a letter. I now ring every customer whose repair slips, before the letter goes out.\n'), {
      depth: 'deep', moves: ['evaluation', 'change'], missing: [],
    });
  });

  it('finds evaluation with reasons, not a feeling explained', () => {
    assert.deepEqual(moves('Showing the photos made the difference, because they could see the room.'), ['evaluation', 'perspective']);
    assert.deepEqual(moves('Being honest about the system is what calmed her down.'), ['evaluation']);
    assert.deepEqual(moves('I was nervous because it was new, but my supervisor helped me.'), []);
    assert.deepEqual(moves('It went well.'), []);
    assert.deepEqual(moves('Giving her a clear timescale helped, as she stopped chasing.'), ['evaluation']);
    assert.deepEqual(moves('What made the biggest difference was ringing before the letter went.'), ['evaluation']);
  });

  it('tells a counterfactual with its consequence (a reason) from a bare "I should have"', () => {
    assert.deepEqual(moves('If I had waited for good news, we would have had more complaints.'), ['counterfactual', 'evaluation']);
    assert.deepEqual(moves('I should have checked the list.'), ['counterfactual']);
  });

  it('tells a concrete change from a generic intention and from learning', () => {
    assert.deepEqual(moves('I have since added a step to the checklist.'), ['change']);
    assert.deepEqual(moves('I now review the log every week instead of waiting for complaints.'), ['change']);
    assert.deepEqual(moves('Next time I will ring the depot before 10am.'), ['change']);
    assert.deepEqual(moves('Next time I will try to be more organised.'), ['intention']);
    assert.deepEqual(moves('From now on I give every customer a call-back time.'), ['change']);
    assert.deepEqual(moves('I will always try to help every customer.'), ['intention']);
    assert.deepEqual(moves('In future I will keep this in mind.'), ['intention']);
    assert.deepEqual(moves('I now understand why the letters failed.'), ['learning']);
    assert.deepEqual(moves('If it happened again I would do the same thing.'), []);
  });

  it('finds a cause named, a wrong assumption owned and what worked, as evaluation', () => {
    assert.deepEqual(moves('The mistake came from a change of date being keyed in as a new instruction.'), ['evaluation']);
    assert.deepEqual(moves('The delay was mainly caused by the depot closing early.'), ['evaluation']);
    assert.deepEqual(moves('Reading each line out showed the real cause.'), ['evaluation']);
    assert.deepEqual(moves('I had assumed the landlord\'s figure was the starting point.'), ['evaluation']);
    assert.deepEqual(moves('What worked was ringing the surgery myself.'), ['evaluation']);
    assert.deepEqual(moves('Asking who was most urgent was fairer than first come, first served, because one man had a flight.'), ['evaluation']);
    assert.deepEqual(moves('I was tempted to type for him, but he would have been stuck the next day.'), ['counterfactual', 'evaluation']);
    // A comparison with no reason, and "the cause" in passing, are not enough.
    assert.deepEqual(moves('The new form was better than the old one.'), []);
    assert.deepEqual(moves('There were more calls than usual.'), []);
  });

  it('counts a change made by the team or kept since, and not carrying on or denying any other course', () => {
    assert.deepEqual(moves('We have since registered three more this way.'), ['change']);
    assert.deepEqual(moves('The procedure has since been used once, in March.'), ['change']);
    assert.deepEqual(moves('This has been on every wedding pack since October.'), ['change']);
    assert.deepEqual(moves('I will continue to provide a high level of service.'), ['intention']);
    assert.deepEqual(moves('In future I will keep doing the same.'), []);
    assert.deepEqual(moves("I don't think I could have done anything differently."), []);
    assert.deepEqual(moves('I could not have done anything more.'), []);
  });

  it('sees another person\'s point of view and a lesson put as a general rule', () => {
    assert.deepEqual(moves("From the customer's point of view the second promise had no owner."), ['perspective']);
    assert.deepEqual(moves('It showed me that people were more upset about not knowing than about the wait.'), ['learning']);
  });

  it('has no reflection to judge in STAR, and judges the CARL Learning section', () => {
    assert.equal(depthOf('## Result\n\nIt worked because I now check the log every week.\n', 'star').depth, 'none');
    assert.equal(depthOf('## Learning\n\nIt worked because I called first. I now call first on every claim.\n', 'carl').depth, 'deep');
  });

  it('is worked out once per account', () => {
    const account = buildAccountFor('## Reflection\n\nI learned a lot.\n', resolveConfig());
    assert.equal(reflectionDepth(account), reflectionDepth(account));
  });
});
