// `starr coverage <folder>`: which criteria of each unit the accounts evidence, as a table, CSV, JSON or Markdown.
import { choiceOption, parseOptions } from '../args';
import { CACHE_OPTIONS, cacheSettings, loadPortfolio } from '../load';
import { EXIT_FINDINGS, EXIT_OK, UsageError, withInputProblems, type CliCommand, type CliIO } from '../types';
import {
  computeCoverage, coverageByLearner, coverageCsv, coverageSummary, coverageMarkdown, STATE_TEXT, WEAK_REASON_TEXT,
  type CoverageOptions, type CoverageReport, type CoverageState, type EvidenceRef,
} from '../../core/coverage';
import { TEMPLATE_REASON_TEXT } from '../../core/portfolio';

const FORMATS = ['table', 'csv', 'json', 'md'] as const;

const usage = `Usage: starr coverage <folder|files|globs…> [options]

Shows which assessment criteria of each unit the accounts evidence:
  covered      an account with no errors references it in the text
  weak         only claimed in front matter, only in accounts with errors,
               or the command verb (evaluate, analyse, explain) is not met
  not covered  no account evidences it

Options:
  --unit ID          Only this unit (shown even when no account names it)
  --learner ID       Only this learner's accounts
  --by-learner       One report per learner (table, md, json)
  --all-units        Show every loaded unit, even those no account names
  --format FORMAT    table (default), csv, json or md (the criteria × accounts matrix)
  --require-full     Exit with code 1 when any criterion is not covered
  --config FILE      Use this .starr.yaml instead of searching for one
  --cache            Keep each account's results and analyse again only what changed
  --cache-location P Where to keep them (default: .starrcache in the working folder)
  -h, --help         Show this help

Units come from the bundled criteria sets and the folders listed under criteria: in .starr.yaml.`;

export const command: CliCommand = {
  name: 'coverage',
  summary: 'Show which unit criteria the accounts evidence (covered, weak, not covered)',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(args, {
      unit: { type: 'string', multiple: true },
      learner: { type: 'string' },
      'by-learner': { type: 'boolean' },
      'all-units': { type: 'boolean' },
      format: { type: 'string' },
      'require-full': { type: 'boolean' },
      config: { type: 'string' },
      ...CACHE_OPTIONS,
    });
    if (values.help) {
      io.stdout(`${usage}\n`);
      return EXIT_OK;
    }
    const format = choiceOption(values.format, 'format', FORMATS, 'table');
    if (values['by-learner'] && format === 'csv') throw new UsageError('--by-learner cannot be used with --format csv; use --learner ID for one learner at a time.');
    const inputs = positionals.length ? positionals : ['.'];
    const portfolio = await loadPortfolio(inputs, { cwd: io.cwd, configFile: values.config, onProblem: (m) => io.stderr(`${m}\n`), workerScript: io.workerScript, cache: cacheSettings(values, io), keep: coverageSummary() });
    const { catalog } = portfolio;
    const units = values.unit ?? [];
    for (const u of units) {
      if (!catalog.hasUnit(u)) {
        throw new UsageError(`--unit ${u}: no criteria set has this unit. Units I know: ${catalog.units().map((x) => x.set.id).join(', ') || 'none'}.`);
      }
    }
    const options: CoverageOptions = { units, allUnits: values['all-units'], learner: values.learner };
    const summaries = portfolio.index.all();
    const reports = values['by-learner'] ? coverageByLearner(summaries, catalog, options) : [computeCoverage(summaries, catalog, options)];

    if (format === 'json') {
      const problems = catalog.problems.map((p) => ({ source: p.source, line: p.line, column: p.column, severity: p.severity, message: p.message }));
      io.stdout(`${JSON.stringify({ version: 1, reports, criteriaProblems: problems }, null, 2)}\n`);
    } else if (format === 'csv') io.stdout(coverageCsv(reports[0]));
    else if (format === 'md') io.stdout(reports.map((r) => coverageMarkdown(r)).join('\n'));
    else io.stdout(reports.map((r) => table(r, io.colour, summaries.length)).join('\n'));

    const uncovered = reports.reduce((n, r) => n + r.counts.uncovered, 0);
    return withInputProblems(values['require-full'] && uncovered > 0 ? EXIT_FINDINGS : EXIT_OK, portfolio);
  },
};


