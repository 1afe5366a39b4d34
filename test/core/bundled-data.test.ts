import assert from 'node:assert/strict';
import frameworksText from '../../data/frameworks.yaml';
import frameworksData from '../../data/frameworks.yaml?data';
import genericText from '../../data/lexicons/generic-language.yaml';
import genericData from '../../data/lexicons/generic-language.yaml?data';
import hypotheticalText from '../../data/lexicons/hypothetical-language.yaml';
import hypotheticalData from '../../data/lexicons/hypothetical-language.yaml?data';
import reflectionText from '../../data/lexicons/reflection-cues.yaml';
import reflectionData from '../../data/lexicons/reflection-cues.yaml?data';
import commandVerbsText from '../../data/lexicons/command-verbs.yaml';
import commandVerbsData from '../../data/lexicons/command-verbs.yaml?data';
import structureText from '../../data/structure.yaml';
import structureData from '../../data/structure.yaml?data';
import frameworksSchema from '../../schemas/frameworks.schema.json';
import structureSchema from '../../schemas/structure.schema.json';
import lexiconSchema from '../../schemas/lexicon.schema.json';
import { getFramework, getFrameworks } from '../../src/core/data';
import { cues } from '../../src/core/structure/cues';
import { parseYamlData } from '../../src/core/yaml-data';

// The build reads the bundled frameworks and lexicons and checks them (scripts/build.mjs); these tests hold
// the files to their schemas with the reader users' own data goes through, and the build's copy to the file.
describe('bundled data', () => {
  const files: [string, string, unknown, object][] = [
    ['data/frameworks.yaml', frameworksText, frameworksData, frameworksSchema],
    ['data/structure.yaml', structureText, structureData, structureSchema],
    ['data/lexicons/generic-language.yaml', genericText, genericData, lexiconSchema],
    ['data/lexicons/hypothetical-language.yaml', hypotheticalText, hypotheticalData, lexiconSchema],
    ['data/lexicons/reflection-cues.yaml', reflectionText, reflectionData, lexiconSchema],
    ['data/lexicons/command-verbs.yaml', commandVerbsText, commandVerbsData, lexiconSchema],
  ];
  for (const [name, text, data, schema] of files) {
    it(`${name} fits its schema, and the bundle carries exactly what it says`, () => {
      const r = parseYamlData(text, schema);
      assert.deepEqual(r.problems, [], `${name}: ${r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`);
      assert.deepEqual(data, r.value);
    });
  }

  it('the structure cues compile, and every framework section reads as at least one class', () => {
    const c = cues();
    assert.ok(c.classes.length >= 5);
    for (const f of getFrameworks().values()) for (const d of f.sections) assert.ok(c.sectionClasses(f, d).length > 0, `${f.id}/${d.id}`);
  });

  it('gives the frameworks by id, in any case', () => {
    assert.equal(getFramework('STARR')?.sections.length, 5);
    assert.equal(getFramework(' carl ')?.id, 'carl');
    assert.equal(getFramework('nope'), undefined);
  });
});
