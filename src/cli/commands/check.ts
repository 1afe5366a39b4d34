import { frameworkChoices } from '../../core/data';
import { applyEdits } from '../../core/edits';
import { LineIndex } from '../../core/lines';
import type { Finding, TextEdit } from '../../core/types';
import { rules as allRules } from '../../rules';
import { choiceOption, frameworkOption, intOption, parseOptions } from '../args';
import { accountInfo, addToTotals, emptyTotals, jsonWriter, palette, sarifWriter, textWriter, type AccountInfo, type FileReport, type Palette, type Totals } from '../format';
import { analyseAccounts } from '../load';
import { analyseFile, type CheckOutput } from '../parallel';
import { VERSION_TEXT } from '../version';
import { formatBytes, readProblemText, readTextFile, scanAccounts, systemErrorText, writeTextFile, type AccountRef, type CollectResult } from '../node-host';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIO } from '../types';

const FORMATS = ['text', 'json', 'sarif'] as const;
/** --fix re-analyses after each round of edits; fixes that overlap wait for the next round. */
const MAX_FIX_PASSES = 5;
/** Files slower than this get a note on stderr saying why. */
const SLOW_FILE_MS = 1000;
const SLOW_FILE_MIN_CHARS = 100_000;

const usage = `Usage: starr check <files|folders|globs…> [options]

Check reflective accounts and list what an assessor would question.
Folders are searched for Markdown files (node_modules and dot-folders are skipped); files found
this way are checked when they look like accounts (front matter with unit, framework or criteria,
or two or more section headings). Files you name are always checked. Quote globs: "portfolio/**/*.md".

Options:
  --format text|json|sarif  Output format (default: text)
  --quiet                   Show errors only
  --max-warnings N          Fail (exit 1) when there are more than N warnings
  --fix                     Apply the safe fixes and save the files (only when something changed)
  --config FILE             Use this settings file instead of the nearest .starr.yaml
  --framework ID            Check against this framework: ${frameworkChoices()}
  --all-files               Check every Markdown file found, not only those that look like accounts
  --verbose                 Also show the YAML reader's own words under a YAML mistake (front matter, settings, criteria sets)
  --cache                   Keep each file's results and check again only files (or settings) that changed
  --cache-location PATH     Where to keep them (default: .starrcache in the working folder)
  -h, --help                Show this help

Output: path:line:col  severity  message  [rule-id], then a summary.
Exit codes: 0 no errors · 1 errors found, or more warnings than --max-warnings · 2 usage, settings or file problem.

Examples:
  starr check examples/portfolio
  starr check "portfolio/**/*.md" --max-warnings 0
  starr check account.md --fix
  starr check portfolio --format sarif > starr.sarif
`;

export const command: CliCommand = {
  name: 'check',
  summary: 'Check accounts (files, folders or globs) and list problems; --fix applies safe fixes',
  usage,
  run,
};

// `starr check` runs in stages, each a small function over plain data: collect the files, analyse them (on
// threads when there are many), apply fixes, report. Each file goes through analyse and fix in turn.

interface CheckOptions {
  inputs: string[];
  format: (typeof FORMATS)[number];
  quiet: boolean;
  maxWarnings?: number;
  fix: boolean;
  configFile?: string;
  framework?: string;
  allFiles: boolean;
  /** Show the words of the tools behind a message (the YAML reader's). */
  verbose: boolean;
  cache: boolean;
  cacheLocation?: string;
}

/** Problems that are not findings (unreadable files, broken settings, a failing rule), shown as they happen. */
interface Problems {
  list: { message: string; severity: 'error' | 'warning' }[];
  report(message: string, severity?: 'error' | 'warning'): void;
}

/**
 * One file analysed (and fixed): all its findings and the time it took. `text` is kept only when --fix changed
 * the file (positions then refer to the text as saved); otherwise the file is read again if a format needs it.
 */
interface Checked {
  file: AccountRef;
  text?: string;
  findings: Finding[];
  info: AccountInfo;
  ms: number;
  fixed: number;
}

