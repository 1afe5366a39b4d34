// Check many files on several threads: analysis is CPU-bound and one Node thread uses one core.
// The CLI's own bundle is started as the worker script, so nothing extra ships.
import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { analyseDocument, type AnalysisResult } from '../analysis/analyze';
import { compactSummary, summarise, type AccountSummary } from '../core/portfolio';
import type { Finding } from '../core/types';
import { accountInfo, type AccountInfo } from './format';
import { ConfigResolver, readProblemText, readTextFile, type FileConfig } from './node-host';

/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 100;
/** Files sent to a thread at a time: fewer messages, and still a fair share each. */
const BATCH = 8;
/** Results held ahead of the one being written, per thread, in batches: enough to keep every thread busy. */
const WINDOW_BATCHES = 4;

export interface WorkItem {
  path: string;
  uri: string;
  /** Given when the caller already holds the text; otherwise the file is read where it is analysed. */
  text?: string;
}

/**
 * What to make of each file: `check` gives the findings (starr check), `summary` the small per-account
 * summary the portfolio commands need (coverage, report, sample, feedback).
 */
export type WorkMode = 'check' | 'summary';

export interface WorkOptions {
  cwd: string;
  configFile?: string;
  framework?: string;
  mode: WorkMode;
  /** `summary`: the file whose settings give the criteria sets for every account (the portfolio's). */
  catalogFrom?: string;
  /** `summary`: the date to check against (ISO), when not today. */
  now?: string;
}

export interface CheckOutput {
  findings: Finding[];
  info: AccountInfo;
}

/**
 * One file's analysis as plain data (`unreadable`: the file could not be read again, and `error` is a whole line
 * naming it). `dayBound`: the result mentions or depends on today's date (a missing or
 * future date in the front matter), so it holds only for today.
 */
export type WorkResult<T = CheckOutput | AccountSummary> = { ok: true; value: T; ms: number; dayBound: boolean } | { ok: false; error: string; unreadable?: boolean };

interface WorkerInput {
  kind: 'starr-check';
  options: WorkOptions;
}

export function isCheckWorker(data: unknown): boolean {
  return !!data && (data as WorkerInput).kind === 'starr-check';
}

/**
 * How many threads to use for `files` files (1 means: do not start any). One core is left to V8's own
 * background threads (compiling hot code, garbage collection), which a run of cold code leans on: on 2 cores,
 * 2 workers took longer than the main thread alone (1.82 s against 1.75 s, median of 5, 1,000 files) and 17%
 * more CPU. STARR_THREADS sets the number (1 turns threads off).
 */
export function threadCount(files: number, env: Record<string, string | undefined> = process.env): number {
  const set = Number(env.STARR_THREADS);
  if (env.STARR_THREADS && Number.isInteger(set) && set >= 1) return Math.min(set, 16, files);
  if (files < PARALLEL_MIN_FILES) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const threads = Math.min(cores - 1, 4, Math.floor(files / 50));
  return threads >= 2 ? threads : 1;
}

/**
 * The CLI's one way to analyse a file, wherever it runs (a thread, the main thread, each round of --fix): with
 * the settings in force for it and the criteria sets they name. Config problems were reported when it was loaded.
 */
export function analyseFile(resolver: ConfigResolver, file: WorkItem & { text: string }, config: FileConfig = resolver.forFile(file.path)): AnalysisResult {
  return analyseDocument({ uri: file.uri, text: file.text, config: config.resolved, criteria: resolver.catalogFor(config) });
}

