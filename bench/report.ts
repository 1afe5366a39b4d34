// The quality report over the 1,000-account corpus: index build, report build, each format, a sample, and the
// `starr report` command's whole-process time.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchSection } from './bench';
import { median, ms, now, s, timeMedian } from './util';
import { PortfolioIndex, defaultConfig, type AccountSummary } from '../src/analysis';
import { buildReport, renderCsv, renderHtml, renderJson, renderMarkdown } from '../src/core/report';
import { sampleAccounts } from '../src/core/sample';

const RUNS = 7;

export const section: BenchSection = {
  name: 'report',
  run(ctx) {
    const config = defaultConfig();
    const index = new PortfolioIndex({ configFor: () => config });
    const t0 = now();
    ctx.texts.forEach((t, i) => index.update(ctx.corpus.files[i], t));
    const indexMs = now() - t0;
    const all: AccountSummary[] = index.all();
    const report = buildReport(all);
    const buildMs = timeMedian(RUNS, () => buildReport(all));
    const formats = {
      md: timeMedian(RUNS, () => renderMarkdown(report)),
      csv: timeMedian(RUNS, () => renderCsv(report)),
      json: timeMedian(RUNS, () => renderJson(report)),
      html: timeMedian(RUNS, () => renderHtml(report)),
    };
    const sampleMs = timeMedian(RUNS, () => sampleAccounts(all, 50, 'bench'));
    const sampleAllMs = timeMedian(3, () => sampleAccounts(all, all.length, 'bench'));
    ctx.log(`Portfolio index of ${all.length} accounts (analysis included): ${s(indexMs)}`);
    ctx.log(`buildReport over ${all.length} summaries (${report.summary.learners} learners, ${report.summary.units} units): ${ms(buildMs)} (median of ${RUNS})`);
    ctx.log(`render: Markdown ${ms(formats.md)}, CSV ${ms(formats.csv)}, JSON ${ms(formats.json)}, HTML ${ms(formats.html)} (${(renderHtml(report).length / 1024).toFixed(0)} KB)`);
    ctx.log(`sample of 50: ${ms(sampleMs)}; sample of all ${all.length}: ${ms(sampleAllMs)}`);

    const cli = path.join(ctx.root, 'dist', 'cli.js');
    let cliMs: number | undefined;
    if (fs.existsSync(cli)) {
      const rel = path.relative(ctx.root, ctx.corpus.dir);
      const walls: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = now();
        const r = spawnSync(process.execPath, [cli, 'report', rel, '--format', 'csv'], { cwd: ctx.root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
        walls.push(now() - t);
        if (r.status !== 0) throw new Error(`starr report failed: ${r.stderr.toString()}`);
        if (i === 0) ctx.log(`starr report --format csv: ${r.stdout.toString().split('\r\n').length - 2} rows`);
      }
      cliMs = median(walls);
      ctx.log(`starr report over ${all.length} files (whole process, median of 3): ${s(cliMs)}`);
    }
    ctx.results.report = { accounts: all.length, indexMs, buildMs, formats, sampleMs, sampleAllMs, cliMs };
  },
};
