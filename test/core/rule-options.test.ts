// Rule options are declared in each rule's meta (type, default, range); `.starr.yaml` is checked against
// them, and rules see every declared option, set or defaulted.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, parseConfig, resolveConfig, ruleById, rules } from '../../src/analysis';
import { defineRule, optionProblem, resolveOptions } from '../../src/core/rule';

/** The problems of a `.starr.yaml`, as "line:column message", without what every error adds about what happens meanwhile. */
const problems = (yaml: string) => parseConfig(yaml).problems.map((p) => `${p.line}:${p.column} ${p.message.replace(/ STARR ignores this setting until it is fixed\.$/, '')}`);

describe('rule options', () => {
  it('every declared default is a valid value of its own option', () => {
    let declared = 0;
    for (const r of rules) {
      for (const [name, spec] of Object.entries(r.meta.options ?? {})) {
        declared++;
        assert.equal(optionProblem(spec, spec.default), undefined, `${r.meta.id}.${name}`);
        assert.ok(spec.description.length > 10, `${r.meta.id}.${name} says what it changes`);
      }
    }
    assert.ok(declared >= 4);
  });

  it("each rule's docs page names each option with its default, and its YAML examples are valid settings", () => {
    for (const r of rules) {
      const md = readFileSync(join(process.cwd(), 'docs/rules', `${r.meta.id}.md`), 'utf8');
      const configure = md.slice(md.indexOf('## Configure'), md.indexOf('## Examples'));
      for (const [name, spec] of Object.entries(r.meta.options ?? {})) {
        assert.match(configure, new RegExp(`${name}:[^\\n]*default ${String(spec.default).replace('.', '\\.')}\\b`), `${r.meta.id}: ${name} and its default`);
      }
      for (const [, yaml] of configure.matchAll(/```yaml\n([\s\S]*?)```/g)) assert.deepEqual(problems(yaml), [], `${r.meta.id}: ${yaml}`);
    }
  });

  it('accepts valid values, including both ends of a range, with or without a severity', () => {
    assert.deepEqual(problems('rules:\n  section-balance: { severity: warning, maxContextShare: 0, minWords: 0 }\n  word-count: { tolerance: 1 }\n  collective-voice: { minWords: 40 }\n'), []);
    const { config } = parseConfig('rules:\n  section-balance:\n    maxContextShare: 1\n');
    assert.deepEqual(resolveConfig(config).rules['section-balance'], { severity: undefined, options: { maxContextShare: 1 } });
  });

  it('a value out of range gets one plain message at the value, and only that value is left out', () => {
    const yaml = 'rules:\n  section-balance:\n    maxContextShare: 1.5\n    minWords: 10\n';
    assert.deepEqual(parseConfig(yaml).problems.map((p) => `${p.line}:${p.column} ${p.message}`), [
      '3:22 "rules.section-balance.maxContextShare" should be a number from 0 to 1 (the largest share of the words the scene-setting may take; 0.35 by default), not 1.5. STARR ignores this setting until it is fixed.',
    ]);
    assert.deepEqual(parseConfig(yaml).config, { rules: { 'section-balance': { minWords: 10 } } });
    assert.deepEqual(problems('rules:\n  word-count: { tolerance: -0.1 }\n'), [
      '2:28 "rules.word-count.tolerance" should be a number from 0 to 1 (how far from word_target an account may be, as a share of it; 0.1 by default), not -0.1.',
    ]);
  });

  it('a value of the wrong kind gets one message that shows it', () => {
    assert.deepEqual(problems('rules:\n  collective-voice:\n    minWords: lots\n'), [
      '3:15 "rules.collective-voice.minWords" should be a whole number of 0 or more (Actions with fewer words are not checked; 25 by default), not "lots".',
    ]);
    assert.match(problems('rules:\n  collective-voice:\n    minWords: 2.5\n')[0], /should be a whole number of 0 or more .*, not 2\.5\.$/);
    assert.match(problems('rules:\n  collective-voice:\n    minWords: [1]\n')[0], /, not a list\.$/);
    assert.match(problems('rules:\n  collective-voice:\n    minWords: { a: 1 }\n')[0], /, not a mapping\.$/);
    assert.match(problems('rules:\n  collective-voice:\n    minWords: true\n')[0], /, not true\.$/);
    assert.match(problems('rules:\n  collective-voice:\n    minWords: null\n')[0], /, not nothing\.$/);
    assert.match(problems('rules:\n  collective-voice:\n    minWords: -1\n')[0], /, not -1\.$/);
  });

  it('an option a rule does not have, or a rule that does not exist, is named with what there is', () => {
    assert.deepEqual(problems('rules:\n  section-balance:\n    maxShare: 0.3\n'), [
      '3:5 "rules.section-balance.maxShare" is not an option of section-balance, so it is ignored. The options of this rule are minWords and maxContextShare.',
    ]);
    assert.deepEqual(problems('rules:\n  word-count:\n    tolerence: 0.3\n'), ['3:5 "rules.word-count.tolerence" is not an option of word-count, so it is ignored. Did you mean "tolerance"?']);
    assert.deepEqual(problems('rules:\n  section-order:\n    minWords: 3\n'), ['3:5 "rules.section-order.minWords": section-order has no options, so it is ignored; you can set only its severity.']);
    assert.deepEqual(problems('rules:\n  thin-sections: off\n'), ['2:3 "thin-sections" is not a rule I know, so it is ignored. Did you mean "thin-section"?']);
    const [unknown] = problems('rules:\n  zzz: off\n');
    assert.match(unknown, /^2:3 "zzz" is not a rule I know, so it is ignored\. The rules are front-matter, .*, thin-section, .* and [a-z-]+\.$/);
    // Each is a warning: the rest of the file is used.
    const r = parseConfig('rules:\n  generic-languag: off\n  thin-section: info\n');
    assert.deepEqual(r.problems.map((p) => p.severity), ['warning']);
    assert.deepEqual(r.config, { rules: { 'thin-section': 'info' } });
  });

  it('a severity that is not one, or a setting that is neither a severity nor a mapping, gets one message', () => {
    assert.deepEqual(problems('rules:\n  missing-section: loud\n'), ['2:20 "rules.missing-section" should be error, warning, info, hint or off, not "loud".']);
    assert.deepEqual(problems('rules:\n  missing-section: { severity: loud }\n'), ['2:32 "rules.missing-section.severity" should be error, warning, info, hint or off, not "loud".']);
    assert.deepEqual(problems('rules:\n  missing-section: 3\n'), ['2:20 "rules.missing-section" should be a severity (error, warning, info, hint or off) or a mapping such as { severity: warning }, not 3.']);
    assert.match(problems('rules:\n  missing-section:\n')[0], /, not nothing\.$/);
    assert.match(problems('rules:\n  missing-section: [warning]\n')[0], /, not a list\.$/);
    assert.deepEqual(problems('rules:\n  missing-section: off\n  word-count: { severity: hint }\n'), []);
  });

  it('reports each wrong value once, however many there are', () => {
    const p = problems('rules:\n  section-balance: { minWords: -1, maxContextShare: 2 }\n  word-count: { tolerance: x }\n');
    assert.equal(p.length, 3);
    assert.deepEqual(p.map((x) => x.split(' ')[1]), ['"rules.section-balance.minWords"', '"rules.section-balance.maxContextShare"', '"rules.word-count.tolerance"']);
  });

  it('rules see every declared option: configured values that are valid, defaults for the rest', () => {
    const meta = ruleById.get('section-balance')!.meta;
    assert.deepEqual(resolveOptions(meta, undefined), { minWords: 150, maxContextShare: 0.35 });
    assert.deepEqual(resolveOptions(meta, { maxContextShare: 0.2, other: 1 }), { minWords: 150, maxContextShare: 0.2 });
    // A layer given in code, not read from a file, can still carry a wrong value: the default is used.
    assert.deepEqual(resolveOptions(meta, { minWords: 'many', maxContextShare: 7 }), { minWords: 150, maxContextShare: 0.35 });
  });

  it('analyze hands a rule its options, defaulted when the configuration has none', () => {
    const seen: unknown[] = [];
    const probe = defineRule(
      { id: 'probe', defaultSeverity: 'info', title: 't', rationale: 'r', options: { n: { type: 'integer', default: 3, min: 1, description: 'a test option' } } },
      ({ options }) => void seen.push(options.n),
    );
    analyze('x\n', { rules: [probe] });
    analyze('x\n', { rules: [probe], config: resolveConfig({ rules: { probe: { n: 5 } } }) });
    analyze('x\n', { rules: [probe], config: resolveConfig({ rules: { probe: { n: 0 } } }) });
    analyze('x\n', { rules: [probe], config: resolveConfig({ rules: { probe: 'warning' } }) });
    assert.deepEqual(seen, [3, 5, 3, 3]);
  });
});