const MARK: Record<CoverageState, string> = { covered: '✓', weak: '~', uncovered: '✗' };
const COLOUR: Record<CoverageState, string> = { covered: '\x1b[32m', weak: '\x1b[33m', uncovered: '\x1b[31m' };

function where(uri: string, r: EvidenceRef): string {
  const at = r.line !== undefined ? `${uri}:${r.line + 1}` : uri;
  return `${at} (${r.source === 'front-matter' ? 'front matter' : r.sectionName ?? 'text'})`;
}

/** A plain terminal report: unit, outcome, criterion with its state and where it is evidenced. */
function table(report: CoverageReport, colour: boolean, accountCount: number): string {
  const c = (s: CoverageState, text: string) => (colour ? `${COLOUR[s]}${text}\x1b[0m` : text);
  const bold = (text: string) => (colour ? `\x1b[1m${text}\x1b[0m` : text);
  const dim = (text: string) => (colour ? `\x1b[2m${text}\x1b[0m` : text);
  const out: string[] = [];
  if (report.learner) out.push(bold(`Learner ${report.learner}`), '');
  if (!report.units.length) {
    out.push(accountCount
      ? 'No account names a unit that has a criteria set. Add `unit:` to each account\'s front matter (e.g. unit: CS3-SP), or run with --all-units.'
      : 'No reflective accounts found here.');
  }
  for (const u of report.units) {
    const origin = u.origin === 'centre' ? `centre set ${u.source}` : 'bundled set';
    out.push(bold(`${u.unit.id} — ${u.unit.title}`) + dim(`  (Level ${u.unit.level}, ${origin}, version ${u.unit.version})`));
    out.push(`${c('covered', `${u.counts.covered}/${u.counts.total} covered`)} · ${c('weak', `${u.counts.weak} weak`)} · ${c('uncovered', `${u.counts.uncovered} not covered`)} · ${u.accounts.length} account${u.accounts.length === 1 ? '' : 's'}`);
    for (const o of u.outcomes) {
      out.push('', `  Outcome ${o.outcome.id}: ${o.outcome.title}  ${dim(`${o.counts.covered}/${o.counts.total}`)}`);
      for (const cr of o.criteria) {
        out.push(`    ${c(cr.state, `${MARK[cr.state]} ${cr.criterion.id.padEnd(5)} ${STATE_TEXT[cr.state].padEnd(11)}`)} ${cr.criterion.text} ${dim(`[${cr.criterion.verb}]`)}`);
        for (const reason of cr.reasons) out.push(`              ${c('weak', `weak: ${WEAK_REASON_TEXT[reason]}`)}`);
        for (const a of cr.accounts) {
          const first = a.refs.find((r) => r.source === 'inline') ?? a.refs[0];
          const note = a.state === 'weak' ? c('weak', `  (${a.reasons.join(', ')})`) : '';
          out.push(`              ${dim(where(a.uri, first))}${note}`);
        }
      }
    }
    for (const o of u.overClaims) {
      out.push('', c('weak', `  Over-claiming: ${o.uri} claims ${o.claimed.length} of ${o.total} criteria of ${u.unit.id}. Evidence each criterion properly, usually across several accounts.`));
    }
    for (const k of u.unknown) out.push(c('weak', `  ${k.uri}${k.line !== undefined ? `:${k.line + 1}` : ''}: criterion ${k.id} is not in ${u.unit.id}.`));
    out.push('');
  }
  if (report.unassigned.length) {
    out.push(bold('Accounts not placed in a unit'));
    for (const a of report.unassigned) {
      out.push(`  ${a.uri}: ${a.reason === 'no-unit' ? 'no unit: in the front matter' : `unit "${a.unit}" has no criteria set`}`);
    }
    out.push('');
  }
  if (report.templates.length) {
    out.push(bold('Not counted yet (still templates, or no learner id)'));
    for (const t of report.templates) out.push(`  ${t.uri}: ${t.reasons.map((r) => TEMPLATE_REASON_TEXT[r]).join('; ')}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
