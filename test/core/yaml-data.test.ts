// Problems in YAML data files (settings, criteria sets) are told in plain words, at their line and column.
import assert from 'node:assert/strict';
import { analyze, defaultConfig, parseConfig, resolveConfig } from '../../src/analysis';
import { parseYamlData } from '../../src/core/yaml-data';

const problems = (yaml: string, schema: object) => parseYamlData(yaml, schema).problems.map((p) => `${p.line}:${p.column} ${p.message}`);
const config = (yaml: string) => parseConfig(yaml).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe('YAML data problems', () => {
  it('a syntax error: the likely cause in plain words, at its line, with the parser\'s own words kept as detail', () => {
    const [p] = config('rules:\n  missing-section: [warning\n');
    assert.equal(p, '2:1 The value of "missing-section" opens a list with "[" but does not close it: ‘missing-section: [warning’. Add "]" at the end of the list, or put the value in quotes if it is not a list. STARR uses its default settings until it is fixed.');
    const [colon] = parseConfig('framework: starr\nunit: CS3: level 3\n').problems;
    assert.match(colon.message, /^The value of "unit" has a colon in it: ‘unit: CS3: level 3’\. .* Put the value in quotes: unit: "CS3: level 3"\. STARR uses its default settings until it is fixed\.$/);
    assert.ok(colon.detail && !/at line \d+, column \d+/.test(colon.detail), colon.detail);
    const [tab] = parseConfig('rules:\n\tpersonal-data: error\n').problems;
    assert.match(tab.message, /^This line of the settings file is indented with a tab/);
    assert.equal(parseConfig('a: b: c\nd: e: f\n').problems.length, 2, 'one message per line');
    const r = parseConfig('a: b: c\n');
    assert.ok(r.problems[0].span.end >= r.problems[0].span.start);
    assert.equal(r.config, undefined);
  });

  it('a misspelt setting, a wrong type and a value not in a list each get their own plain message', () => {
    assert.deepEqual(config('framwork: starr\n'), ['1:1 "framwork" is not a setting I know, so it is ignored. Did you mean "framework"?']);
    assert.deepEqual(config('words:\n  min: ten\n'), ['2:8 "words.min" should be a whole number, not "ten". STARR ignores this setting until it is fixed.']);
    assert.deepEqual(config('framework: [starr]\n'), ['1:12 "framework" should be text, not a list. STARR ignores this setting until it is fixed.']);
    assert.deepEqual(problems('kind: b\n', { type: 'object', properties: { kind: { enum: ['a', 'c'] } } }), ['1:7 "kind" has a value I do not recognise (expected one of ["a","c"].).']);
  });

  it('a missing required field names it, for the file or for the place it is missing from', () => {
    const schema = { type: 'object', required: ['id'], properties: { items: { type: 'array', items: { type: 'object', required: ['name'] } } } };
    assert.deepEqual(problems('items: []\n', schema), ['1:1 The file is missing "id".']);
    assert.deepEqual(problems('id: 1\nitems:\n  - other: 2\n', schema), ['3:5 "items.0" is missing "name".']);
  });

  it('any other schema failure says where and what', () => {
    assert.deepEqual(problems('n: 3\n', { type: 'object', properties: { n: { type: 'integer', maximum: 2 } } }), ['1:4 "n": 3 is greater than 2.']);
  });

  it('an alias bomb is a problem with the file, not a crash', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const r = parseYamlData(`${bomb.join('\n')}\n`, { type: 'object' });
    assert.equal(r.value, undefined);
    assert.deepEqual(r.problems.map((p) => [p.line, p.column, p.message]), [[1, 1, 'This file uses too many YAML aliases (*name) to be read. Write the values out in full.']]);
  });

  it('an empty settings file is no settings, without problems', () => {
    assert.deepEqual(parseConfig('  \n'), { config: {}, problems: [] });
  });
});

describe('resolving settings layers', () => {
  it('starts from the defaults', () => {
    assert.deepEqual({ ...defaultConfig(), allow: undefined }, { framework: 'starr', rules: {}, phrases: { add: [], remove: [] }, sections: {}, words: {}, criteria: [], include: [], exclude: [], allow: undefined });
    assert.deepEqual(resolveConfig(), defaultConfig());
  });

  it('later layers win, lists add up, and a framework name is read in lower case', () => {
    const r = resolveConfig(
      { framework: 'CARL', rules: { 'word-count': { severity: 'info', tolerance: 0.2 } }, phrases: { add: ['touch base'], remove: ['always'] }, sections: { action: { minWords: 100 } }, words: { min: 1 }, criteria: ['a'], include: ['x/**'], exclude: ['y/**'] },
      undefined,
      { rules: { 'word-count': { tolerance: 0.3 }, 'thin-section': 'off' }, phrases: { add: [{ phrase: 'world-class', suggestion: 'Say what.' }], remove: ['never'] }, words: { max: 9 }, criteria: ['b'], include: ['z/**'], exclude: ['w/**'] },
    );
    assert.equal(r.framework, 'carl');
    assert.deepEqual(r.rules, { 'word-count': { severity: 'info', options: { tolerance: 0.3 } }, 'thin-section': { severity: 'off', options: {} } });
    assert.deepEqual(r.phrases, { add: [{ phrase: 'touch base' }, { phrase: 'world-class', suggestion: 'Say what.' }], remove: ['always', 'never'] });
    assert.deepEqual(r.sections, { action: { minWords: 100 } });
    assert.deepEqual(r.words, { min: 1, max: 9 });
    assert.deepEqual([r.criteria, r.include, r.exclude], [['a', 'b'], ['x/**', 'z/**'], ['y/**', 'w/**']]);
  });

  it('a severity alone keeps the options an earlier layer set, and options alone keep its severity', () => {
    const r = resolveConfig({ rules: { 'word-count': { severity: 'info', tolerance: 0.2 } } }, { rules: { 'word-count': 'error' } });
    assert.deepEqual(r.rules['word-count'], { severity: 'error', options: { tolerance: 0.2 } });
    const s = resolveConfig({ rules: { 'word-count': 'hint' } }, { rules: { 'word-count': { tolerance: 0.4 } } });
    assert.deepEqual(s.rules['word-count'], { severity: 'hint', options: { tolerance: 0.4 } });
  });

  it('an unknown framework falls back to STARR for the analysis', () => {
    const r = analyze('## Situation\n\nx\n', { config: resolveConfig({ framework: 'nonesuch' }) });
    assert.equal(r.account.framework.id, 'starr');
  });

  it('a cancelled analysis stops before the rules and says so', () => {
    const r = analyze('## Situation\n\nx\n', { token: { isCancellationRequested: true } });
    assert.deepEqual([r.cancelled, r.findings], [true, []]);
  });
});
