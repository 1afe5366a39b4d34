// Mistakes in .starr.yaml: one message each, at its line, with "did you mean …?" for a misspelt name, and the
// rest of the file still used.
import assert from 'node:assert/strict';
import { parseConfig } from '../../src/analysis';
import { parseConfig as parseWithoutRules } from '../../src/core/config';
import { closest, didYouMean, editDistance } from '../../src/core/suggest';

const shown = (r: ReturnType<typeof parseConfig>) => r.problems.map((p) => `${p.line}:${p.column} ${p.severity ?? 'error'} ${p.message}`);

describe('suggestions for misspelt names', () => {
  it('counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('generic-languag', 'generic-language'), 1);
    assert.equal(editDistance('same', 'same'), 0);
  });

  it('suggests the nearest name only when it is a likely slip, ignoring case', () => {
    assert.equal(closest('framwork', ['framework', 'rules']), 'framework');
    assert.equal(closest('WORDS', ['words', 'rules']), 'words');
    assert.equal(closest('ab', ['xy', 'abc']), 'abc');
    assert.equal(closest('zzz', ['framework', 'rules']), undefined);
    assert.equal(closest('actoin', ['action', 'task']), 'action');
    assert.equal(didYouMean('zzz', ['a', 'b', 'c'], 'letters'), ' The letters are a, b and c.');
  });
});

describe('settings validated with help', () => {
  it('a misspelt rule id: one warning at the key, with the rule it was meant to be, and the rest kept', () => {
    const r = parseConfig('rules:\n  generic-languag: off\n  thin-section: info\n');
    assert.deepEqual(shown(r), ['2:3 warning "generic-languag" is not a rule I know, so it is ignored. Did you mean "generic-language"?']);
    assert.deepEqual(r.config, { rules: { 'thin-section': 'info' } });
  });

  it('a wrong severity: exactly one error in plain words at its value, with or without the rule registry', () => {
    const expected = ['2:18 error "rules.personal-data" should be error, warning, info, hint or off, not "fatal". STARR ignores this setting until it is fixed.'];
    assert.deepEqual(shown(parseConfig('rules:\n  personal-data: fatal\n')), expected);
    // Checked by the schema alone, anyOf's branches would otherwise give three messages, one of them false.
    const alone = parseWithoutRules('rules:\n  personal-data: fatal\n');
    assert.equal(alone.problems.length, 1, JSON.stringify(alone.problems));
    assert.doesNotMatch(alone.problems[0].message, /subschema|Instance|object/);
  });

  it('unknown keys, section ids and frameworks are warnings with the nearest name', () => {
    assert.deepEqual(shown(parseConfig('framwork: star\n')), ['1:1 warning "framwork" is not a setting I know, so it is ignored. Did you mean "framework"?']);
    assert.deepEqual(shown(parseConfig('framework: strr\n')), ['1:12 warning "strr" is not a framework I know, so STARR uses starr. Did you mean "starr"?']);
    assert.deepEqual(shown(parseConfig('sections:\n  actoin:\n    minWords: 10\n  task:\n    minWords: 5\n')), [
      '2:3 warning "sections.actoin" is not a section of any framework, so it is ignored. Did you mean "action"?',
    ]);
    assert.deepEqual(parseConfig('sections:\n  actoin:\n    minWords: 10\n  task:\n    minWords: 5\n').config, { sections: { task: { minWords: 5 } } });
    assert.deepEqual(shown(parseConfig('sections:\n  action:\n    minWord: 10\n')), ['3:5 warning "minWord" is not a setting I know in "sections.action", so it is ignored. Did you mean "minWords"?']);
    assert.deepEqual(shown(parseConfig('words:\n  minimum: 3\n')), ['2:3 warning "minimum" is not a setting I know in "words", so it is ignored. The settings here are min and max.']);
  });

  it('a misspelt required key is one error, not an unknown key and a missing one', () => {
    const r = parseConfig('phrases:\n  add:\n    - touch base\n    - { phrse: x }\n');
    assert.deepEqual(shown(r), ['4:9 error "phrse" is not a setting I know in "phrases.add.1". Did you mean "phrase"? STARR ignores this setting until it is fixed.']);
    assert.deepEqual(r.config, { phrases: { add: ['touch base'] } });
  });

  it('problems come in the order of the file, and a value of neither allowed kind names both', () => {
    assert.deepEqual(shown(parseConfig('phrases:\n  add: [3]\n  remve: [a]\n')), [
      '2:9 error "phrases.add.0" should be text or a mapping (names with values), not 3. STARR ignores this setting until it is fixed.',
      '3:3 warning "remve" is not a setting I know in "phrases", so it is ignored. Did you mean "remove"?',
    ]);
  });
});
