import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FRAMEWORK, defaultConfig, getFrameworks, rules } from '../../src/analysis';
import { CriteriaCatalog } from '../../src/core/criteria';
import { frameworkChoices } from '../../src/core/data';

// Framework, section and rule ids live in data/frameworks.yaml and the rule registry. The manifest and the
// settings schema repeat some of them for editors; these tests fail when a copy no longer matches.
describe('architecture: ids come from the data', () => {
  type Setting = { enum?: string[]; enumDescriptions?: string[]; default?: unknown; markdownDescription?: string };
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, Setting> } } };
  const settings = pkg.contributes.configuration.properties;
  const schema = JSON.parse(readFileSync('schemas/config.schema.json', 'utf8')) as { properties: Record<string, { description: string }> };
  const frameworks = [...getFrameworks().values()];
  const ruleIds = new Set(rules.map((r) => r.meta.id));
  const sectionIds = new Set(frameworks.flatMap((f) => f.sections.map((s) => s.id)));

  it('the starr.framework setting offers every framework, in order, each described by its sections', () => {
    const s = settings['starr.framework'];
    assert.deepEqual(s.enum, frameworks.map((f) => f.id));
    assert.equal(s.enumDescriptions?.length, frameworks.length);
    frameworks.forEach((f, i) => assert.ok(s.enumDescriptions![i].endsWith(f.sections.map((x) => x.name).join(', ')), `${f.id}: ${s.enumDescriptions![i]}`));
    assert.equal(s.default, DEFAULT_FRAMEWORK);
  });

  it('the default framework is in the data, and is what the settings default to', () => {
    assert.ok(getFrameworks().has(DEFAULT_FRAMEWORK));
    assert.equal(defaultConfig().framework, DEFAULT_FRAMEWORK);
  });

  it('the settings schema lists the frameworks, and its examples name real sections and rules', () => {
    assert.ok(schema.properties.framework.description.endsWith(`: ${frameworkChoices()}.`), schema.properties.framework.description);
    const section = /`(\S+): \{ minWords/.exec(schema.properties.sections.description)?.[1];
    assert.ok(section && sectionIds.has(section), `section ${section}`);
    const rule = /used by ([a-z-]+)/.exec(schema.properties.phrases.description)?.[1];
    assert.ok(rule && ruleIds.has(rule), `rule ${rule}`);
  });

  it('the starr.rules setting names real rules in its example', () => {
    const example = /`(\{.*?\})`/.exec(settings['starr.rules'].markdownDescription ?? '')?.[1];
    assert.ok(example);
    const named = Object.keys(JSON.parse(example) as object);
    assert.ok(named.length > 0);
    for (const id of named) assert.ok(ruleIds.has(id), id);
  });
  it('every unit id given as an example in a message, a template or a setting is a bundled unit', () => {
    const units = new Set(new CriteriaCatalog().units().map((u) => u.set.id));
    const files = [...readdirSync('src', { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => join('src', f)), 'package.json', 'snippets/markdown.json', 'schemas/config.schema.json'];
    // "unit: XX…" or "e.g. XX…": what a learner may copy.
    const example = /(?:\bunit:\s*["']?|e\.g\.\s+)([A-Z]{2,}[0-9][A-Z0-9-]*)/g;
    const seen: string[] = [];
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(example)) {
        seen.push(m[1]);
        assert.ok(units.has(m[1]), `${f}: ${m[1]} is not a bundled unit (${[...units].join(', ')})`);
      }
    }
    assert.ok(seen.length >= 3, `examples found: ${seen.join(', ')}`);
  });
});
