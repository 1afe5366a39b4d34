import * as fs from 'node:fs';
import * as path from 'node:path';
import { frameworkChoices, frameworkOrDefault } from '../../core/data';
import { frameworkOption, parseOptions } from '../args';
import { displayPath, systemErrorText } from '../node-host';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIO } from '../types';

const DEFAULT_NAME = 'reflective-account.md';

const usage = `Usage: starr init [file] [options]

Write a new reflective account from a template: front matter to fill in, then one heading per
section of the framework, each with a prompt of what to write. Never overwrites a file.

Options:
  --framework ID   ${frameworkChoices(true)}
  --title TEXT     The account's title
  --unit ID        The unit it evidences, e.g. CS3-SP
  --learner ID     Your anonymised learner id
  -h, --help       Show this help

Examples:
  starr init
  starr init portfolio/complaint-callback.md --unit CS3-SP --title "Resolving a missed callback"
`;

export const command: CliCommand = {
  name: 'init',
  summary: 'Write a template reflective account to fill in (never overwrites a file)',
  usage,
  run,
};

/** A YAML scalar that survives any value: quoted when it needs to be. */
function yamlString(s: string): string {
  return /^[\w][\w .,'()/&-]*$/.test(s) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(s) && !/\s$/.test(s) ? s : JSON.stringify(s);
}

export interface TemplateOptions {
  framework?: string;
  title?: string;
  unit?: string;
  learner?: string;
  /** YYYY-MM-DD */
  date: string;
}

/** The text of a new account. */
export function accountTemplate(o: TemplateOptions): string {
  const fw = frameworkOrDefault(o.framework);
  const title = o.title ?? 'A short title that names the event';
  const lines = [
    '---',
    `title: ${yamlString(title)}`,
    `learner: ${o.learner ? yamlString(o.learner) : '""   # your anonymised learner id, e.g. L-014'}`,
    `unit: ${o.unit ? yamlString(o.unit) : '""   # the unit this evidences, e.g. CS3-SP'}`,
    'criteria: []   # the assessment criteria it evidences, e.g. ["2.1", "2.3"]',
    `date: ${o.date}`,
    `framework: ${fw.id}`,
    'word_target: 900',
    'status: draft',
    '---',
    '',
    `# ${title}`,
    '',
  ];
  for (const s of fw.sections) lines.push(`## ${s.name}`, '', `<!-- ${s.prompt.replace(/--/g, '—')} -->`, '', '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    framework: { type: 'string' },
    title: { type: 'string' },
    unit: { type: 'string' },
    learner: { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError('Give one file name at most, for example: starr init my-account.md');
  const framework = frameworkOption(values.framework as string | undefined);

  let target = path.resolve(io.cwd, positionals[0] ?? DEFAULT_NAME);
  try {
    if (fs.statSync(target).isDirectory()) target = path.join(target, DEFAULT_NAME);
  } catch {
    // Does not exist yet: the usual case.
  }
  const shown = displayPath(target, io.cwd);
  const text = accountTemplate({ framework, title: values.title as string | undefined, unit: values.unit as string | undefined, learner: values.learner as string | undefined, date: new Date().toISOString().slice(0, 10) });
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // 'wx' fails if the file exists, so an account is never overwritten, even in a race.
    fs.writeFileSync(target, text, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') io.stderr(`starr init: ${shown} already exists, and I never overwrite an account. Choose another name, e.g. starr init ${shown.replace(/(\.md)?$/, '-2.md')}\n`);
    else io.stderr(`starr init: ${systemErrorText('write', shown, e)}\n`);
    return EXIT_USAGE;
  }
  io.stdout(`Created ${shown}. Fill in the front matter and write each section, then run: starr check ${shown}\n`);
  return EXIT_OK;
}
