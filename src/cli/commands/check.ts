import { analyze, type AnalysisResult } from '../../analysis/analyze';
import { applyEdits } from '../../core/edits';
import { rules as allRules } from '../../rules';
import { choiceOption, intOption, parseOptions } from '../args';
import { LineIndex } from '../../core/lines';
import type { Finding, TextEdit } from '../../core/types';
import { accountInfo, countTotals, formatJson, formatSarif, formatText, palette, type AccountInfo, type FileReport } from '../format';
import { analyseInWorkers, threadCount, type WorkResult } from '../parallel';
import { VERSION_TEXT } from '../version';
import { collectAccounts, formatBytes, writeTextFile, type AccountFile, type ConfigResolver } from '../node-host';
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
  --framework ID            Check against this framework: starr, star, carl or gibbs
  --all-files               Check every Markdown file found, not only those that look like accounts
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

async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string' },
    quiet: { type: 'boolean' },
    'max-warnings': { type: 'string' },
    fix: { type: 'boolean' },
    config: { type: 'string' },
    framework: { type: 'string' },
    'all-files': { type: 'boolean' },
  });
  const format = choiceOption(values.format as string | undefined, 'format', FORMATS, 'text');
  const maxWarnings = intOption(values['max-warnings'] as string | undefined, 'max-warnings');
  if (!positionals.length) throw new UsageError('Name at least one file, folder or glob to check, for example: starr check portfolio/');

  const p = palette(io.colour && format === 'text');
  const problems: { message: string; severity: 'error' | 'warning' }[] = [];
  const onProblem = (message: string, severity: 'error' | 'warning' = 'error') => {
    problems.push({ message, severity });
    io.stderr(`${severity === 'error' ? p.red('✖') : p.yellow('⚠')} ${message}\n`);
  };

  const collected = collectAccounts(positionals, {
    cwd: io.cwd,
    configFile: values.config as string | undefined,
    framework: values.framework as string | undefined,
    allFiles: !!values['all-files'],
    onProblem,
  });
  if (values.config) {
    const bad = collected.resolver.checkExplicit();
    if (bad) {
      io.stderr(`starr check: ${bad}\n`);
      return EXIT_USAGE;
    }
  }

  const reports: FileReport[] = [];
  let warnings = 0;
  let errors = 0;
  const accounts = collected.accounts;
  // Many files and no --fix: check them on several threads (the real process only; tests stay in-process).
  let parallel: WorkResult[] | undefined;
  const threads = threadCount(accounts.length);
  if (!values.fix && io.workerScript && threads > 1) {
    try {
      parallel = await analyseInWorkers(io.workerScript, accounts.map((a) => ({ path: a.path, uri: a.uri, text: a.text })), { cwd: io.cwd, configFile: values.config as string | undefined, framework: values.framework as string | undefined }, threads);
    } catch {
      parallel = undefined; // Threads unavailable: check the files here instead.
    }
  }
  for (let i = 0; i < accounts.length; i++) {
    const file = accounts[i];
    let findings: Finding[];
    let info: AccountInfo;
    let took: number;
    let fixed = 0;
    let lines = new LineIndex(file.text);
    const pre = parallel?.[i];
    if (pre) {
      if (!pre.ok) {
        onProblem(`${file.uri}: STARR failed while checking this file (${pre.error}). Please report it with the file if you can.`);
        continue;
      }
      ({ findings, info } = pre);
      took = pre.ms;
    } else {
      const started = performance.now();
      let result: AnalysisResult;
      try {
        result = analyseFile(file, collected.resolver);
      } catch (e) {
        // A bug in one rule must not hide every other file's results.
        onProblem(`${file.uri}: STARR failed while checking this file (${(e as Error).message}). Please report it with the file if you can.`);
        continue;
      }
      let text = file.text;
      if (values.fix) {
        const r = fixFile(file, collected.resolver, result);
        result = r.result;
        fixed = r.fixed;
        if (r.text !== file.text) {
          try {
            writeTextFile(file.path, r.text, { bom: file.bom, encoding: file.encoding });
            text = r.text;
          } catch (e) {
            onProblem(`${file.uri}: the fixes could not be saved (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the file is unchanged.`);
            result = analyseFile(file, collected.resolver);
            fixed = 0;
          }
        }
      }
      findings = result.findings;
      info = accountInfo(result.account);
      took = performance.now() - started;
      // After --fix, positions refer to the text as saved.
      if (text !== file.text) lines = new LineIndex(text);
    }
    // Only big files: a small one is slow only while the process warms up or the machine is busy.
    if (took > SLOW_FILE_MS && file.text.length > SLOW_FILE_MIN_CHARS) {
      // micromark's cost grows with the square of a list's items, so a huge list-heavy file is slow; say why.
      const lists = (file.text.match(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]/gm) ?? []).length;
      io.stderr(`${p.dim('ℹ')} ${file.uri}: took ${(took / 1000).toFixed(1)} s to check (${formatBytes(file.text.length)}${lists > 1000 ? `, ${lists.toLocaleString('en-GB')} list items — very long lists are slow to parse` : ''}). A reflective account is usually under 50 KB.\n`);
    }
    // --quiet hides warnings from the output; --max-warnings still counts them.
    for (const f of findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    const shown = values.quiet ? findings.filter((f) => f.severity === 'error') : findings;
    reports.push({ uri: file.uri, path: file.path, info, positionAt: (o) => lines.positionAt(o), findings: shown, fixed });
  }

  const totals = countTotals(reports, { skipped: collected.skipped.length, unreadable: collected.unreadable.length });

  if (format === 'json') io.stdout(formatJson(reports, totals, VERSION_TEXT, problems.map((x) => x.message)));
  else if (format === 'sarif') io.stdout(formatSarif(reports, allRules, VERSION_TEXT, io.cwd, problems));
  else io.stdout(formatText(reports, totals, io.colour));

  let code = errors ? EXIT_FINDINGS : EXIT_OK;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`${p.red('✖')} Too many warnings: ${warnings}, and --max-warnings allows ${maxWarnings}.\n`);
    code = EXIT_FINDINGS;
  }
  if (!collected.accounts.length && !problems.length) {
    io.stderr('No reflective accounts were found to check. Name a file directly, or use --all-files to check every Markdown file.\n');
  }
  // A file that could not be read, or settings that could not be used, make the run incomplete.
  if (problems.some((x) => x.severity === 'error')) code = EXIT_USAGE;
  return code;
}

