// `starr report <folder>`: the quality-assurance report, one row per account plus a summary.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { choiceOption, parseOptions } from '../args';
import { chunked, systemErrorText, writeTextFile, writeTextPartsAtomic } from '../node-host';
import { CACHE_OPTIONS, cacheSettings, loadPortfolio } from '../load';
import { SummarySpill, type SpilledSummary } from '../spill';
import { EXIT_OK, EXIT_USAGE, withInputProblems, type CliCommand, type CliIO } from '../types';
import type { AccountSummary } from '../../core/portfolio';
import { gapsFromCatalog, reportParts, reportSource, type ReportFormat } from '../../core/report';

export const REPORT_FORMATS = ['md', 'csv', 'json', 'html'] as const;

const usage = `Usage: starr report <folder|files|globs…> [options]

A quality-assurance report: one row per account (learner, unit, date, status, sections present,
words, findings by severity, criteria claimed, open feedback) and a summary (totals, accounts with
errors, most common findings, criteria gaps per learner).

Options:
  --format FORMAT    md (default), csv, json or html (a standalone page)
  --out FILE         Write the report to FILE instead of the screen (never over a Markdown file
                     or an account unless --force)
  --force            Let --out replace an existing Markdown file
  --config FILE      Use this .starr.yaml instead of searching for one
  --cache            Keep each account's results and analyse again only what changed
  --cache-location P Where to keep them (default: .starrcache in the working folder)
  -h, --help         Show this help`;

/** Where --out may not write without --force: a Markdown file, or any file that was read as an input. */
function mayNotReplace(file: string, inputs: Iterable<string>): string | undefined {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return undefined; // does not exist yet
  }
  for (const input of inputs) {
    try {
      if (fs.realpathSync(input) === real) return 'it is one of the accounts being read';
    } catch {
      // An input that has gone since: it cannot be this file.
    }
  }
  if (/\.(md|markdown|mdown|mkd|txt)$/i.test(real)) return 'it is an existing Markdown or text file, and may be an account';
  return undefined;
}

type Guard = { inputs?: Iterable<string>; force?: boolean };

/** Write a report to --out or stdout; shared by report and sample. Never replaces an input or a Markdown file unless forced. */
export function emit(text: string, out: string | undefined, io: CliIO, what: string, guard: Guard = {}): number {
  if (!out) {
    io.stdout(text);
    return EXIT_OK;
  }
  return emitToFile(out, io, what, guard, (file) => writeTextFile(file, text));
}

/**
 * Write a report given a piece at a time, never held whole: to stdout in chunks, waiting while a slow pipe
 * drains, or to --out as `emit` does.
 */
async function emitParts(parts: Iterable<string>, out: string | undefined, io: CliIO, what: string, guard: Guard = {}): Promise<number> {
  if (out) return emitToFile(out, io, what, guard, (file) => writeTextPartsAtomic(file, parts));
  for (const chunk of chunked(parts)) {
    io.stdout(chunk);
    await io.drain?.();
  }
  return EXIT_OK;
}

function emitToFile(out: string, io: CliIO, what: string, guard: Guard, write: (file: string) => void): number {
  const file = path.resolve(io.cwd, out);
  const why = guard.force ? undefined : mayNotReplace(file, guard.inputs ?? []);
  if (why) {
    io.stderr(`starr: I did not write the ${what} to ${out}, because ${why}. Choose another file name, or add --force to replace it.\n`);
    return EXIT_USAGE;
  }
  try {
    write(file);
  } catch (e) {
    io.stderr(`starr: ${systemErrorText('write', out, e)}\n`);
    return EXIT_USAGE;
  }
  io.stderr(`Wrote the ${what} to ${out}.\n`);
  return EXIT_OK;
}

/** The files a QA command read, as absolute paths. */
export function inputPaths(portfolio: { accounts: { path: string }[] }): string[] {
  return portfolio.accounts.map((a) => a.path);
}

/**
 * Load the portfolio and build the options every QA command shares. The summaries go to `spill` (on disk);
 * `refs` says where each is, in the portfolio's order.
 */
export async function loadForReport(inputs: string[], io: CliIO, values: { config?: string; cache?: boolean; 'cache-location'?: string }, spill: SummarySpill) {
  const refs: SpilledSummary[] = [];
  const onSummary = (s: AccountSummary) => void refs.push(spill.add(s));
  const portfolio = await loadPortfolio(inputs.length ? inputs : ['.'], { cwd: io.cwd, configFile: values.config, onProblem: (m) => io.stderr(`${m}\n`), workerScript: io.workerScript, cache: cacheSettings(values, io), onSummary });
  // The portfolio index's order, which the reports were always built in.
  refs.sort((a, b) => a.uri.localeCompare(b.uri));
  const catalog = portfolio.catalog;
  const gaps = catalog.size ? gapsFromCatalog(catalog) : undefined;
  return { portfolio, refs, options: { ...(gaps ? { gaps, unitKey: (u: string | undefined) => catalog.unit(u)?.set.id ?? '' } : {}) } };
}

export const command: CliCommand = {
  name: 'report',
  summary: 'Quality-assurance report of a portfolio (Markdown, CSV, JSON or HTML)',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(args, { format: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' }, force: { type: 'boolean' }, ...CACHE_OPTIONS });
    if (values.help) {
      io.stdout(`${usage}\n`);
      return EXIT_OK;
    }
    const format: ReportFormat = choiceOption(values.format, 'format', REPORT_FORMATS, 'md');
    const spill = new SummarySpill();
    try {
      const { portfolio, refs, options } = await loadForReport(positionals, io, values, spill);
      // Each account's summary is read back from the spill when its turn comes.
      const report = reportSource(refs, (r) => spill.get(r), options);
      if (!report.count) io.stderr('No reflective accounts were found there, so the report is empty.\n');
      const code = await emitParts(reportParts(report, format), values.out, io, 'report', { inputs: inputPaths(portfolio), force: values.force });
      return withInputProblems(code, portfolio);
    } finally {
      spill.close();
    }
  },
};
