import assert from 'node:assert/strict';
import { analyze, sectionState, summarise } from '../../src/analysis';
import { full, words } from '../rules/helpers';

describe('sectionState', () => {
  it('tells a written section from a thin, an empty and a missing one', () => {
    const text = full({ Situation: words(60), Task: words(3), Action: words(120), Result: '' });
    const { account, findings } = analyze(text);
    const s = summarise('a/b.md', account, findings);
    const state = (id: string) => sectionState(s, s.sections.find((x) => x.id === id)!);
    assert.deepEqual(state('situation'), { state: 'written' });
    assert.equal(state('task').state, 'thin');
    assert.ok((state('task').min ?? 0) > 3);
    assert.equal(state('result').state, 'empty', 'a heading with nothing under it is not done');
    assert.equal(state('reflection').state, 'missing');
  });

  it('keeps an empty section empty when its minimum is switched off', () => {
    const text = full({ Situation: words(60), Result: '' });
    const { account, findings } = analyze(text, { rules: [] });
    const s = summarise('a/b.md', account, findings);
    assert.deepEqual(sectionState(s, s.sections.find((x) => x.id === 'result')!), { state: 'empty', min: undefined });
  });
});