/** What has been written so far: the totals of what is shown, and every error and warning (--quiet or not). */
interface Tally {
  totals: Totals;
  errors: number;
  warnings: number;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const options = parseCheckOptions(args);
  const p = palette(io.colour && options.format === 'text');
  const problems = problemLog(io, p);
  const collected = collect(options, io, problems);
  if (!collected) return EXIT_USAGE;
  const sink = outputSink(io);
  const write = sink.write;
  const out =
    options.format === 'json' ? jsonWriter(write, VERSION_TEXT)
    : options.format === 'sarif' ? sarifWriter(write, allRules, VERSION_TEXT, io.cwd, collected.accounts)
    : textWriter(write, io.colour);
  await sink.flush();
  const tally: Tally = { totals: emptyTotals({ skipped: collected.skipped.length, unreadable: collected.unreadable.length }), errors: 0, warnings: 0 };
  for await (const [file, result] of analyse(collected, options, io)) {
    if (!result.ok) {
      if (result.unreadable) {
        // Gone or locked since it was found: counted with the files that could not be read.
        problems.report(result.error);
        collected.unreadable.push(file.uri);
        tally.totals.unreadable++;
      } else problems.report(`${file.uri}: STARR failed while checking this file (${result.error}). Please report it with the file if you can.`);
      continue;
    }
    const { findings, info } = result.value as CheckOutput;
    let c: Checked = { file, findings, info, ms: result.ms, fixed: 0 };
    if (options.fix) c = fix(c, collected, problems);
    noteIfSlow(c, io, p);
    // Written, then let go: nothing of a file is kept once its findings are out.
    out.file(fileReport(c, options, tally));
    await sink.flush();
  }
  const { code, tooManyWarnings } = exitCode(tally, collected, options, problems);
  out.end(tally.totals, problems.list);
  await sink.flush();
  afterOutput(tally, tooManyWarnings, collected, options, problems, io, p);
  return code;
}

/** Output chunk size: what a pipe is handed before STARR waits for it to drain. */
const CHUNK = 64 * 1024;

/**
 * What the formats write, handed to stdout a chunk at a time, and after each file, waiting while a slow pipe
 * drains: a pipe's writes are queued in memory, so writing faster than it is read would pile output up. A long
 * stretch written at once (SARIF's list of every file, before any result) goes out as it is made rather than
 * being held whole: over 100,000 files that list alone is tens of megabytes.
 */
function outputSink(io: CliIO): { write(s: string): void; flush(): Promise<void> } {
  let parts: string[] = [];
  let size = 0;
  const hand = () => {
    if (!parts.length) return;
    io.stdout(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(s) {
      parts.push(s);
      size += s.length;
      if (size >= CHUNK) hand();
    },
    async flush() {
      hand();
      await io.drain?.();
    },
  };
}

function parseCheckOptions(args: string[]): CheckOptions {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string' },
    quiet: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    fix: { type: 'boolean' },
    config: { type: 'string' },
    framework: { type: 'string' },
    'all-files': { type: 'boolean' },
    verbose: { type: 'boolean' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
  });
  const format = choiceOption(values.format as string | undefined, 'format', FORMATS, 'text');
  const maxWarnings = intOption(values['max-warnings'] as string | undefined, 'max-warnings');
  const framework = frameworkOption(values.framework as string | undefined);
  if (!positionals.length) throw new UsageError('Name at least one file, folder or glob to check, for example: starr check portfolio/');
  return {
    inputs: positionals,
    format,
    quiet: !!values.quiet,
    maxWarnings,
    fix: !!values.fix,
    configFile: values.config as string | undefined,
    framework,
    allFiles: !!values['all-files'],
    verbose: !!values.verbose,
    cache: !!values.cache,
    cacheLocation: values['cache-location'] as string | undefined,
  };
}

function problemLog(io: CliIO, p: Palette): Problems {
  const list: Problems['list'] = [];
  return {
    list,
    report(message, severity = 'error') {
      list.push({ message, severity });
      io.stderr(`${severity === 'error' ? p.red('✖') : p.yellow('⚠')} ${message}\n`);
    },
  };
}

