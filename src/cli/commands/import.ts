// `starr import draft.docx`: a Word draft becomes a reflective account in Markdown.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { frameworkChoices } from '../../core/data';
import { MAX_DOCX_BYTES, formatSize } from '../../convert/limits';
import { frameworkOption, parseOptions } from '../args';
import { displayPath, systemErrorText, writeFileAtomic } from '../node-host';
import { EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIO } from '../types';

const usage = `Usage: starr import <file.docx> [options]

Turn a Word document (.docx) into a reflective account in Markdown, ready to check. Word's heading
styles and bold labels such as "Situation:" become section headings, tables stay tables, and Word
comments become tutor feedback. Pictures, text colours and page layout are left out. The account
gets front matter (title, date, and the learner and unit if you give them).

Options:
  --out FILE        Where to write the account (default: beside the Word file, with .md)
  --force           Replace FILE if it already exists
  --framework ID    ${frameworkChoices(true)}
  --learner ID      Your anonymised learner id, for the front matter
  --unit ID         The unit the account evidences, e.g. CS3-SP
  -h, --help        Show this help

Word documents over 20 MB are not imported: save a copy with fewer or smaller pictures first.

Examples:
  starr import "My draft.docx"
  starr import drafts/refund.docx --out portfolio/refund.md --unit CS3-SP --learner L-014
`;

export const command: CliCommand = {
  name: 'import',
  summary: 'Turn a Word document (.docx) into a reflective account to check',
  usage,
  run,
};

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    out: { type: 'string' },
    force: { type: 'boolean' },
    framework: { type: 'string' },
    learner: { type: 'string' },
    unit: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('Name one Word document to import, for example: starr import my-draft.docx');
  const framework = frameworkOption(values.framework as string | undefined);
  // Loaded only when an import runs: the converters are large, and `starr check` never needs them.
  const { importDocx } = await import('../../convert');

  const source = path.resolve(io.cwd, positionals[0]);
  const shown = displayPath(source, io.cwd);
  let bytes: Uint8Array;
  try {
    const st = fs.statSync(source);
    if (!st.isFile()) {
      io.stderr(`starr import: ${shown} is a folder, not a Word document. Name the .docx file inside it.\n`);
      return EXIT_USAGE;
    }
    if (st.size > MAX_DOCX_BYTES) {
      io.stderr(`starr import: ${shown} is ${formatSize(st.size)}, more than the ${formatSize(MAX_DOCX_BYTES)} I import. Large files are mostly pictures: save a copy without them (or with them compressed) and import that.\n`);
      return EXIT_USAGE;
    }
    bytes = fs.readFileSync(source);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`starr import: ${code === 'ENOENT' ? `${shown}: no such file. Check the name and the folder.` : systemErrorText('read', shown, e)}\n`);
    return EXIT_USAGE;
  }

  const target = values.out ? path.resolve(io.cwd, values.out as string) : source.replace(/\.[^./\\]*$/, '') + '.md';
  const targetShown = displayPath(target, io.cwd);
  if (!values.force && fs.existsSync(target)) {
    io.stderr(`starr import: ${targetShown} already exists, and I never replace an account without being asked. Choose another name with --out, or add --force to replace it.\n`);
    return EXIT_USAGE;
  }
  const result = await importDocx(bytes, {
    fileName: path.basename(source),
    date: new Date().toISOString().slice(0, 10),
    framework,
    learner: values.learner as string | undefined,
    unit: values.unit as string | undefined,
  });
  if (!result.ok) {
    io.stderr(`starr import: ${shown}: ${result.problem}\n`);
    return EXIT_USAGE;
  }
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, new TextEncoder().encode(result.markdown));
  } catch (e) {
    io.stderr(`starr import: ${systemErrorText('write', targetShown, e)}\n`);
    return EXIT_USAGE;
  }
  for (const n of result.notes) io.stdout(`ℹ ${n}\n`);
  io.stdout(`Created ${targetShown} from ${shown}. Read it through, then run: starr check ${targetShown}\n`);
  return EXIT_OK;
}
