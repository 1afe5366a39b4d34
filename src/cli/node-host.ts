// Node file helpers shared by every `starr` command: find files, read them safely, find and load
// `.starr.yaml`, load criteria sets and a whole portfolio. Only the CLI uses Node APIs; the core stays pure.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { parseConfig } from '../analysis/config';
import { CONFIG_FILE_NAMES, resolveConfig, type ResolvedConfig, type StarrConfig } from '../core/config';
import { CriteriaCatalog, type CriteriaSource } from '../core/criteria';
import { DEFAULT_FRAMEWORK, getFramework } from '../core/data';
import { looksLikeAccount } from '../core/detect';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
/** Larger files are skipped with a message: no real account is anywhere near this. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules']);

// ---------------------------------------------------------------------------------------------- paths

/** A path as shown to the user: relative to cwd with forward slashes, or absolute when outside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  if (!rel) return path.basename(file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return file.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

const toPosix = (p: string) => p.split(path.sep).join('/');

// ---------------------------------------------------------------------------------------------- system errors

/** A system error code in plain words, with what to do about it (the code itself means nothing to most learners). */
const SYSTEM_ERRORS: Record<string, { words: string; read: string; write: string }> = {
  EACCES: { words: 'permission denied', read: 'Ask whoever manages the folder to let you read it, or copy the file somewhere you can.', write: 'Choose a folder you can write to, or ask whoever manages it to let you.' },
  ENOENT: { words: 'it does not exist', read: 'Check the spelling of the path.', write: 'Check that the folder exists.' },
  ENOTDIR: { words: 'part of the path is a file, not a folder', read: 'Check the path.', write: 'Check the path.' },
  EISDIR: { words: 'it is a folder, not a file', read: 'Name a file inside it.', write: 'Name a file inside it.' },
  EBUSY: { words: 'another program is using it', read: 'Close it there and try again.', write: 'Close it there and try again.' },
  EMFILE: { words: 'too many files are open at once', read: 'Close some programs and try again.', write: 'Close some programs and try again.' },
  ELOOP: { words: 'it is a link that points back to itself', read: 'Check where the link points.', write: 'Check where the link points.' },
  ENAMETOOLONG: { words: 'the path is too long', read: 'Move the file to a folder with a shorter path.', write: 'Choose a shorter path.' },
  EIO: { words: 'the disk reported an error', read: 'Check the drive, or copy the file somewhere else.', write: 'Check the drive, or write somewhere else.' },
  ENOSPC: { words: 'the disk is full', read: 'Free some space and try again.', write: 'Free some space and try again.' },
  EROFS: { words: 'the disk is read-only', read: 'Copy the file somewhere you can write to.', write: 'Choose a folder on a disk you can write to.' },
  EEXIST: { words: 'it already exists', read: 'Choose another name.', write: 'Choose another name.' },
};
SYSTEM_ERRORS.EPERM = SYSTEM_ERRORS.EACCES;
SYSTEM_ERRORS.ENFILE = SYSTEM_ERRORS.EMFILE;

/** "I can't read X: permission denied. Ask …": a failed read, write or folder listing in plain words. */
export function systemErrorText(action: 'read' | 'write' | 'open the folder', shown: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? SYSTEM_ERRORS[code] : undefined;
  if (!known) return `I can't ${action} ${shown}: the system said "${(e as Error | undefined)?.message ?? String(e)}".`;
  return `I can't ${action} ${shown}: ${known.words}. ${action === 'write' ? known.write : known.read}`;
}

// ---------------------------------------------------------------------------------------------- reading

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type ReadResult =
  | { ok: true; text: string; bom: boolean; encoding: TextEncodingName; size: number }
  | { ok: false; reason: 'missing' | 'not-a-file' | 'too-large' | 'binary' | 'encoding' | 'io'; message: string; error?: unknown };

/** The problem with a file that could not be read, as one line naming it. */
export function readProblemText(shown: string, r: Extract<ReadResult, { ok: false }>): string {
  return r.reason === 'io' ? systemErrorText('read', shown, r.error) : `${shown}: ${r.message}`;
}

/**
 * Read a text file without ever throwing: a missing, huge, binary or wrongly encoded file gives a plain
 * message instead. A byte-order mark is removed from the text (editors do not count it) and reported in
 * `bom`, so a file written back keeps it.
 */