/**
 * Stage 1: the files to check, with their settings (read once to tell they are accounts; the text is not
 * kept). Undefined when the `--config` file named cannot be read.
 */
function collect(options: CheckOptions, io: CliIO, problems: Problems): CollectResult | undefined {
  const collected = scanAccounts(options.inputs, {
    cwd: io.cwd,
    configFile: options.configFile,
    framework: options.framework,
    allFiles: options.allFiles,
    digest: options.cache,
    verbose: options.verbose,
    onProblem: (message, severity) => problems.report(message, severity),
  });
  const bad = options.configFile ? collected.resolver.checkExplicit() : undefined;
  if (bad) {
    io.stderr(`starr check: ${bad}\n`);
    return undefined;
  }
  return collected;
}

/**
 * Stage 2: each file with its analysis, in order: from the cache (--cache) when it holds the file's result,
 * else on several threads when there are many files (the real process only; tests stay in-process).
 */
function analyse(collected: CollectResult, options: CheckOptions, io: CliIO) {
  const note = (m: string) => io.stderr(`ℹ ${m}\n`);
  return analyseAccounts(collected, {
    mode: 'check',
    cwd: io.cwd,
    configFile: options.configFile,
    framework: options.framework,
    workerScript: io.workerScript,
    cache: options.cache ? { location: options.cacheLocation, note } : undefined,
  });
}

/** Stage 3 (--fix): apply the safe fixes, save the file if it changed, and keep the analysis of what was saved. */
function fix(c: Checked, collected: CollectResult, problems: Problems): Checked {
  const start = performance.now();
  const { file } = c;
  if (!c.findings.some((f) => f.fixes?.some((x) => x.preferred))) return c;
  const read = readTextFile(file.path);
  if (!read.ok) {
    problems.report(readProblemText(file.uri, read));
    return c;
  }
  const r = fixFile({ ...file, text: read.text }, collected, c.findings);
  const ms = c.ms + performance.now() - start;
  if (r.text === read.text) return { ...c, findings: r.findings, info: r.info ?? c.info, ms, fixed: r.fixed };
  try {
    writeTextFile(file.path, r.text, { bom: file.bom, encoding: file.encoding });
  } catch (e) {
    problems.report(`${systemErrorText('write', file.uri, e)} The fixes were not saved; the file is unchanged.`);
    return { ...c, ms };
  }
  // Positions now refer to the text as saved.
  return { ...c, text: r.text, findings: r.findings, info: r.info ?? c.info, ms, fixed: r.fixed };
}

/**
 * Apply each finding's preferred fix, skipping any that overlaps one already taken, then analyse again,
 * until nothing changes (or a few passes). Returns the new text; the caller writes it only if it changed.
 */
function fixFile(file: AccountRef & { text: string }, { resolver }: CollectResult, first: Finding[]): { text: string; findings: Finding[]; info?: AccountInfo; fixed: number } {
  let text = file.text;
  let findings = first;
  let info: AccountInfo | undefined;
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const chosen = chooseFixes(findings, text.length);
    if (!chosen.count) break;
    const next = applyEdits(text, chosen.edits);
    if (next === text) break;
    text = next;
    fixed += chosen.count;
    const result = analyseFile(resolver, { ...file, text }, file.config);
    findings = result.findings;
    info = accountInfo(result.account);
  }
  return { text, findings, info, fixed };
}

/** Only big files: a small one is slow only while the process warms up or the machine is busy. */
function noteIfSlow({ file, ms }: Checked, io: CliIO, p: Palette): void {
  if (ms <= SLOW_FILE_MS || file.chars <= SLOW_FILE_MIN_CHARS) return;
  // List items are among the costliest things for the parser, so a huge list-heavy file is slow; say why.
  const read = readTextFile(file.path);
  const lists = read.ok ? (read.text.match(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]/gm) ?? []).length : 0;
  io.stderr(`${p.dim('ℹ')} ${file.uri}: took ${(ms / 1000).toFixed(1)} s to check (${formatBytes(file.chars)}${lists > 1000 ? `, ${lists.toLocaleString('en-GB')} list items — very long lists are slow to parse` : ''}). A reflective account is usually under 50 KB.\n`);
}

