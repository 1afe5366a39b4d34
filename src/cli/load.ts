// Analyse the accounts a command collected, in path order, a file at a time: from the cache when it holds the
// file's result, else on the worker threads (or here). Only a bounded number of results is ever held.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { PortfolioIndex } from '../analysis';
import type { CriteriaCatalog } from '../core/criteria';
import type { AccountSummary } from '../core/portfolio';
import { ResultCache, cacheFile, type CacheSlot } from './cache';
import { scanAccounts, type AccountRef, type CollectOptions, type CollectResult } from './node-host';
import { WorkerPool, analyseItem, inOrder, threadCount, type CheckOutput, type WorkMode, type WorkOptions, type WorkResult } from './parallel';
import type { CliIO } from './types';
import { VERSION_TEXT } from './version';

export interface CacheSettings {
  /** --cache-location, as given (default: .starrcache in the working folder). */
  location?: string;
  /** Told once, in plain words, when the cache cannot be read or written. */
  note(message: string): void;
}

export interface AnalyseOptions {
  mode: WorkMode;
  cwd: string;
  configFile?: string;
  framework?: string;
  /** `summary`: the file whose settings give the criteria sets for every account. */
  catalogFrom?: string;
  now?: Date;
  /** The real process's script, to start as worker threads. */
  workerScript?: string;
  cache?: CacheSettings;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Each account with its result, in the collected (path) order. The accounts need a digest when a cache is
 * used (scanAccounts with `digest: true`).
 */
export async function* analyseAccounts(collected: CollectResult, opts: AnalyseOptions): AsyncGenerator<[AccountRef, WorkResult]> {
  const { accounts, resolver } = collected;
  const now = opts.now ?? new Date();
  const work: WorkOptions = { cwd: opts.cwd, configFile: opts.configFile, framework: opts.framework, mode: opts.mode, catalogFrom: opts.catalogFrom, now: opts.now?.toISOString() };
  const part = opts.mode === 'check' ? 'c' : 's';
  const cache = opts.cache ? new ResultCache(cacheFile(opts.cache.location, opts.cwd), VERSION_TEXT, isoDay(now), opts.cache.note) : undefined;
  const catalogKey = opts.catalogFrom ? resolver.settingsKey(resolver.forFile(opts.catalogFrom)) : '';
  const keyOf = (a: AccountRef) => createHash('sha1').update([a.uri, a.digest ?? '', resolver.settingsKey(a.config), catalogKey].join('\0')).digest('hex');

  const threads = opts.workerScript ? threadCount(accounts.length) : 1;
  let pool: WorkerPool | undefined;
  let poolFailed = false;
  // Threads start at the first file the cache does not hold: a warm re-run needs none.
  const poolFor = () => {
    if (pool || poolFailed || threads < 2) return pool;
    try {
      pool = new WorkerPool(opts.workerScript!, work, threads);
    } catch {
      poolFailed = true; // Threads unavailable: check the files here instead.
    }
    return pool;
  };
  const here = (a: AccountRef) => analyseItem({ path: a.path, uri: a.uri }, resolver, work, a.config);
  const start = async (a: AccountRef): Promise<{ slot?: CacheSlot; key: string; result: WorkResult; cached: boolean }> => {
    const key = cache ? keyOf(a) : '';
    const slot = cache?.slot(a.path, part, key);
    if (slot?.hit !== undefined) return { slot, key, result: { ok: true, value: slot.hit as CheckOutput | AccountSummary, ms: 0, dayBound: false }, cached: true };
    const p = poolFor();
    const result = p ? await p.run({ path: a.path, uri: a.uri }).catch(() => here(a)) : here(a);
    return { slot, key, result, cached: false };
  };
  try {
    for await (const [a, r] of inOrder(accounts, start, threads > 1 ? WorkerPool.window(threads) : 1)) {
      if (cache && r.slot) cache.write(r.slot, part, r.key, r.result.ok && !r.cached ? r.result : undefined);
      yield [a, r.result];
    }
    cache?.close();
  } finally {
    cache?.discard();
    await pool?.close();
  }
}

export interface LoadedPortfolio extends CollectResult {
  /** Every account's summary (compact: findings counted by rule), keyed by its path relative to cwd (forward slashes). */
  index: PortfolioIndex;
  /** The criteria sets in force (bundled plus the portfolio's own). */
  catalog: CriteriaCatalog;
}

export interface LoadPortfolioOptions extends Partial<CollectOptions> {
  now?: Date;
  workerScript?: string;
  cache?: CacheSettings;
  /** Each account's summary as it comes, in path order, in place of keeping it in the index (left empty). */
  onSummary?: (s: AccountSummary) => void;
  /** What the index keeps of each summary (default: all of it). */
  keep?: (s: AccountSummary) => AccountSummary;
}

/**
 * Load a portfolio (files, folders or globs) as the summaries the coverage, report, sample and feedback
 * commands need, keeping no text and no findings. Problems go to `onProblem` (default: ignored) and never throw.
 */
export async function loadPortfolio(paths: string[], options: LoadPortfolioOptions = {}): Promise<LoadedPortfolio> {
  const cwd = options.cwd ?? process.cwd();
  const onProblem = options.onProblem ?? (() => undefined);
  const collected = scanAccounts(paths, { ...options, cwd, onProblem, digest: !!options.cache });
  const firstFile = collected.accounts[0]?.path ?? path.join(path.resolve(cwd, paths[0] ?? '.'), 'x.md');
  const catalog = collected.resolver.catalogFor(collected.resolver.forFile(firstFile));
  // One criteria catalogue for the portfolio, as its views show it: the first account's settings'.
  const index = new PortfolioIndex({ configFor: () => collected.resolver.forFile(firstFile).resolved, criteria: catalog, now: options.now });
  const run = analyseAccounts(collected, { mode: 'summary', cwd, configFile: options.configFile, framework: options.framework, catalogFrom: firstFile, now: options.now, workerScript: options.workerScript, cache: options.cache });
  for await (const [a, r] of run) {
    if (r.ok) {
      if (options.onSummary) options.onSummary(r.value as AccountSummary);
      else index.set(options.keep ? options.keep(r.value as AccountSummary) : (r.value as AccountSummary));
    }
    else if (r.unreadable) {
      // Gone or locked since it was found: an input problem, as when it could not be read the first time.
      collected.unreadable.push(a.uri);
      collected.errors.count++;
      onProblem(r.error);
    }
    else onProblem(`${a.uri}: STARR failed while checking this file (${r.error}). Please report it with the file if you can.`);
  }
  return { ...collected, index, catalog };
}

/** The options --cache and --cache-location as a command's parser declares them. */
export const CACHE_OPTIONS = { cache: { type: 'boolean' }, 'cache-location': { type: 'string' } } as const;

/** The cache a command asked for, if any; notes about it go to stderr. */
export function cacheSettings(values: { cache?: boolean; 'cache-location'?: string }, io: CliIO): CacheSettings | undefined {
  return values.cache ? { location: values['cache-location'], note: (m) => io.stderr(`ℹ ${m}\n`) } : undefined;
}
