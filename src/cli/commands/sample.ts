// `starr sample <folder> --size N [--seed S]`: a reproducible spot-check sample, stratified by learner and unit.
import { choiceOption, intOption, parseOptions } from '../args';
import { EXIT_OK, UsageError, withInputProblems, type CliCommand, type CliIO } from '../types';
import { renderReport } from '../../core/report';
import { sampleReportFrom } from '../../core/sample';
import { SummarySpill } from '../spill';
import { CACHE_OPTIONS } from '../load';
import { emit, inputPaths, loadForReport } from './report';

const FORMATS = ['text', 'md', 'csv', 'json', 'html'] as const;

const usage = `Usage: starr sample <folder|files|globs…> --size N [options]

Picks N accounts for an internal quality assurance spot check. Every learner and every unit is
represented before any learner or unit is picked twice. The same seed always picks the same accounts,
so a sample can be repeated and shown to an external quality assurer.

Options:
  --size N           How many accounts to pick (required)
  --seed S           Any word or number (default: today's date, shown in the output)
  --format FORMAT    text (default: one account a line, with why it was picked), md, csv, json or html
  --out FILE         Write the sample to FILE instead of the screen (never over a Markdown file
                     or an account unless --force)
  --force            Let --out replace an existing Markdown file
  --config FILE      Use this .starr.yaml instead of searching for one
  --cache            Keep each account's results and analyse again only what changed
  --cache-location P Where to keep them (default: .starrcache in the working folder)
  -h, --help         Show this help`;

export const command: CliCommand = {
  name: 'sample',
  summary: 'Pick a reproducible spot-check sample, every learner and unit first',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(args, { size: { type: 'string' }, seed: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' }, force: { type: 'boolean' }, ...CACHE_OPTIONS });
    if (values.help) {
      io.stdout(`${usage}\n`);
      return EXIT_OK;
    }
    const size = intOption(values.size, 'size');
    if (size === undefined || size < 1) throw new UsageError('Say how many accounts to pick with --size, for example --size 5.');
    const format = choiceOption(values.format, 'format', FORMATS, 'text');
    const seed = values.seed ?? new Date().toISOString().slice(0, 10);
    const spill = new SummarySpill();
    try {
      const { portfolio, refs, options } = await loadForReport(positionals, io, values, spill);
      const { sample, report } = sampleReportFrom(refs, (r) => spill.get(r), size, seed, options);
      const guard = { inputs: inputPaths(portfolio), force: values.force };
      if (format !== 'text') return withInputProblems(emit(renderReport(report, format), values.out, io, 'sample', guard), portfolio);
      const lines = [
        `Sample of ${sample.picks.length} from ${refs.length} account${refs.length === 1 ? '' : 's'}, seed "${sample.seed}" (run again with --seed ${JSON.stringify(sample.seed)} to get the same sample).`,
        `Learners: ${sample.learners.covered} of ${sample.learners.total} represented. Units: ${sample.units.covered} of ${sample.units.total} represented.`,
      ];
      if (sample.templates) lines.push(`Left out: ${sample.templates} account${sample.templates === 1 ? ' that is' : 's that are'} still ${sample.templates === 1 ? 'a template' : 'templates'} or missing the learner id.`);
      if (sample.missedLearners.length || sample.missedUnits.length) {
        lines.push(`Not reached because the sample is smaller than the number of learners or units: ${[...sample.missedLearners.map((l) => `learner ${l}`), ...sample.missedUnits.map((u) => `unit ${u}`)].join(', ')}. Use a larger --size to reach them.`);
      }
      lines.push('');
      const w = (f: (r: (typeof report.rows)[number]) => string) => Math.max(0, ...report.rows.map((r) => f(r).length));
      const unit = (r: (typeof report.rows)[number]) => r.unit || '(no unit)';
      const [wp, wl, wu] = [w((r) => r.path), w((r) => r.learner), w(unit)];
      for (const r of report.rows) lines.push(`${r.path.padEnd(wp)}  ${r.learner.padEnd(wl)}  ${unit(r).padEnd(wu)}  ${r.reason}`);
      return withInputProblems(emit(`${lines.join('\n')}\n`, values.out, io, 'sample', guard), portfolio);
    } finally {
      spill.close();
    }
  },
};
