// Whole-process wall time over the 1,000 files: `starr check` against markdownlint-cli2 (defaults), in turn.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchSection } from './bench';
import { childCpuMs, median, now, ratio, s } from './util';

const RUNS = 5;

export const section: BenchSection = {
  name: 'cli',
  run(ctx) {
    const cli = path.join(ctx.root, 'dist', 'cli.js');
    const mdl = path.join(ctx.root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first (npm run bench does).');
    const rel = path.relative(ctx.root, ctx.corpus.dir);
    const ours = [process.execPath, [cli, 'check', rel, '--format', 'json']] as const;
    const theirs = [process.execPath, [mdl, `${rel}/*.md`]] as const;
    const wall = (cmd: readonly [string, readonly string[]]) => {
      const c0 = childCpuMs();
      const t0 = now();
      const r = spawnSync(cmd[0], cmd[1], { cwd: ctx.root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
      const t = now() - t0;
      if (r.error) throw r.error;
      return { ms: t, cpu: childCpuMs() - c0, status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
    };
    // Warm the file cache and check both really did the work.
    const a = wall(ours);
    const b = wall(theirs);
    const checked = (JSON.parse(a.stdout) as { summary: { files: number } }).summary.files;
    const linted = /Linting: (\d+) file/.exec(b.stdout + b.stderr)?.[1];
    ctx.log(`starr check: ${checked} files (exit ${a.status}); markdownlint-cli2: ${linted ?? '?'} files (exit ${b.status})`);
    const oursMs: number[] = [];
    const theirsMs: number[] = [];
    const oursCpu: number[] = [];
    const theirsCpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const x = wall(ours);
      const y = wall(theirs);
      oursMs.push(x.ms);
      theirsMs.push(y.ms);
      oursCpu.push(x.cpu);
      theirsCpu.push(y.cpu);
    }
    const o = median(oursMs);
    const t = median(theirsMs);
    ctx.log(`starr check over ${checked} files: ${s(o)} (median of ${RUNS}: ${oursMs.map((x) => (x / 1000).toFixed(2)).join(', ')})`);
    ctx.log(`markdownlint-cli2 (defaults) over the same folder: ${s(t)} (median of ${RUNS}: ${theirsMs.map((x) => (x / 1000).toFixed(2)).join(', ')})`);
    ctx.log(`starr ÷ markdownlint-cli2: ${ratio(o, t)} wall (target ≤ 0.65×)`);
    const oc = median(oursCpu);
    const tc = median(theirsCpu);
    ctx.log(`CPU time (user + system, steadier on a busy machine): starr ${s(oc)}, markdownlint-cli2 ${s(tc)}, ratio ${ratio(oc, tc)}`);
    const bigRel = path.relative(ctx.root, ctx.corpus.bigFile);
    const big = wall([process.execPath, [cli, 'check', bigRel, '--format', 'json']]);
    ctx.log(`starr check on the 2 MB account alone (whole process): ${s(big.ms)}`);
    ctx.results.cli = { runs: RUNS, files: checked, starrMs: oursMs, markdownlintMs: theirsMs, starrMedianMs: o, markdownlintMedianMs: t, ratio: o / t, starrCpuMs: oursCpu, markdownlintCpuMs: theirsCpu, cpuRatio: oc / tc, bigFileWallMs: big.ms };
  },
};