export function readTextFile(file: string, maxBytes = MAX_FILE_BYTES): ReadResult {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { ok: false, reason: 'not-a-file', message: 'is not a file.' };
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', message: 'no such file.' };
    return { ok: false, reason: 'io', message: systemErrorText('read', 'this file', e), error: e };
  }
  if (size > maxBytes) {
    return { ok: false, reason: 'too-large', message: `skipped: the file is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} STARR checks. A reflective account is usually under 50 KB — is this the right file?` };
  }
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, reason: 'io', message: systemErrorText('read', 'this file', e), error: e };
  }
  return decodeText(buf);
}

/** Decode file bytes as the CLI does (exported for tests and for callers that already hold the bytes). */
export function decodeText(buf: Uint8Array): ReadResult {
  const size = buf.length;
  // UTF-16 is rare for Markdown but Windows tools do write it; its BOM tells us, and it legitimately holds NULs.
  if (buf[0] === 0xff && buf[1] === 0xfe) return decodeWith(buf.subarray(2), 'utf-16le', size);
  if (buf[0] === 0xfe && buf[1] === 0xff) return decodeWith(buf.subarray(2), 'utf-16be', size);
  if (buf.indexOf(0) !== -1) {
    return { ok: false, reason: 'binary', message: 'skipped: this looks like a binary file (it contains NUL bytes), not Markdown text. If it is a Word document, save it as plain text or Markdown first.' };
  }
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const body = bom ? buf.subarray(3) : buf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { ok: true, text, bom, encoding: 'utf-8', size };
  } catch {
    const at = firstInvalidUtf8(body);
    const where = at >= 0 ? ` (the first bad byte is at ${lineColOfByte(body, at)})` : '';
    return { ok: false, reason: 'encoding', message: `skipped: the file is not valid UTF-8 text${where}. Open it in your editor and save it with UTF-8 encoding.` };
  }
}

function decodeWith(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', size: number): ReadResult {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), bom: true, encoding, size };
  } catch {
    return { ok: false, reason: 'encoding', message: `skipped: the file starts like UTF-16 text but is not valid UTF-16. Save it with UTF-8 encoding.` };
  }
}

/** The byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (!n || i + n >= b.length) return i;
    const min = n === 1 ? 0x80 : n === 2 ? 0x800 : 0x10000;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** "line 3, column 14" (one-based; the column counts characters before the byte). */
function lineColOfByte(b: Uint8Array, at: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (b[i] !== 0x0a) continue;
    line++;
    lineStart = i + 1;
  }
  const before = new TextDecoder('utf-8').decode(b.subarray(lineStart, at));
  return `line ${line}, column ${before.length + 1}`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/**
 * Write text back safely: to a temporary file beside it, then rename over the original, so an interrupted
 * write never leaves half a file. Keeps the BOM, the encoding and the file's permissions.
 */
