// Whole archives: the built CLI (dist/cli.js) as a child process over 1,000, 20,000 and 100,000 generated
// accounts, for check (text, JSON, SARIF), report, and a re-run from --cache; wall time, CPU time and peak
// memory (RSS) of each. Method: docs/scaling.md.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchSection } from './bench';
import { now, ratio, s } from './util';

const SIZES = [1_000, 20_000, 100_000];
/**
 * Above this, JSON and SARIF come from the cache the text run filled (a cold run each would take half an
 * hour), and the report, which keeps other results, has one cold run of its own.
 */
const ALL_COLD_MAX = 20_000;
const TIME = '/usr/bin/time';

interface Measured {
  wallMs: number;
  cpuMs: number;
  peakMB: number;
  outBytes: number;
  exit: number | null;
  /** The end of what it printed, to check it did the work. */
  tail: string;
}

/** The corpus generator shared by the team's benchmarks: STARR_GEN_CORPUS, or beside the repository. */
function generator(root: string): string | undefined {
  const candidates = [process.env.STARR_GEN_CORPUS, path.resolve(root, '../shared/bench/gen-corpus.mjs'), path.resolve(root, '../../shared/bench/gen-corpus.mjs')];
  return candidates.find((c): c is string => !!c && fs.existsSync(c));
}

/** Peak RSS in kB and CPU ms of a process, from /proc while it runs (used when GNU time is not installed). */
function procStats(pid: number): { hwmKb: number; cpuMs: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { hwmKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN), cpuMs: (Number(f[11]) + Number(f[12])) * 10 };
  } catch {
    return undefined;
  }
}

/**
 * Run `node dist/cli.js …args` and measure it. GNU time gives the peak RSS of the process (worker threads share
 * it); without it, /proc/<pid>/status VmHWM is polled. Output is read from a pipe, as a CI job would, and counted.
 */
function measure(root: string, args: string[]): Promise<Measured> {
  const cli = path.join(root, 'dist', 'cli.js');
  const useTime = fs.existsSync(TIME);
  const report = path.join(root, '.bench', `time-${process.pid}.txt`);
  const cmd = useTime ? TIME : process.execPath;
  const argv = useTime ? ['-f', '%e %U %S %M', '-o', report, process.execPath, cli, ...args] : [cli, ...args];
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let outBytes = 0;
    let tail = '';
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      tail = (tail + b.toString('utf8')).slice(-2000);
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString('utf8')).slice(-4000)));
    let polled: { hwmKb: number; cpuMs: number } | undefined;
    const poll = useTime ? undefined : setInterval(() => (polled = procStats(child.pid!) ?? polled), 50);
    child.on('error', reject);
    child.on('close', (exit) => {
      if (poll) clearInterval(poll);
      const wallMs = now() - t0;
      if (exit === 2) return reject(new Error(`starr ${args.join(' ')} failed: ${stderr}`));
      if (useTime) {
        const [, user, sys, kb] = fs.readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        fs.rmSync(report, { force: true });
        resolve({ wallMs, cpuMs: (user + sys) * 1000, peakMB: kb / 1024, outBytes, exit, tail });
      } else resolve({ wallMs, cpuMs: polled?.cpuMs ?? NaN, peakMB: (polled?.hwmKb ?? NaN) / 1024, outBytes, exit, tail });
    });
  });
}

const mb = (x: number) => `${x.toFixed(0)} MB`;
const line = (name: string, m: Measured) => `  ${name.padEnd(26)} ${s(m.wallMs).padStart(9)} wall  ${s(m.cpuMs).padStart(9)} CPU  ${mb(m.peakMB).padStart(7)} peak  ${(m.outBytes / 1024 / 1024).toFixed(1)} MB out`;

