// How headings and labels are read as framework sections: the key a heading reduces to, and the best alias.
import assert from 'node:assert/strict';
import { getFramework } from '../../src/core/data';
import { headingKey, matchSection } from '../../src/core/sections';

const starr = getFramework('starr')!;
const gibbs = getFramework('gibbs')!;
const match = (raw: string, mode: 'heading' | 'label' = 'heading', framework = starr) => {
  const m = matchSection(framework, raw, mode);
  return m && [m.def.id, m.score];
};

describe('headingKey', () => {
  it('drops numbering, a framework letter, brackets, criterion references, markup and end punctuation', () => {
    assert.equal(headingKey('1. Task:'), 'task');
    assert.equal(headingKey('12) Task'), 'task');
    assert.equal(headingKey('S – Situation'), 'situation');
    assert.equal(headingKey('R: Reflection'), 'reflection');
    assert.equal(headingKey('Step 3) The action I took (AC 2.1)'), 'the action i took');
    assert.equal(headingKey('Part iv. Result'), 'result');
    assert.equal(headingKey('Action [draft]'), 'action');
    assert.equal(headingKey('Action (more) and (less)'), 'action and');
    assert.equal(headingKey('Result AC 1.2, 3.4 & 5.6 here'), 'result here');
    assert.equal(headingKey('ACs 1.2/3.4 Result'), 'result');
    assert.equal(headingKey('ac1.2 Result'), 'result');
    assert.equal(headingKey('AC 12.34 Result'), 'result');
    assert.equal(headingKey('AC 1 Result'), 'ac 1 result', 'a reference needs a dotted number');
    assert.equal(headingKey('**Action**'), 'action');
    assert.equal(headingKey('__My__ `task` #1 > x'), 'my task 1 x');
    assert.equal(headingKey('Reflection?!.;,: – '), 'reflection');
    assert.equal(headingKey('What   I \t did'), 'what i did');
    assert.equal(headingKey('{>>note<<}Result'), 'result');
  });

  it('keeps a lone letter that is a word, and a number after the words', () => {
    assert.equal(headingKey('a) Situation'), 'situation');
    assert.equal(headingKey('A - Action'), 'action');
    assert.equal(headingKey('A day'), 'a day', 'a letter then a word is not a framework letter');
    assert.equal(headingKey('I. Action'), 'action');
    assert.equal(headingKey('3 customers'), 'customers', 'a leading number is read as numbering');
    assert.equal(headingKey('Reflective account 3'), 'reflective account 3');
  });
});

describe('matchSection', () => {
  it('scores the whole key 3, a prefix ending at a separator 2, a run of words in a heading 1', () => {
    assert.deepEqual(match('Situation'), ['situation', 3]);
    assert.deepEqual(match('Action: what I did on the day'), ['action', 2]);
    assert.deepEqual(match('Action - the call'), ['action', 2]);
    assert.deepEqual(match('Actionable notes'), undefined, 'a prefix must end at a separator');
    assert.deepEqual(match('Notes on what i did today'), ['action', 1]);
    assert.deepEqual(match('Notes on what i did today', 'label'), undefined, 'labels never match on a run of words');
  });

  it('prefers the longer alias, and of equal scores the earlier', () => {
    assert.deepEqual(match('Action plan', 'heading', gibbs), ['action-plan', 3]);
    assert.deepEqual(match('The action I took'), ['action', 3]);
    assert.deepEqual(match('My role and the background'), ['task', 2]);
  });

  it('matches a run of words only in short headings, and only aliases of five letters or more', () => {
    assert.deepEqual(match('One two three four five what i did'), undefined, 'more than six words');
    assert.deepEqual(match('Then what i did'), ['action', 1]);
    assert.deepEqual(match('Notes on the task'), ['task', 1]);
    assert.deepEqual(match('Notes about aim'), undefined, '"aim" is too short to find inside a heading');
  });

  it('names nothing for an empty or very long heading, or one that names no section', () => {
    assert.equal(match(''), undefined);
    assert.equal(match('***'), undefined);
    assert.equal(match(`Situation ${'x'.repeat(80)}`), undefined);
    assert.deepEqual(match(`Situation ${'x'.repeat(69)}`), ['situation', 2]);
    assert.equal(match('Queue peak on Monday'), undefined);
  });

  it('reads each framework by its own aliases, and each framework once', () => {
    assert.deepEqual(match('Feelings', 'heading', gibbs), ['feelings', 3]);
    assert.equal(match('Feelings'), undefined);
    assert.deepEqual(match('action plan', 'label', gibbs), ['action-plan', 3]);
    assert.deepEqual(match('Action plan', 'label'), ['reflection', 3], 'in STARR an action plan is part of the Reflection');
  });
});
