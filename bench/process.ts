// The baselines document's own method: whole-process wall time over the 1,000 files, medians of 5 runs,
// the jobs run in turn — the remark parse alone, their "unified parse" row, their naive prototype, and
// STARR's analysis (the same analyze() the CLI runs, without its file discovery, config and output).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchSection } from './bench';
import { median, now, ratio, s } from './util';

const RUNS = 5;
const JOBS = ['parse', 'row', 'naive', 'analyze'] as const;

export const section: BenchSection = {
  name: 'process',
  run(ctx) {
    const script = path.join(ctx.root, 'out', 'bench', 'process-job.js');
    if (!fs.existsSync(script)) throw new Error('out/bench/process-job.js is missing: run `node scripts/build.mjs --bench` first (npm run bench does).');
    const run = (job: string) => {
      const t0 = now();
      const r = spawnSync(process.execPath, [script, job, ctx.corpus.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      const t = now() - t0;
      if (r.error) throw r.error;
      const files = Number(r.stdout.toString().trim());
      if (r.status !== 0 || files !== ctx.texts.length) throw new Error(`process-job ${job} failed (exit ${r.status}, ${files} files): ${r.stderr.toString()}`);
      return t;
    };
    // One warm-up round (file cache), then rounds of every job in turn, the starting job rotating.
    for (const job of JOBS) run(job);
    const times: Record<string, number[]> = Object.fromEntries(JOBS.map((j) => [j, []]));
    for (let i = 0; i < RUNS; i++) {
      for (let k = 0; k < JOBS.length; k++) {
        const job = JOBS[(i + k) % JOBS.length];
        times[job].push(run(job));
      }
    }
    const m = Object.fromEntries(JOBS.map((j) => [j, median(times[j])])) as Record<(typeof JOBS)[number], number>;
    const list = (j: string) => times[j].map((x) => (x / 1000).toFixed(2)).join(', ');
    ctx.log(`whole process over ${ctx.texts.length} files, median of ${RUNS}:`);
    ctx.log(`  remark parse alone ${s(m.parse)} (${list('parse')})`);
    ctx.log(`  unified parse as the baselines define it ${s(m.row)} (${list('row')})`);
    ctx.log(`  the baselines' naive prototype ${s(m.naive)} (${list('naive')})`);
    ctx.log(`  STARR analysis ${s(m.analyze)} (${list('analyze')})`);
    ctx.log(`naive prototype ÷ unified parse: ${ratio(m.naive, m.row)} (the baselines measured 1.16×)`);
    ctx.log(`analysis ÷ remark parse alone: ${ratio(m.analyze, m.parse)}`);
    ctx.log(`analysis ÷ unified parse (the baselines' 1.00 row, their method): ${ratio(m.analyze, m.row)} (target ≤ 1.25×)`);
    ctx.results.process = { runs: RUNS, times, medians: m, ratio: m.analyze / m.row, ratioToParse: m.analyze / m.parse, naiveRatio: m.naive / m.row };
  },
};
