// `starr feedback <folder>`: every open tutor comment (CriticMarkup) as `path:line  author  text`.
import { choiceOption, parseOptions } from '../args';
import { CACHE_OPTIONS, cacheSettings, loadPortfolio } from '../load';
import type { AccountSummary } from '../../core/portfolio';
import { EXIT_OK, withInputProblems, type CliCommand, type CliIO } from '../types';

const usage = `Usage: starr feedback <folder|files|globs…> [options]

Lists open tutor feedback — CriticMarkup comments such as {>>[tutor:AB open] Say which KPI moved<<} —
one a line as "path:line  author  text". Resolved comments, replies and notes are left out.

Options:
  --format FORMAT    text (default) or json
  --config FILE      Use this .starr.yaml instead of searching for one
  --cache            Keep each account's results and analyse again only what changed
  --cache-location P Where to keep them (default: .starrcache in the working folder)
  -h, --help         Show this help`;

export const command: CliCommand = {
  name: 'feedback',
  summary: 'List open tutor feedback comments (path:line  author  text)',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(args, { format: { type: 'string' }, config: { type: 'string' }, ...CACHE_OPTIONS });
    if (values.help) {
      io.stdout(`${usage}\n`);
      return EXIT_OK;
    }
    const format = choiceOption(values.format, 'format', ['text', 'json'] as const, 'text');
    const portfolio = await loadPortfolio(positionals.length ? positionals : ['.'], { cwd: io.cwd, configFile: values.config, onProblem: (m) => io.stderr(`${m}\n`), workerScript: io.workerScript, cache: cacheSettings(values, io), keep: commentsOnly });
    const items = portfolio.index.all().flatMap((s) =>
      s.feedback
        .filter((f) => (f.state ?? 'open') === 'open')
        .map((f) => ({ path: s.uri, line: f.line + 1, author: f.author ?? '-', text: (f.body ?? f.text).replace(/\s+/g, ' ').trim(), learner: s.learner })),
    );
    if (format === 'json') {
      io.stdout(`${JSON.stringify(items, null, 2)}\n`);
      return withInputProblems(EXIT_OK, portfolio);
    }
    if (!items.length) {
      io.stdout(`No open feedback in ${portfolio.index.size} account${portfolio.index.size === 1 ? '' : 's'}.\n`);
      return withInputProblems(EXIT_OK, portfolio);
    }
    const where = items.map((i) => `${i.path}:${i.line}`);
    const w1 = Math.max(...where.map((s) => s.length));
    const w2 = Math.max(...items.map((i) => i.author.length));
    io.stdout(items.map((i, k) => `${where[k].padEnd(w1)}  ${i.author.padEnd(w2)}  ${i.text}`).join('\n') + '\n');
    io.stderr(`${items.length} open comment${items.length === 1 ? '' : 's'} in ${new Set(items.map((i) => i.path)).size} of ${portfolio.index.size} account${portfolio.index.size === 1 ? '' : 's'}.\n`);
    return withInputProblems(EXIT_OK, portfolio);
  },
};

/** What the list reads of an account: its open comments, path and learner. */
function commentsOnly(s: AccountSummary): AccountSummary {
  return { uri: s.uri, title: '', learner: s.learner, framework: '', sections: [], words: 0, findings: [], counts: s.counts, criteria: [], feedback: s.feedback, fingerprint: '' };
}