/** A front-matter finding about the date, or one whose fix writes today's date, changes from one day to the next. */
export function dependsOnDay(findings: Finding[], day: string): boolean {
  return findings.some((f) => f.ruleId === 'front-matter' && (f.data?.field === 'date' || JSON.stringify(f).includes(day)));
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Analyse one file as `options.mode` asks, timed, reading it first when the item has no text. A failure (a
 * file gone since it was found, a bug in a rule) is returned, not thrown.
 */
export function analyseItem(item: WorkItem, resolver: ConfigResolver, options: Pick<WorkOptions, 'mode' | 'catalogFrom' | 'now'>, config?: FileConfig): WorkResult {
  const t0 = performance.now();
  try {
    let text = item.text;
    if (text === undefined) {
      const r = readTextFile(item.path);
      if (!r.ok) return { ok: false, error: readProblemText(item.uri, r), unreadable: true };
      text = r.text;
    }
    const fc = config ?? resolver.forFile(item.path);
    const now = options.now ? new Date(options.now) : new Date();
    const criteria = resolver.catalogFor(options.catalogFrom ? resolver.forFile(options.catalogFrom) : fc);
    const r = analyseDocument({ uri: item.uri, text, config: fc.resolved, criteria, now });
    const dayBound = dependsOnDay(r.findings, isoDay(now));
    // A summary is kept for the whole run: copied, so that no string in it is a slice holding the account's text.
    const value = options.mode === 'summary' ? (JSON.parse(JSON.stringify(compactSummary(summarise(item.uri, r.account, r.findings)))) as AccountSummary) : { findings: r.findings, info: accountInfo(r.account) };
    return { ok: true, value, ms: performance.now() - t0, dayBound };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** The worker's side: analyse each batch it is sent and post the results back in the same order. */
export function runCheckWorker(): void {
  const input = workerData as WorkerInput;
  const resolver = new ConfigResolver({ ...input.options, onProblem: () => undefined });
  parentPort!.on('message', (items: WorkItem[]) => {
    parentPort!.postMessage(items.map((item) => analyseItem(item, resolver, input.options)));
  });
}

interface Job {
  item: WorkItem;
  resolve(r: WorkResult): void;
  reject(e: Error): void;
}

/**
 * A fixed set of worker threads fed small batches from one queue. A thread that fails rejects its batch (and,
 * when none is left, everything queued); the caller then checks those files itself.
 */
export class WorkerPool {
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job[]>();
  private live = 0;

  constructor(script: string, options: WorkOptions, threads: number) {
    for (let i = 0; i < threads; i++) {
      const w = new Worker(script, { workerData: { kind: 'starr-check', options } satisfies WorkerInput });
      this.live++;
      w.on('message', (results: WorkResult[]) => {
        const jobs = this.busy.get(w) ?? [];
        this.busy.delete(w);
        jobs.forEach((j, k) => j.resolve(results[k]));
        this.idle.push(w);
        this.pump();
      });
      const fail = (e: Error) => {
        if (!this.busy.has(w) && !this.idle.includes(w)) return; // already failed (error, then exit)
        const jobs = this.busy.get(w) ?? [];
        this.busy.delete(w);
        const at = this.idle.indexOf(w);
        if (at >= 0) this.idle.splice(at, 1);
        this.live--;
        for (const j of jobs) j.reject(e);
        if (!this.live) for (const j of this.queue.splice(0)) j.reject(e);
      };
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`a checking thread stopped early (exit code ${code})`)));
      this.idle.push(w);
    }
  }

  run(item: WorkItem): Promise<WorkResult> {
    if (!this.live) return Promise.reject(new Error('no checking threads are running'));
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const jobs = this.queue.splice(0, BATCH);
      this.busy.set(w, jobs);
      w.postMessage(jobs.map((j) => j.item));
    }
  }

  /** How many results to hold ahead of the one being written: bounded, and enough to keep every thread busy. */
  static window(threads: number): number {
    return threads * BATCH * WINDOW_BATCHES;
  }

  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.busy.clear();
    this.live = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}

/**
 * Each item with its result, in the items' order, while at most `window` results wait ahead of the one being
 * yielded: a bounded reorder buffer in front of work that finishes out of order.
 */
export async function* inOrder<T, R>(items: Iterable<T>, start: (item: T) => Promise<R>, window: number): AsyncGenerator<[T, R]> {
  const ahead: { item: T; result: Promise<R> }[] = [];
  const it = items[Symbol.iterator]();
  let more = true;
  for (;;) {
    while (more && ahead.length < window) {
      const next = it.next();
      if (next.done) more = false;
      else ahead.push({ item: next.value, result: start(next.value) });
    }
    const head = ahead.shift();
    if (!head) return;
    yield [head.item, await head.result];
  }
}
