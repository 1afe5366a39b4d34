// Small timing helpers shared by the benchmark sections.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export const now = () => performance.now();

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds taken by fn, and its result. */
export function time<T>(fn: () => T): { ms: number; value: T } {
  const t = now();
  const value = fn();
  return { ms: now() - t, value };
}

export const ms = (x: number, digits = 2) => `${x.toFixed(digits)} ms`;
export const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Median wall time of `runs` calls of `fn`, in ms. */
export function timeMedian(runs: number, fn: () => unknown): number {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    fn();
    xs.push(now() - t0);
  }
  return median(xs);
}

/** CPU time (user + system, ms) of this process's finished children, from /proc (Linux); NaN elsewhere. */
export function childCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 (cutime, cstime) in clock ticks, 100 a second on Linux.
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return NaN;
  }
}