export const section: BenchSection = {
  name: 'scale',
  async run(ctx) {
    const gen = generator(ctx.root);
    if (!gen) {
      ctx.log('Skipped: gen-corpus.mjs not found (set STARR_GEN_CORPUS to its path).');
      return;
    }
    if (!fs.existsSync(path.join(ctx.root, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first (npm run bench does).');
    // STARR_BENCH_SCALE_SIZES=20000,100000 picks sizes; STARR_BENCH_SKIP_100K=1 leaves out the largest.
    const picked = process.env.STARR_BENCH_SCALE_SIZES?.split(',').map(Number).filter((n) => n > 0);
    const sizes = (picked?.length ? picked : SIZES).filter((n) => !(n >= 100_000 && process.env.STARR_BENCH_SKIP_100K));
    if (process.env.STARR_BENCH_SKIP_100K) ctx.log('STARR_BENCH_SKIP_100K is set: 100,000 accounts left out.');
    const results: Record<string, unknown> = { generator: 'gen-corpus.mjs --seed 11', timeTool: fs.existsSync(TIME) ? 'GNU time (max RSS)' : '/proc VmHWM polled every 50 ms' };
    for (const n of sizes) {
      const rel = path.join('.bench', `scale-${n}`);
      const dir = path.join(ctx.root, rel);
      if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
        ctx.log(`Generating ${n.toLocaleString('en-GB')} accounts in ${rel}…`);
        const g = spawnSync(process.execPath, [gen, dir, String(n), '--seed', '11'], { stdio: 'ignore' });
        if (g.status !== 0) throw new Error(`gen-corpus.mjs failed for ${n} accounts`);
      }
      const bytes = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).reduce((t, f) => t + fs.statSync(path.join(dir, f)).size, 0);
      const cache = path.join(ctx.root, '.bench', `scale-${n}.starrcache`);
      fs.rmSync(cache, { force: true });
      const withCache = ['--cache', '--cache-location', cache];
      ctx.log(`${n.toLocaleString('en-GB')} accounts (${(bytes / 1024 / 1024).toFixed(0)} MB):`);
      const runs: Record<string, Measured> = {};
      const run = async (name: string, args: string[]) => {
        const m = await measure(ctx.root, args);
        runs[name] = m;
        ctx.log(line(name, m));
        return m;
      };
      const cold = n <= ALL_COLD_MAX;
      const text = await run(cold ? 'check text' : 'check text (fills cache)', ['check', rel, ...(cold ? [] : withCache)]);
      const checked = /(\d[\d,]*) files? checked/.exec(text.tail)?.[1];
      if (checked?.replace(/,/g, '') !== String(n)) throw new Error(`expected ${n} files checked, the summary says ${checked ?? 'nothing'}`);
      const fromCache = cold ? [] : withCache;
      const label = cold ? '' : ' (from cache)';
      await run(`check json${label}`, ['check', rel, '--format', 'json', ...fromCache]);
      await run(`check sarif${label}`, ['check', rel, '--format', 'sarif', ...fromCache]);
      await run('report', ['report', rel]);
      if (cold) await run('check text --cache (cold)', ['check', rel, ...withCache]);
      const warm = await run('check text --cache (warm)', ['check', rel, ...withCache]);
      if (warm.tail !== text.tail) throw new Error('the cached re-run printed something else');
      const cacheMB = fs.statSync(cache).size / 1024 / 1024;
      ctx.log(`  cached re-run ÷ cold run: ${ratio(warm.wallMs, text.wallMs)} wall, ${ratio(warm.cpuMs, text.cpuMs)} CPU (target ≤ 0.15); cache file ${mb(cacheMB)}`);
      results[n] = { accounts: n, bytes, runs, cachedWallRatio: warm.wallMs / text.wallMs, cachedCpuRatio: warm.cpuMs / text.cpuMs, cacheMB };
      fs.rmSync(cache, { force: true });
      // 100,000 accounts are 300 MB: not worth keeping between runs.
      if (n >= 100_000) fs.rmSync(dir, { recursive: true, force: true });
    }
    ctx.results.scale = results;
  },
};