/**
 * Stage 4a: one file as the formats need it, counted into the totals. Positions of fix edits (SARIF only) need
 * the file's lines, so it is read again the first time one is asked for.
 */
function fileReport(c: Checked, options: CheckOptions, tally: Tally): FileReport {
  // --quiet hides warnings from the output; --max-warnings still counts them.
  for (const f of c.findings) {
    if (f.severity === 'error') tally.errors++;
    else if (f.severity === 'warning') tally.warnings++;
  }
  let lines: LineIndex | undefined;
  const positionAt = (offset: number) => {
    if (!lines) {
      const read = c.text === undefined ? readTextFile(c.file.path) : undefined;
      lines = new LineIndex(c.text ?? (read?.ok ? read.text : ''));
    }
    return lines.positionAt(offset);
  };
  let shown = options.quiet ? c.findings.filter((f) => f.severity === 'error') : c.findings;
  // The parser's own words help someone debugging STARR, not a learner: only on request.
  if (!options.verbose) shown = shown.map((f) => (f.detail === undefined ? f : { ...f, detail: undefined }));
  const report: FileReport = { uri: c.file.uri, path: c.file.path, info: c.info, positionAt, findings: shown, fixed: c.fixed };
  addToTotals(tally.totals, report);
  return report;
}

/**
 * Stage 4b: the exit code, once every file is analysed and before the summary is written (the summary never
 * shows ✔ on a failing run): it goes into the totals, with the problems that make the run incomplete.
 */
function exitCode({ totals, errors, warnings }: Tally, collected: CollectResult, options: CheckOptions, problems: Problems): { code: number; tooManyWarnings: boolean } {
  let code = errors ? EXIT_FINDINGS : EXIT_OK;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) code = EXIT_FINDINGS;
  // A path that matched nothing, a file that could not be read, or settings that could not be used make the run incomplete.
  const incomplete = problems.list.filter((x) => x.severity === 'error').length;
  if (incomplete) code = EXIT_USAGE;
  // Files that could not be read have their own note in the summary.
  totals.problems = incomplete - collected.unreadable.length;
  totals.exitCode = code;
  return { code, tooManyWarnings };
}

/** Stage 4c: what is said on stderr once the output is written. */
function afterOutput({ warnings }: Tally, tooManyWarnings: boolean, collected: CollectResult, options: CheckOptions, problems: Problems, io: CliIO, p: Palette): void {
  if (tooManyWarnings) io.stderr(`${p.red('✖')} Too many warnings: ${warnings}, and --max-warnings allows ${options.maxWarnings}.\n`);
  if (!collected.accounts.length && !problems.list.length) {
    io.stderr('No reflective accounts were found to check. Name a file directly, or use --all-files to check every Markdown file.\n');
  }
}

/** The preferred fixes among findings that can be applied together: in range and not overlapping. */
function chooseFixes(findings: Finding[], length: number): { edits: TextEdit[]; count: number } {
  const taken: TextEdit[] = [];
  let count = 0;
  const overlaps = (a: TextEdit, b: TextEdit) =>
    a.span.start < b.span.end && b.span.start < a.span.end ||
    // Two edits at the same point (or an insertion at the edge of a replacement) have no agreed order.
    a.span.start === b.span.start || a.span.end === b.span.end ||
    (a.span.start === a.span.end && a.span.start >= b.span.start && a.span.start <= b.span.end) ||
    (b.span.start === b.span.end && b.span.start >= a.span.start && b.span.start <= a.span.end);
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.preferred);
    if (!fix || !fix.edits.length) continue;
    const ok = fix.edits.every((e) => e.span.start >= 0 && e.span.end <= length && e.span.start <= e.span.end);
    if (!ok) continue;
    const self = fix.edits.some((e, i) => fix.edits.some((g, j) => i < j && overlaps(e, g)));
    if (self || fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
    count++;
  }
  return { edits: taken, count };
}