export function writeTextFile(file: string, text: string, opts: { bom?: boolean; encoding?: TextEncodingName } = {}): void {
  const encoding = opts.encoding ?? 'utf-8';
  let bytes: Buffer;
  if (encoding === 'utf-8') bytes = Buffer.concat([opts.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  else {
    const le = Buffer.from(text, 'utf16le');
    if (encoding === 'utf-16be') le.swap16();
    bytes = Buffer.concat([Buffer.from(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
  }
  writeFileAtomic(file, bytes);
}

/**
 * Write bytes safely: to a temporary file beside the target, then rename it over, so an interrupted write never
 * leaves half a file. Follows a symlink to its target and keeps an existing file's permissions.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  writeAtomically(file, (fd) => writeAll(fd, bytes));
}

/** UTF-8 text given a piece at a time, written as safely as writeFileAtomic and never held whole. */
export function writeTextPartsAtomic(file: string, parts: Iterable<string>): void {
  writeAtomically(file, (fd) => {
    for (const chunk of chunked(parts)) writeAll(fd, Buffer.from(chunk, 'utf8'));
  });
}

/** Pieces of text gathered into chunks of about 64 KB (whole pieces). */
export function* chunked(parts: Iterable<string>, size = 64 * 1024): Generator<string> {
  let chunk: string[] = [];
  let length = 0;
  for (const p of parts) {
    chunk.push(p);
    length += p.length;
    if (length < size) continue;
    yield chunk.join('');
    chunk = [];
    length = 0;
  }
  if (chunk.length) yield chunk.join('');
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let n = 0; n < bytes.length; ) n += fs.writeSync(fd, bytes, n, bytes.length - n);
}

function writeAtomically(file: string, fill: (fd: number) => void): void {
  // Write through a symlink to the real file, so the link stays a link and its target gets the change.
  try {
    file = fs.realpathSync(file);
  } catch {
    // A new file: nothing to follow.
  }
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode;
  } catch {
    mode = undefined;
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.starr-${process.pid}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w', mode);
    try {
      fill(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do; the original is untouched.
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------- finding files

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Named on the command line (always checked) rather than found in a folder or by a glob. */
  explicit: boolean;
}

export interface ExpandResult {
  files: InputFile[];
  /** Plain messages for inputs that matched nothing or could not be read. */
  problems: string[];
}

/**
 * Turn command-line inputs (files, folders, globs) into files. Folders give their Markdown files,
 * recursively, skipping node_modules and dot-folders below them; globs are matched relative to cwd.
 */
export function expandInputs(inputs: string[], cwd: string, extensions = MARKDOWN_EXTENSIONS): ExpandResult {
  const seen = new Map<string, InputFile>();
  const problems: string[] = [];
  const add = (p: string, explicit: boolean) => {
    const prev = seen.get(p);
    if (!prev) seen.set(p, { path: p, explicit });
    else if (explicit) prev.explicit = true;
  };
  const isMarkdown = (f: string) => extensions.includes(path.extname(f).toLowerCase());
  const cannotOpen = (dir: string, e: unknown) => problems.push(systemErrorText('open the folder', displayPath(dir, cwd), e));
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      st = undefined;
      const code = (e as NodeJS.ErrnoException).code;
      // A path that is there but cannot be reached (a folder on the way is locked) is not "no such file".
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        problems.push(systemErrorText('read', input, e));
        continue;
      }
    }
    if (st?.isFile()) {
      add(abs, true);
      continue;
    }
    if (st?.isDirectory()) {
      const before = seen.size;
      const unopened = problems.length;
      for (const f of walkFiles(abs, cannotOpen)) if (isMarkdown(f)) add(f, false);
      if (seen.size === before && problems.length === unopened) problems.push(`${input}: no Markdown files (.md) in this folder.`);
      continue;
    }
    const scan = picomatch.scan(toPosix(input));
    if (!scan.isGlob) {
      problems.push(`${input}: no such file or folder. Check the spelling of the path.`);
      continue;
    }
    const base = path.resolve(cwd, scan.base || '.');
    const absolutePattern = path.isAbsolute(input);
    const match = picomatch(toPosix(input).replace(/^\.\//, ''), { dot: false });
    let n = 0;
    for (const f of walkFiles(base, cannotOpen)) {
      const candidate = absolutePattern ? toPosix(f) : toPosix(path.relative(cwd, f));
      if (match(candidate)) {
        add(f, false);
        n++;
      }
    }
    if (!n) problems.push(`${input}: no files match this pattern.`);
  }
  const files = [...seen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems };
}

/**
 * Every file under a folder; skips node_modules, .git and other dot-folders; does not follow folder symlinks.
 * A folder that cannot be listed is passed to `onError`, so a locked folder is never mistaken for an empty one.
 */
export function* walkFiles(dir: string, onError?: (dir: string, e: unknown) => void): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    onError?.(dir, e);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
      yield* walkFiles(full, onError);
    } else if (e.isFile()) yield full;
    else if (e.isSymbolicLink()) {
      try {
        if (fs.statSync(full).isFile()) yield full;
      } catch {
        // A broken link: nothing to check.
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------- configuration

/** The configuration in force for one file. */
export interface FileConfig {
  resolved: ResolvedConfig;
  /** The `.starr.yaml` that applies, if any. */
  file?: string;
  /** The folder relative globs and criteria folders are resolved against. */
  dir: string;
  /** The file as written (undefined when absent or broken). */
  raw?: StarrConfig;
}

/** Find `.starr.yaml` / `.starr.yml` in `dir` or the nearest folder above it. */
export function findConfigFile(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; ) {
    for (const name of CONFIG_FILE_NAMES) {
      const f = path.join(d, name);
      try {
        if (fs.statSync(f).isFile()) return f;
      } catch {
        // Not here; keep walking up.
      }
    }
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

export interface ConfigResolverOptions {
  cwd: string;
  /** `--config FILE`: used for every file instead of searching. */
  configFile?: string;
  /** `--framework ID`: wins over the file. */
  framework?: string;
  /** Where problems go (the CLI prints them to stderr), each once. Warnings do not fail a run. */
  onProblem(message: string, severity?: 'error' | 'warning'): void;
  /** `--verbose`: also give the YAML reader's own words under a YAML mistake. */
  verbose?: boolean;
}

/**
 * Finds and loads the configuration for each file, caching per folder and per config file. A broken
 * config never stops a run: its problems are reported at file:line:col and the defaults are used.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, FileConfig>();
  private readonly catalogs = new Map<string, CriteriaCatalog>();
  private readonly criteriaDigests = new Map<string, string>();
  private readonly settingsKeys = new Map<FileConfig, string>();
  private readonly matchers = new Map<string, { include: (p: string) => boolean; exclude: (p: string) => boolean }>();
  private noFile?: FileConfig;

  constructor(private readonly opts: ConfigResolverOptions) {}

  /** The explicit `--config` file cannot be read: a usage error the caller reports. */
  checkExplicit(): string | undefined {
    if (!this.opts.configFile) return undefined;
    const r = readTextFile(path.resolve(this.opts.cwd, this.opts.configFile));
    return r.ok ? undefined : readProblemText(this.opts.configFile, r);
  }

  forFile(file: string): FileConfig {
    const configFile = this.opts.configFile ? path.resolve(this.opts.cwd, this.opts.configFile) : this.nearest(path.dirname(file));
    if (!configFile) return (this.noFile ??= { resolved: this.finish(resolveConfig()), dir: this.opts.cwd });
    let fc = this.byFile.get(configFile);
    if (!fc) {
      fc = this.load(configFile);
      this.byFile.set(configFile, fc);
    }
    return fc;
  }

  private nearest(dir: string): string | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const found = findConfigFile(dir);
    this.byDir.set(dir, found);
    return found;
  }

  private details(detail: string | undefined): string {
    return this.opts.verbose && detail ? `\n    details: ${detail}` : '';
  }

  private load(file: string): FileConfig {
    const shown = displayPath(file, this.opts.cwd);
    const dir = path.dirname(file);
    const r = readTextFile(file);
    if (!r.ok) {
      this.opts.onProblem(`${readProblemText(shown, r)} Meanwhile STARR uses its default settings.`);
      return { resolved: this.finish(resolveConfig()), file, dir };
    }
    // Each problem is one line that says what STARR does meanwhile; only errors make the run incomplete.
    const parsed = parseConfig(r.text);
    for (const p of parsed.problems) this.opts.onProblem(`${shown}:${p.line}:${p.column}  ${p.severity ?? 'error'}  ${p.message}${this.details(p.detail)}`, p.severity ?? 'error');
    if (!parsed.config) return { resolved: this.finish(resolveConfig()), file, dir };
    return { resolved: this.finish(resolveConfig(parsed.config)), file, dir, raw: parsed.config };
  }

  /** Apply `--framework` (checked when the options were read); a framework no one knows was reported with the settings. */
  private finish(resolved: ResolvedConfig): ResolvedConfig {
    if (this.opts.framework) resolved.framework = this.opts.framework.toLowerCase();
    if (!getFramework(resolved.framework)) resolved.framework = DEFAULT_FRAMEWORK;
    return resolved;
  }

  private globsFor(fc: FileConfig) {
    const key = fc.file ?? '';
    let m = this.matchers.get(key);
    if (!m) {
      const mk = (globs: string[]) => (globs.length ? picomatch(globs.map((g) => g.replace(/^\.\//, '')), { dot: true }) : () => false);
      m = { include: mk(fc.resolved.include), exclude: mk(fc.resolved.exclude) };
      this.matchers.set(key, m);
    }
    return m;
  }

  /** Whether the config's `exclude` globs (relative to the config file) match this file. */
  excluded(file: string, fc = this.forFile(file)): boolean {
    return this.globsFor(fc).exclude(toPosix(path.relative(fc.dir, file)));
  }

  /** Whether the config's `include` globs make this file an account whatever it holds. */
  included(file: string, fc = this.forFile(file)): boolean {
    return this.globsFor(fc).include(toPosix(path.relative(fc.dir, file)));
  }

  /** Bundled criteria sets plus the centre's (the config's `criteria` folders), loaded once per config. */
  catalogFor(fc: FileConfig): CriteriaCatalog {
    const key = fc.file ?? '';
    let c = this.catalogs.get(key);
    if (!c) {
      const centre: CriteriaSource[] = [];
      for (const folder of fc.resolved.criteria) {
        const abs = path.resolve(fc.dir, folder);
        let found = 0;
        // A missing folder is named once, below; a locked one is said in plain words.
        const locked = (d: string, e: unknown) => (e as NodeJS.ErrnoException).code !== 'ENOENT' && this.opts.onProblem(systemErrorText('open the folder', displayPath(d, this.opts.cwd), e));
        for (const f of walkFiles(abs, locked)) {
          if (!/\.ya?ml$/i.test(f)) continue;
          found++;
          const r = readTextFile(f);
          if (r.ok) centre.push({ text: r.text, source: displayPath(f, this.opts.cwd) });
          else this.opts.onProblem(readProblemText(displayPath(f, this.opts.cwd), r));
        }
        if (!found) this.opts.onProblem(`${fc.file ? displayPath(fc.file, this.opts.cwd) : 'config'}: the criteria folder "${folder}" has no .yaml criteria sets (looked in ${displayPath(abs, this.opts.cwd)}).`);
      }
      c = new CriteriaCatalog({ centre });
      const h = createHash('sha1');
      for (const x of centre) h.update(`${x.source}\0${x.text}\0`);
      this.criteriaDigests.set(key, h.digest('hex'));
      for (const p of c.problems) this.opts.onProblem(`${p.source}:${p.line}:${p.column}  ${p.severity}  ${p.message}${this.details(p.detail)}`, p.severity);
      this.catalogs.set(key, c);
    }
    return c;
  }

  /**
   * A digest of everything the analysis of a file takes from its settings: the resolved settings and the
   * centre's criteria sets they load (the bundled ones go with the tool's version).
   */
  settingsKey(fc: FileConfig): string {
    let k = this.settingsKeys.get(fc);
    if (k === undefined) {
      this.catalogFor(fc);
      k = createHash('sha1').update(JSON.stringify(fc.resolved)).update('\0').update(this.criteriaDigests.get(fc.file ?? '') ?? '').digest('hex');
      this.settingsKeys.set(fc, k);
    }
    return k;
  }
}

// ---------------------------------------------------------------------------------------------- accounts

export { looksLikeAccount };

/** An account found and read once to tell that it is one; its text is not kept. */
export interface AccountRef {
  /** Absolute path. */
  path: string;
  /** As shown to the user and used as the portfolio index key: relative to cwd, forward slashes. */
  uri: string;
  bom: boolean;
  encoding: TextEncodingName;
  config: FileConfig;
  /** The text's length in characters. */
  chars: number;
  /** A digest of the text (with `digest: true`). */
  digest?: string;
}


export interface CollectOptions {
  cwd: string;
  configFile?: string;
  framework?: string;
  /** Check every Markdown file found, not only those that look like accounts. */
  allFiles?: boolean;
  onProblem(message: string, severity?: 'error' | 'warning'): void;
  verbose?: boolean;
}

export interface CollectResult {
  accounts: AccountRef[];
  /** Files found in folders or by globs that are not accounts, or excluded by config. */
  skipped: { uri: string; reason: 'not-an-account' | 'excluded' }[];
  /** Files that could not be read (messages already passed to onProblem). */
  unreadable: string[];
  /** Inputs that matched nothing or could not be opened. */
  unmatched: string[];
  /** Problems reported as errors so far (inputs, settings, criteria sets), counted as they are reported. */
  errors: { count: number };
  resolver: ConfigResolver;
}

/**
 * Everything a command needs before analysing: expand the inputs, read each file safely, apply the config's
 * exclude/include and the account test. Each text is let go once read (it is read again where it is analysed),
 * so a run over thousands of files holds only their names; `digest` adds a digest of each text (--cache).
 * Problems are reported through onProblem and never stop the other files.
 */
export function scanAccounts(inputs: string[], given: CollectOptions & { digest?: boolean }): CollectResult {
  const errors = { count: 0 };
  const opts: CollectOptions & { digest?: boolean } = {
    ...given,
    onProblem(message, severity = 'error') {
      if (severity === 'error') errors.count++;
      given.onProblem(message, severity);
    },
  };
  const resolver = new ConfigResolver(opts);
  const { files, problems } = expandInputs(inputs, opts.cwd);
  for (const p of problems) opts.onProblem(p);
  const out: CollectResult = { accounts: [], skipped: [], unreadable: [], unmatched: problems, errors, resolver };
  for (const f of files) {
    const uri = displayPath(f.path, opts.cwd);
    const config = resolver.forFile(f.path);
    if (!f.explicit && resolver.excluded(f.path, config)) {
      out.skipped.push({ uri, reason: 'excluded' });
      continue;
    }
    const r = readTextFile(f.path);
    if (!r.ok) {
      opts.onProblem(readProblemText(uri, r));
      out.unreadable.push(uri);
      continue;
    }
    if (!f.explicit && !opts.allFiles && !resolver.included(f.path, config) && !looksLikeAccount(r.text, config.resolved.framework)) {
      out.skipped.push({ uri, reason: 'not-an-account' });
      continue;
    }
    const ref: AccountRef = { path: f.path, uri, bom: r.bom, encoding: r.encoding, config, chars: r.text.length };
    if (opts.digest) ref.digest = textDigest(r.text);
    out.accounts.push(ref);
  }
  return out;
}

export function textDigest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
