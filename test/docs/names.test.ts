// The docs name only commands, settings and rules that exist, and every command, setting and rule is
// documented: package.json's `contributes` and the rule registry are the lists, read both ways.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import { rules } from '../../src/analysis';
import { docFiles, inlineCode, links, nodes, tree } from './markdown';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, unknown> };
    views: Record<string, { id: string }[]>;
  };
}
// Names in code spans that look like a rule id (words joined by hyphens) but name something else.
const NOT_RULES = new Map([
  ['starr-disable', 'the directive comment'],
  ['starr-enable', 'the directive comment'],
  ['starr-feedback', 'the diagnostics source of open feedback'],
  ['no-measure', "a coverage reason in the core's data"],
  ['no-restricted-imports', 'an ESLint rule'],
  ['remark-parse', 'a package'],
  ['remark-frontmatter', 'a package'],
  ['mdast-util-to-string', 'a package'],
  ['generic-languag', 'the misspelt rule id unknown-directive reports, in its own page'],
]);

const words = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('docs: commands, settings and rules', () => {
  let commands: Map<string, string>;
  let settings: Set<string>;
  let views: Set<string>;
  let ruleIds: Set<string>;
  let files: string[];
  let codeSpans: { value: string; line: number; file: string }[];
  before(() => {
    const manifest = (JSON.parse(readFileSync('package.json', 'utf8')) as Manifest).contributes;
    commands = new Map(manifest.commands.map((c) => [c.command, `${c.category ? `${c.category}: ` : ''}${c.title}`]));
    settings = new Set(Object.keys(manifest.configuration.properties));
    views = new Set(Object.values(manifest.views).flat().map((v) => v.id));
    ruleIds = new Set(rules.map((r) => r.meta.id));
    files = docFiles();
    codeSpans = files.flatMap((file) => inlineCode([tree(file)]).map((c) => ({ ...c, file })));
  });

  it('every starr.* name in a code span is a command, a setting or a view', () => {
    const unknown = codeSpans.filter((c) => /^starr\.[\w.]+$/.test(c.value) && !commands.has(c.value) && !settings.has(c.value) && !views.has(c.value));
    assert.deepEqual(unknown.map((c) => `${c.file}:${c.line} ${c.value}`), []);
  });

  it('every command shown in bold as "STARR: …" is a command\'s title in the Command Palette', () => {
    const titles = new Set(commands.values());
    const wrong: string[] = [];
    let seen = 0;
    for (const file of files) {
      for (const n of nodes(tree(file))) {
        if (n.type !== 'strong') continue;
        const text = words(toString(n));
        if (!text.startsWith('STARR: ')) continue;
        seen++;
        if (!titles.has(text)) wrong.push(`${file}:${n.position?.start.line} ${text}`);
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(seen > 20, `${seen} commands named`);
  });

  it('every name in a code span that looks like a rule id is a rule', () => {
    const unknown = codeSpans.filter((c) => /^[a-z]+(?:-[a-z]+)+$/.test(c.value) && !ruleIds.has(c.value) && !NOT_RULES.has(c.value));
    assert.deepEqual(unknown.map((c) => `${c.file}:${c.line} ${c.value}`), []);
  });

  it('the exceptions to the rule-id check are still used, so none hides a rule that was renamed', () => {
    const named = new Set(codeSpans.map((c) => c.value));
    for (const [name, why] of NOT_RULES) {
      assert.ok(named.has(name), `${name} (${why}) is no longer in the docs: take it off the list`);
      assert.ok(!ruleIds.has(name), `${name} is a rule now`);
    }
  });

  it('every command is documented by its id', () => {
    const named = new Set(codeSpans.map((c) => c.value));
    assert.deepEqual([...commands.keys()].filter((id) => !named.has(id)), []);
  });

  it('every setting is documented in the configuration reference, and every view in the extension reference', () => {
    const named = (file: string) => new Set(inlineCode([tree(file)]).map((c) => c.value));
    const config = named('docs/configuration.md');
    assert.deepEqual([...settings].filter((s) => !config.has(s)), []);
    const vscode = named('docs/vscode.md');
    assert.deepEqual([...views].filter((v) => !vscode.has(v)), []);
  });

  it('every rule is in the index of checks, which links to its page, and the index lists no other', () => {
    const listed = links(tree('docs/rules/README.md'))
      .map((l) => l.url)
      .filter((url) => /^[a-z-]+\.md$/.test(url) && url !== 'README.md')
      .map((url) => url.slice(0, -3));
    assert.deepEqual([...new Set(listed)].sort(), [...ruleIds].sort());
  });
});
