// The command-line reference matches `starr --help` and each `starr <command> --help`, and every example
// command in the docs uses real options; the configuration reference documents every key of
// schemas/config.schema.json and no other, and its examples are settings STARR accepts as they are.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import type { Nodes } from 'mdast';
import { parseConfig } from '../../src/analysis';
import { COMMANDS } from '../../src/cli/main';
import { docFiles, inlineCode, nodes, sections, tree } from './markdown';

/** The long options a command's help lists under "Options:", without --help. */
function helpOptions(usage: string): string[] {
  const lines = usage.split('\n');
  const from = lines.indexOf('Options:');
  assert.ok(from >= 0, `no Options: in\n${usage}`);
  const out: string[] = [];
  for (const line of lines.slice(from + 1)) {
    if (line.trim() === '') break;
    const m = /^\s+(?:-\w, )?(--[a-z][a-z-]*)/.exec(line);
    if (m && m[1] !== '--help') out.push(m[1]);
  }
  return out.sort();
}

const optionName = (code: string) => /^--[a-z][a-z-]*/.exec(code)?.[0];

const SHELLS = new Set(['sh', 'shell', 'bash', 'console', 'yaml']);

/** `starr <command> …` invocations in the docs' code: blocks (one a line) and code spans. */
function invocations(): { where: string; command: string; options: string[] }[] {
  const out: { where: string; command: string; options: string[] }[] = [];
  for (const file of docFiles()) {
    for (const n of nodes(tree(file))) {
      // Shell blocks and CI workflows hold commands; text blocks hold output and maps of folders.
      const texts = n.type === 'code' && SHELLS.has(n.lang ?? '') ? n.value.split('\n') : n.type === 'inlineCode' ? [n.value] : [];
      texts.forEach((text, i) => {
        const m = /(?:^|[\s;&|(]|^- run: )(?:npx )?starr (?!<)([a-z]+)\b([^#|>]*)/.exec(text);
        if (!m) return;
        out.push({ where: `${file}:${(n.position?.start.line ?? 0) + (n.type === 'code' ? i + 1 : 0)}`, command: m[1], options: [...m[2].matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)].map((o) => o[1]) });
      });
    }
  }
  return out;
}

describe('docs: the command-line reference', () => {
  let byTitle: Map<string, Nodes[]>;
  before(() => {
    byTitle = new Map(sections(tree('docs/cli.md'), 2).map((s) => [s.title, s.body]));
  });

  it('has a section for every command of starr --help, and none for a command that does not exist', () => {
    const documented = [...byTitle.keys()].filter((t) => t.startsWith('starr ')).map((t) => t.slice('starr '.length));
    assert.deepEqual(documented.sort(), COMMANDS.map((c) => c.name).sort());
  });

  for (const cmd of COMMANDS) {
    describe(`starr ${cmd.name}`, () => {
      it('shows the usage line of its --help', () => {
        const body = byTitle.get(`starr ${cmd.name}`) ?? [];
        const usageLine = cmd.usage.split('\n')[0];
        assert.ok(body.some((n) => n.type === 'code' && n.value.split('\n').includes(usageLine)), `a code block with "${usageLine}"`);
      });

      it('documents exactly the options its --help lists', () => {
        const body = byTitle.get(`starr ${cmd.name}`) ?? [];
        const documented = [...new Set(inlineCode(body).map((c) => optionName(c.value)).filter((o): o is string => !!o && o !== '--help'))].sort();
        assert.deepEqual(documented, helpOptions(cmd.usage));
      });
    });
  }

  it('every example command in the docs is a real command with options it takes', () => {
    const options = new Map(COMMANDS.map((c) => [c.name, new Set([...helpOptions(c.usage), '--help'])]));
    const seen = invocations();
    const wrong = seen.filter((x) => x.command !== 'help' && (!options.has(x.command) || x.options.some((o) => !options.get(x.command)!.has(o))));
    assert.deepEqual(wrong.map((x) => `${x.where} starr ${x.command} ${x.options.join(' ')}`), []);
    assert.ok(seen.length > 30, `${seen.length} examples found`);
  });
});

type Schema = { properties?: Record<string, Schema>; additionalProperties?: Schema | boolean; anyOf?: Schema[]; $ref?: string };

/** Every key path of the schema: properties by name, and names of your own (additionalProperties) as <*>. */
function schemaKeys(schema: Schema, root: Schema & { $defs?: Record<string, Schema> }, path: string[] = []): string[] {
  if (schema.$ref) return schemaKeys(root.$defs![schema.$ref.replace('#/$defs/', '')], root, path);
  const out: string[] = [];
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    out.push([...path, name].join('.'), ...schemaKeys(sub, root, [...path, name]));
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    out.push([...path, '<*>'].join('.'), ...schemaKeys(schema.additionalProperties, root, [...path, '<*>']));
  }
  for (const alt of schema.anyOf ?? []) out.push(...schemaKeys(alt, root, path));
  return out;
}

describe('docs: the configuration reference', () => {
  it('has a heading for every key of the schema, and for no key the schema lacks', () => {
    const schema = JSON.parse(readFileSync('schemas/config.schema.json', 'utf8')) as Schema;
    const keys = [...new Set(schemaKeys(schema, schema))].sort();
    const root = tree('docs/configuration.md');
    const keysSection = sections(root, 3).find((s) => s.title === 'Keys');
    assert.ok(keysSection, 'a "### Keys" section');
    const documented = keysSection.body
      .filter((n) => n.type === 'heading' && n.depth === 4)
      .map((n) => toString(n).replace(/<[^>]+>/g, '<*>'))
      .sort();
    assert.deepEqual(documented, keys);
  });

  it('every .starr.yaml example in the docs is accepted as it is: no warning, no error', () => {
    const examples: { where: string; text: string }[] = [];
    for (const file of docFiles()) {
      for (const n of nodes(tree(file))) if (n.type === 'code' && n.lang === 'yaml' && n.meta === '.starr.yaml') examples.push({ where: `${file}:${n.position?.start.line}`, text: n.value });
    }
    assert.ok(examples.length >= 4, `${examples.length} examples`);
    for (const ex of examples) {
      assert.deepEqual(parseConfig(ex.text).problems.map((p) => `${p.line}:${p.column} ${p.message}`), [], ex.where);
    }
  });
});
