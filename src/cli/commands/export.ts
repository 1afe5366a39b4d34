// `starr export account.md --format docx`: an account made ready to upload to an e-portfolio or paste into a form.
import * as path from 'node:path';
import { choiceOption, frameworkOption, parseOptions } from '../args';
import { displayPath, readProblemText, readTextFile, scanAccounts, systemErrorText, writeFileAtomic } from '../node-host';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, withInputProblems, type CliCommand, type CliIO } from '../types';

const FORMATS = ['docx', 'html', 'txt'] as const;

const usage = `Usage: starr export <files|folders…> [options]

Make an account ready to hand in: a Word document to upload to your e-portfolio, a web page to
print or save as PDF, or plain text to paste into a form. Headings become section titles, the front
matter becomes a table of details (learner, unit, criteria claimed, date, word count), and the
feedback markup is settled: suggested changes are accepted and comments removed.

An account is not exported while it still has errors (a missing section, personal data) or open
tutor comments; the reasons are listed. Each file is written beside its account, with the format's
extension, replacing an earlier export of the same name.

Options:
  --format FORMAT     docx (default), html or txt
  --out FILE          Where to write (one account only)
  --include-feedback  Keep tutor feedback: as Word comments in .docx, in brackets in html and txt
  --criteria-table    Add a table of the criteria claimed and where the account evidences each
  --force             Export even if the account still has errors
  --config FILE       Use this .starr.yaml instead of searching for one
  --framework ID      Read the accounts with this framework
  -h, --help          Show this help

Examples:
  starr export portfolio/refund.md
  starr export portfolio --format html
  starr export refund.md --format docx --out "Refund account.docx" --include-feedback
`;

export const command: CliCommand = {
  name: 'export',
  summary: 'Export accounts for submission as Word (.docx), a web page (.html) or text (.txt)',
  usage,
  run,
};

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string' },
    out: { type: 'string' },
    'include-feedback': { type: 'boolean' },
    'criteria-table': { type: 'boolean' },
    force: { type: 'boolean' },
    config: { type: 'string' },
    framework: { type: 'string' },
  });
  if (!positionals.length) throw new UsageError('Name the account (or folder of accounts) to export, for example: starr export my-account.md');
  const format = choiceOption(values.format as string | undefined, 'format', FORMATS, 'docx');
  const framework = frameworkOption(values.framework as string | undefined);
  const collected = scanAccounts(positionals, { cwd: io.cwd, configFile: values.config as string | undefined, framework, onProblem: (m) => io.stderr(`${m}\n`) });
  const explicit = collected.resolver.checkExplicit();
  if (explicit) {
    io.stderr(`${explicit}\n`);
    return EXIT_USAGE;
  }
  if (values.out && collected.accounts.length > 1) throw new UsageError('--out names one file, but there is more than one account to export. Leave out --out to write each export beside its account.');
  if (!collected.accounts.length) {
    if (!collected.unmatched.length && !collected.unreadable.length) io.stderr('starr export: I found no reflective accounts to export there.\n');
    return EXIT_USAGE;
  }
  // Loaded only when an export runs: the converters are large, and `starr check` never needs them.
  const { exportAccount } = await import('../../convert');
  const inputs = new Set(collected.accounts.map((a) => a.path));
  let refused = 0;
  let written = 0;
  for (const a of collected.accounts) {
    const r = readTextFile(a.path);
    if (!r.ok) {
      io.stderr(`${readProblemText(a.uri, r)}\n`);
      collected.unreadable.push(a.uri);
      continue;
    }
    const target = values.out ? path.resolve(io.cwd, values.out as string) : a.path.replace(/\.[^./\\]*$/, '') + `.${format}`;
    const shown = displayPath(target, io.cwd);
    if (inputs.has(target) || /\.(md|markdown)$/i.test(target)) {
      io.stderr(`starr export: I did not write ${shown}, because it ${inputs.has(target) ? 'is the account itself' : 'is a Markdown file, and may be an account'}. Choose another name with --out.\n`);
      return EXIT_USAGE;
    }
    const result = await exportAccount(r.text, {
      format,
      config: a.config.resolved,
      catalog: collected.resolver.catalogFor(a.config),
      path: a.uri,
      includeFeedback: !!values['include-feedback'],
      criteriaTable: !!values['criteria-table'],
      force: !!values.force,
    });
    if (!result.ok) {
      refused++;
      const why = result.why === 'errors'
        ? `${a.uri} was not exported: it still has ${result.reasons.length === 1 ? 'an error' : `${result.reasons.length} errors`}. Fix ${result.reasons.length === 1 ? 'it' : 'them'} (starr check ${a.uri} says how), or add --force to export it anyway.`
        : `${a.uri} was not exported: it has open tutor feedback. Reply to it and resolve it first, or add --include-feedback to hand it in with the feedback.`;
      io.stderr(`✖ ${why}\n${result.reasons.map((x) => `    ${x}\n`).join('')}`);
      continue;
    }
    try {
      writeFileAtomic(target, result.bytes);
    } catch (e) {
      io.stderr(`starr export: ${systemErrorText('write', shown, e)}\n`);
      return EXIT_USAGE;
    }
    written++;
    io.stdout(`Exported ${a.uri} to ${shown}.\n${result.notes.map((n) => `  ℹ ${n}\n`).join('')}`);
  }
  if (refused) io.stderr(`${written} exported, ${refused} not exported.\n`);
  return withInputProblems(refused ? EXIT_FINDINGS : EXIT_OK, collected);
}
