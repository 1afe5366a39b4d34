// `--cache`: each file's results kept between runs, keyed by its text and the settings it was checked with.
// The file is one JSON line per account, in path order, after a header line. Runs visit files in the same
// order, so the old file is read alongside the run and the new one written as results come: neither is ever
// held in memory whole.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { systemErrorText } from './node-host';

/** The cache file written when --cache is given without --cache-location. */
export const DEFAULT_CACHE_FILE = '.starrcache';
// 2: summaries carry `template` (accounts the portfolio views leave out).
const FORMAT = 2;
const CHUNK = 1 << 20;

/** Which result of a file an entry holds: `c` the findings (check), `s` the summary (portfolio commands). */
export type CachePart = 'c' | 's';

interface StoredPart {
  /** Digest of the file's text, its path as shown and its settings. */
  k: string;
  /** The day the result holds for, when it depends on the date. */
  d?: string;
  v: unknown;
}

interface Entry {
  p: string;
  c?: StoredPart;
  s?: StoredPart;
}

/** What a run takes from the old cache for one file, to hand back to `write` in order. */
export interface CacheSlot {
  path: string;
  /** Old entries of files not in this run (still on disk), kept in their place. */
  keep: string[];
  old?: { line: string; entry: Entry };
  /** The cached result, when its key and day match. */
  hit?: unknown;
}

/** --cache-location: a folder (existing, or written with a trailing slash) gets .starrcache inside it. */
export function cacheFile(location: string | undefined, cwd: string): string {
  if (!location) return path.join(cwd, DEFAULT_CACHE_FILE);
  const abs = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(abs, DEFAULT_CACHE_FILE);
  try {
    if (fs.statSync(abs).isDirectory()) return path.join(abs, DEFAULT_CACHE_FILE);
  } catch {
    // Not there yet: a file of that name.
  }
  return abs;
}

/** Reads a file a line at a time, synchronously, a chunk at a time. */
class LineReader {
  private readonly buf = Buffer.alloc(CHUNK);
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private lines: string[] = [];
  private at = 0;
  private eof = false;

  constructor(private readonly fd: number) {}

  next(): string | undefined {
    while (this.at >= this.lines.length) {
      if (this.eof) {
        if (!this.pending) return undefined;
        const last = this.pending;
        this.pending = '';
        return last;
      }
      const n = fs.readSync(this.fd, this.buf, 0, CHUNK, null);
      if (!n) {
        this.eof = true;
        this.pending += this.decoder.end();
        continue;
      }
      const parts = (this.pending + this.decoder.write(this.buf.subarray(0, n))).split('\n');
      this.pending = parts.pop()!;
      this.lines = parts;
      this.at = 0;
    }
    return this.lines[this.at++];
  }
}

/**
 * The cache for one run. Call `slot` for each file in path order as it is started, and `write` with each slot
 * in the same order as its result is known; `close` then puts the new file in place (a temporary file
 * renamed, so a run that stops part-way leaves the old cache whole). Problems with the cache are never fatal:
 * `note` is told once and the run carries on as if there were no cache.
 */
export class ResultCache {
  private reader?: LineReader;
  private fd?: number;
  private ahead?: { line: string; entry: Entry };
  private out?: number;
  private outBuf: string[] = [];
  private outLen = 0;
  private readonly tmp: string;
  private noted = false;
  /** Slots handed out and not yet written back. */
  private open = 0;

  constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly today: string,
    private readonly note: (message: string) => void,
  ) {
    this.tmp = `${file}.${process.pid}.tmp`;
    this.openOld();
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      this.out = fs.openSync(this.tmp, 'w');
      this.put(JSON.stringify({ starrCache: FORMAT, version }));
    } catch (e) {
      this.out = undefined;
      this.cannotWrite(e);
    }
  }

  private openOld(): void {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.unreadable(e as Error);
      return;
    }
    this.fd = fd;
    try {
      this.reader = new LineReader(fd);
      const head = JSON.parse(this.reader.next() ?? '') as { starrCache?: unknown; version?: unknown };
      if (head.starrCache !== FORMAT || typeof head.version !== 'string') throw new Error('not a STARR cache');
      // Another version of STARR may check differently: start again.
      if (head.version !== this.version) this.stopReading();
    } catch (e) {
      this.unreadable(e as Error);
    }
  }

  private unreadable(e: Error): void {
    this.stopReading();
    if ((e as NodeJS.ErrnoException).code) this.warn(`The cache could not be used: ${systemErrorText('read', this.file, e)} Every file is checked afresh.`);
    else this.warn(`The cache file ${this.file} could not be read (it is damaged), so every file is checked afresh; it will be written again.`);
  }

  private warn(message: string): void {
    if (this.noted) return;
    this.noted = true;
    this.note(message);
  }

  private stopReading(): void {
    this.reader = undefined;
    this.ahead = undefined;
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }

  /** The next old entry, or undefined at the end (or when the rest cannot be read). */
  private peek(): { line: string; entry: Entry } | undefined {
    if (this.ahead || !this.reader) return this.ahead;
    try {
      const line = this.reader.next();
      if (line === undefined) {
        this.stopReading();
        return undefined;
      }
      const entry = JSON.parse(line) as Entry;
      if (typeof entry?.p !== 'string') throw new Error('damaged');
      this.ahead = { line, entry };
    } catch (e) {
      this.unreadable(e as Error);
    }
    return this.ahead;
  }

  /** Look a file up, moving past the old entries before it. Files must come in path order (as expandInputs sorts them). */
  slot(file: string, part: CachePart, key: string): CacheSlot {
    const slot: CacheSlot = { path: file, keep: [] };
    for (let next = this.peek(); next && next.entry.p <= file; next = this.peek()) {
      this.ahead = undefined;
      if (next.entry.p === file) slot.old = next;
      else if (!fs.existsSync(next.entry.p)) continue;
      // With every earlier slot written, an entry kept goes straight out: a run over one folder of a large
      // cached archive would otherwise hold every entry before its first file.
      else if (!this.open) this.put(next.line);
      else slot.keep.push(next.line);
    }
    this.open++;
    const stored = slot.old?.entry[part];
    if (stored && stored.k === key && (stored.d === undefined || stored.d === this.today)) slot.hit = stored.v;
    return slot;
  }

  /** Record a file's result (or, with no result, keep what was there). */
  write(slot: CacheSlot, part: CachePart, key: string, result?: { value: unknown; dayBound: boolean }): void {
    this.open--;
    for (const line of slot.keep) this.put(line);
    if (slot.hit !== undefined || !result) {
      if (slot.old) this.put(slot.old.line);
      return;
    }
    const entry: Entry = { ...slot.old?.entry, p: slot.path, [part]: { k: key, ...(result.dayBound ? { d: this.today } : {}), v: result.value } };
    this.put(JSON.stringify(entry));
  }

  private put(line: string): void {
    if (this.out === undefined) return;
    this.outBuf.push(line, '\n');
    this.outLen += line.length + 1;
    if (this.outLen >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.out === undefined || !this.outBuf.length) return;
    try {
      fs.writeSync(this.out, this.outBuf.join(''));
    } catch (e) {
      this.abandon(e as Error);
    }
    this.outBuf = [];
    this.outLen = 0;
  }

  private abandon(e: Error): void {
    if (this.out !== undefined) fs.closeSync(this.out);
    this.out = undefined;
    fs.rmSync(this.tmp, { force: true });
    this.cannotWrite(e);
  }

  /** The cache file named as it was given, a system error in plain words, and what happens meanwhile. */
  private cannotWrite(e: unknown): void {
    this.warn(`The cache could not be kept: ${systemErrorText('write', this.file, e)} The next run will check every file again.`);
  }

  /** Keep the old entries after the last file, and put the new cache in place of the old. */
  close(): void {
    for (let next = this.peek(); next; next = this.peek()) {
      this.ahead = undefined;
      if (fs.existsSync(next.entry.p)) this.put(next.line);
    }
    this.stopReading();
    this.flush();
    if (this.out === undefined) return;
    try {
      fs.closeSync(this.out);
      this.out = undefined;
      fs.renameSync(this.tmp, this.file);
    } catch (e) {
      this.abandon(e as Error);
    }
  }

  /** Stop without replacing the old cache (the run failed part-way). */
  discard(): void {
    this.stopReading();
    if (this.out !== undefined) fs.closeSync(this.out);
    this.out = undefined;
    fs.rmSync(this.tmp, { force: true });
  }
}
