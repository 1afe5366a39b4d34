// Check many files on several threads: analysis is CPU-bound and one Node thread uses one core.
// The CLI's own bundle is started as the worker script, so nothing extra ships.
import * as os from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { analyseDocument, type AnalysisResult } from '../analysis/analyze';
import type { Finding } from '../core/types';
import { accountInfo, type AccountInfo } from './format';
import { ConfigResolver, type FileConfig } from './node-host';

/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 100;

export interface WorkItem {
  path: string;
  uri: string;
  text: string;
}

export interface WorkOptions {
  cwd: string;
  configFile?: string;
  framework?: string;
}

export type WorkResult = { ok: true; findings: Finding[]; info: AccountInfo; ms: number } | { ok: false; error: string };

interface WorkerInput {
  kind: 'starr-check';
  items: WorkItem[];
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
export function analyseFile(resolver: ConfigResolver, file: WorkItem, config: FileConfig = resolver.forFile(file.path)): AnalysisResult {
  return analyseDocument({ uri: file.uri, text: file.text, config: config.resolved, criteria: resolver.catalogFor(config) });
}

/** analyseFile as plain data for the report, timed; a failure (a bug in a rule) is returned, not thrown. */
export function analyseItem(item: WorkItem, resolver: ConfigResolver, config?: FileConfig): WorkResult {
  const t0 = performance.now();
  try {
    const r = analyseFile(resolver, item, config);
    return { ok: true, findings: r.findings, info: accountInfo(r.account), ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** The worker's side: analyse its share and post the results back in order. */
export function runCheckWorker(): void {
  const input = workerData as WorkerInput;
  const resolver = new ConfigResolver({ ...input.options, onProblem: () => undefined });
  parentPort!.postMessage(input.items.map((item) => analyseItem(item, resolver)));
}

/**
 * Split the items over `threads` workers running `script` and gather the results in item order.
 * Rejects if any worker fails to start or finish; the caller then checks the files itself.
 */
export async function analyseInWorkers(script: string, items: WorkItem[], options: WorkOptions, threads: number): Promise<WorkResult[]> {
  const chunks: { index: number[]; items: WorkItem[] }[] = Array.from({ length: threads }, () => ({ index: [], items: [] }));
  // Contiguous slices keep each worker's files in one folder (config and criteria caches stay warm).
  const per = Math.ceil(items.length / threads);
  items.forEach((item, i) => {
    const c = chunks[Math.floor(i / per)];
    c.index.push(i);
    c.items.push(item);
  });
  const results: WorkResult[] = new Array(items.length);
  await Promise.all(
    chunks.filter((c) => c.items.length).map(
      (c) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(script, { workerData: { kind: 'starr-check', items: c.items, options } satisfies WorkerInput });
          let done = false;
          w.once('message', (r: WorkResult[]) => {
            done = true;
            r.forEach((x, k) => (results[c.index[k]] = x));
            resolve();
          });
          w.once('error', reject);
          w.once('exit', (code) => (done ? resolve() : reject(new Error(`a checking thread stopped early (exit code ${code})`))));
        }),
    ),
  );
  return results;
}
