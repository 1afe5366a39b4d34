import * as fs from 'node:fs';
import * as path from 'node:path';
import { addAllowedPhrase } from '../../core/allow-list';
import { parseOptions } from '../args';
import { displayPath, findConfigFile, readProblemText, readTextFile, systemErrorText, writeTextFile, type TextEncodingName } from '../node-host';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIO } from '../types';

const usage = `Usage: starr allow <phrase>... [options]

Add phrases to the allow list in .starr.yaml, so the phrase rules (generic-language,
hypothetical-language) never report them — for a term your centre uses on purpose. Writes to the
nearest .starr.yaml (or .starr.yml) from this folder up, or creates .starr.yaml here; keeps the
file's comments and layout.

Options:
  --config FILE   Write to this settings file instead
  -h, --help      Show this help

Examples:
  starr allow "best practice"
  starr allow "person-centred approach" "going forward" --config portfolio/.starr.yaml
`;

export const command: CliCommand = {
  name: 'allow',
  summary: 'Allow phrases the phrase rules should never report (writes .starr.yaml)',
  usage,
  run,
};

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, { config: { type: 'string' } });
  const phrases = positionals.map((p) => p.trim()).filter(Boolean);
  if (!phrases.length) throw new UsageError('Give the phrase to allow, in quotes, for example: starr allow "best practice"');
  const target = values.config !== undefined ? path.resolve(io.cwd, values.config as string) : (findConfigFile(io.cwd) ?? path.join(io.cwd, '.starr.yaml'));
  const shown = displayPath(target, io.cwd);
  let text: string | undefined;
  let kept: { bom: boolean; encoding: TextEncodingName } = { bom: false, encoding: 'utf-8' };
  if (fs.existsSync(target)) {
    const read = readTextFile(target);
    if (!read.ok) {
      io.stderr(`starr allow: ${readProblemText(shown, read)}\n`);
      return EXIT_USAGE;
    }
    text = read.text;
    kept = { bom: read.bom, encoding: read.encoding };
  }
  const added: string[] = [];
  for (const p of phrases) {
    const r = addAllowedPhrase(text, p);
    if (!r.ok) {
      io.stderr(`starr allow: ${shown}: ${r.problem}\n`);
      return EXIT_USAGE;
    }
    if (r.changed) added.push(p);
    text = r.text;
  }
  if (!added.length) {
    io.stdout(`${shown} already allows ${phrases.map((p) => `"${p}"`).join(', ')}; nothing to change.\n`);
    return EXIT_OK;
  }
  try {
    writeTextFile(target, text!, kept);
  } catch (e) {
    io.stderr(`starr allow: ${systemErrorText('write', shown, e)}\n`);
    return EXIT_USAGE;
  }
  io.stdout(`Allowed ${added.map((p) => `"${p}"`).join(', ')} in ${shown}: the phrase rules will not report ${added.length === 1 ? 'it' : 'them'}.\n`);
  return EXIT_OK;
}