function analyseFile(file: AccountFile, resolver: ConfigResolver, text = file.text): AnalysisResult {
  return analyze(text, { config: file.config.resolved, path: file.uri, criteria: resolver.catalogFor(file.config) });
}

/**
 * Apply each finding's preferred fix, skipping any that overlaps one already taken, then analyse again,
 * until nothing changes (or a few passes). Returns the new text; the caller writes it only if it changed.
 */
export function fixFile(file: AccountFile, resolver: ConfigResolver, first: AnalysisResult): { text: string; result: AnalysisResult; fixed: number } {
  let text = file.text;
  let result = first;
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const chosen = chooseFixes(result, text.length);
    if (!chosen.count) break;
    const next = applyEdits(text, chosen.edits);
    if (next === text) break;
    text = next;
    fixed += chosen.count;
    result = analyseFile(file, resolver, text);
  }
  return { text, result, fixed };
}

/** The preferred fixes of a result that can be applied together: in range and not overlapping. */
export function chooseFixes(result: AnalysisResult, length: number): { edits: TextEdit[]; count: number } {
  const taken: TextEdit[] = [];
  let count = 0;
  const overlaps = (a: TextEdit, b: TextEdit) =>
    a.span.start < b.span.end && b.span.start < a.span.end ||
    // Two edits at the same point (or an insertion at the edge of a replacement) have no agreed order.
    a.span.start === b.span.start || a.span.end === b.span.end ||
    (a.span.start === a.span.end && a.span.start >= b.span.start && a.span.start <= b.span.end) ||
    (b.span.start === b.span.end && b.span.start >= a.span.start && b.span.start <= a.span.end);
  for (const f of result.findings) {
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
