// `starr report <folder>`: the quality-assurance report, one row per account plus a summary.
import * as path from 'node:path';
import { choiceOption, parseOptions } from '../args';
import { loadPortfolio, writeTextFile } from '../node-host';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIO } from '../types';
import { buildReport, gapsFromCatalog, renderReport, type QualityReport, type ReportFormat } from '../../core/report';

export const REPORT_FORMATS = ['md', 'csv', 'json', 'html'] as const;

const usage = `Usage: starr report <folder|files|globs…> [options]

A quality-assurance report: one row per account (learner, unit, date, status, sections present,
words, findings by severity, criteria claimed, open feedback) and a summary (totals, accounts with
errors, most common findings, criteria gaps per learner).

Options:
  --format FORMAT    md (default), csv, json or html (a standalone page)
  --out FILE         Write the report to FILE instead of the screen
  --config FILE      Use this .starr.yaml instead of searching for one
  -h, --help         Show this help`;

/** Write a report to --out or stdout; shared by report and sample. */
export function emit(text: string, out: string | undefined, io: CliIO, what: string): number {
  if (!out) {
    io.stdout(text);
    return EXIT_OK;
  }
  const file = path.resolve(io.cwd, out);
  try {
    writeTextFile(file, text);
  } catch (e) {
    io.stderr(`starr: could not write ${out}: ${(e as Error).message}. Check the folder exists and you can write to it.\n`);
    return EXIT_USAGE;
  }
  io.stderr(`Wrote the ${what} to ${out}.\n`);
  return EXIT_OK;
}

/** Load the portfolio and build the options every QA command shares. */
export function loadForReport(inputs: string[], io: CliIO, config?: string) {
  const portfolio = loadPortfolio(inputs.length ? inputs : ['.'], { cwd: io.cwd, configFile: config, onProblem: (m) => io.stderr(`${m}\n`) });
  const gaps = portfolio.catalog.size ? gapsFromCatalog(portfolio.catalog) : undefined;
  return { portfolio, options: { ...(gaps ? { gaps } : {}) } };
}

export const command: CliCommand = {
  name: 'report',
  summary: 'Quality-assurance report of a portfolio (Markdown, CSV, JSON or HTML)',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(args, { format: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' } });
    if (values.help) {
      io.stdout(`${usage}\n`);
      return EXIT_OK;
    }
    const format: ReportFormat = choiceOption(values.format, 'format', REPORT_FORMATS, 'md');
    const { portfolio, options } = loadForReport(positionals, io, values.config);
    const report: QualityReport = buildReport(portfolio.index.all(), options);
    if (!report.rows.length) io.stderr('No reflective accounts were found there, so the report is empty.\n');
    return emit(renderReport(report, format), values.out, io, 'report');
  },
};
