// What coverage reads from an account's own words: where its criterion references sit and which command-verb cues it shows.
import assert from 'node:assert/strict';
import { analyze } from '../../src/analysis/analyze';
import { coverageFacts } from '../../src/core/coverage-facts';

const facts = (text: string) => coverageFacts(analyze(text, { rules: [] }).account);

describe('coverageFacts', () => {
  it('finds the first cue of each family in the body, with its line, its spacing folded', () => {
    const text = [
      '---', // 0
      'title: It worked well because of the root cause', // 1: front matter is not the learner's prose
      '---', // 2
      '', // 3
      '## Action', // 4
      '', // 5
      'I traced the root', // 6
      'cause to a missing field (AC 2.3), because the screen hid the scan.', // 7
      '', // 8
      '## Reflection', // 9
      '', // 10
      'The change worked well, and worked well again.', // 11
    ].join('\n');
    const f = facts(text);
    const by = Object.fromEntries(f.cues.map((c) => [c.family, c]));
    assert.deepEqual(by.analyse, { family: 'analyse', text: 'I traced', line: 6 });
    assert.deepEqual(by.explain, { family: 'explain', text: 'because', line: 7 });
    assert.deepEqual(by.evaluate, { family: 'evaluate', text: 'worked well', line: 11 });
    assert.deepEqual(f.refs, [{ line: 7, column: 29 }]);
  });

  it('finds cues in an account without front matter, and none in one that shows none', () => {
    assert.deepEqual(facts('## Result\n\nIt was effective.').cues.map((c) => [c.family, c.text, c.line]), [['evaluate', 'was effective', 2]]);
    assert.deepEqual(facts('## Action\n\nI rang the depot.').cues, []);
    assert.deepEqual(facts('---\ntitle: x\n---\n\nI compared with last month.').cues.map((c) => [c.family, c.line]), [['analyse', 4]]);
  });

  it('reads a cue written as a phrase across a line break', () => {
    assert.deepEqual(facts('## Reflection\n\nIt was\neffective in the end.').cues.map((c) => c.text), ['was effective']);
  });
});
