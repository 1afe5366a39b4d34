// Criteria coverage over the 1,000-account corpus: building the index and the coverage from scratch, then
// keeping it current after one file changes (one re-analysis plus one coverage pass), as the editor does.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchSection } from './bench';
import { median, ms, now, s, timeMedian } from './util';
import { PortfolioIndex, defaultConfig } from '../src/analysis';
import { CriteriaCatalog } from '../src/core/criteria';
import { computeCoverage, coverageByLearner, coverageCsv, coverageMarkdown } from '../src/core/coverage';

const RUNS = 7;
const UPDATES = 25;

export const section: BenchSection = {
  name: 'coverage',
  run(ctx) {
    const config = defaultConfig();
    const catalog = new CriteriaCatalog();
    const files = ctx.corpus.files;

    // From scratch: analyse every account into the index, then compute coverage once.
    const index = new PortfolioIndex({ configFor: () => config, criteria: catalog });
    const t0 = now();
    ctx.texts.forEach((t, i) => index.update(files[i], t));
    const indexMs = now() - t0;
    const t1 = now();
    const report = computeCoverage(index.all(), catalog);
    const firstCoverageMs = now() - t1;
    const coverageMs = timeMedian(RUNS, () => computeCoverage(index.all(), catalog));
    const byLearnerMs = timeMedian(RUNS, () => coverageByLearner(index.all(), catalog));
    const csvMs = timeMedian(RUNS, () => coverageCsv(report));
    const mdMs = timeMedian(RUNS, () => coverageMarkdown(report));

    // One file changes: re-analyse that file only, then recompute coverage from the summaries.
    const analyseMs: number[] = [];
    const recomputeMs: number[] = [];
    const totalMs: number[] = [];
    for (let k = 0; k < UPDATES; k++) {
      const i = (k * 37) % files.length;
      const changed = `${ctx.texts[i]}\nI also checked the result with the partner a week later (AC 3.${(k % 2) + 1}).\n`;
      const a = now();
      index.update(files[i], changed);
      const b = now();
      computeCoverage(index.all(), catalog);
      const c = now();
      analyseMs.push(b - a);
      recomputeMs.push(c - b);
      totalMs.push(c - a);
      index.update(files[i], ctx.texts[i]);
    }
    const update = { analyseMs: median(analyseMs), recomputeMs: median(recomputeMs), totalMs: median(totalMs), totalMinMs: Math.min(...totalMs) };

    const c = report.counts;
    ctx.log(`${index.size} accounts, ${report.units.length} units, ${report.learners.length} learners: ${c.covered} covered, ${c.weak} weak, ${c.uncovered} not covered; ${report.units.reduce((n, u) => n + u.overClaims.length, 0)} over-claims`);
    ctx.log(`build from scratch: index ${ms(indexMs, 0)} + coverage ${ms(firstCoverageMs, 1)} = ${ms(indexMs + firstCoverageMs, 0)} (coverage alone, warm median: ${ms(coverageMs, 1)}; by learner: ${ms(byLearnerMs, 1)})`);
    ctx.log(`update after one file changes: ${ms(update.totalMs)} (re-analyse the file ${ms(update.analyseMs)} + recompute coverage ${ms(update.recomputeMs)}; median of ${UPDATES}, fastest ${ms(update.totalMinMs)})`);
    ctx.log(`exports: CSV ${ms(csvMs, 1)}, Markdown ${ms(mdMs, 1)}`);

    let cliMs: number | undefined;
    const cli = path.join(ctx.root, 'dist', 'cli.js');
    if (fs.existsSync(cli)) {
      const run = () => {
        const t = now();
        const r = spawnSync(process.execPath, [cli, 'coverage', path.relative(ctx.root, ctx.corpus.dir), '--format', 'json'], { cwd: ctx.root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
        if (r.error) throw r.error;
        if (r.status !== 0) throw new Error(`starr coverage exited ${r.status}: ${r.stderr.toString().slice(0, 500)}`);
        return now() - t;
      };
      run();
      cliMs = median([run(), run(), run()]);
      ctx.log(`starr coverage over the corpus (whole process, median of 3): ${s(cliMs)}`);
    }
    ctx.results.coverage = {
      accounts: index.size,
      counts: c,
      buildIndexMs: indexMs,
      buildCoverageMs: firstCoverageMs,
      buildTotalMs: indexMs + firstCoverageMs,
      coverageWarmMs: coverageMs,
      coverageByLearnerMs: byLearnerMs,
      updateOneFile: update,
      csvMs,
      markdownMs: mdMs,
      cliWallMs: cliMs,
    };
  },
};
