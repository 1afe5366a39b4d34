// Output formats for `starr check`: text for people, JSON for scripts, SARIF 2.1.0 for code-scanning tools.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { reflectionDepth, type ReflectionDepth } from '../core/reflection';
import type { Rule } from '../core/rule';
import type { AccountModel, Finding, Pos, Severity } from '../core/types';

/** What the formats need of an analysed account (plain data, so a worker thread can send it back). */
export interface AccountInfo {
  framework: string;
  structure: string;
  words: number;
  /** `inferred`: the section has no heading or label; it was read from the writing. */
  sections: { id: string; present: boolean; words: number; inferred: boolean }[];
  reflection: ReflectionDepth;
}

export function accountInfo(account: AccountModel): AccountInfo {
  return {
    framework: account.framework.id,
    structure: account.structure,
    words: account.words,
    sections: account.framework.sections.map((d) => {
      const s = account.sectionById.get(d.id);
      return { id: d.id, present: s !== undefined, words: s?.words ?? 0, inferred: s?.inferred === true };
    }),
    reflection: reflectionDepth(account),
  };
}

/** One checked file, as every format needs it. */
export interface FileReport {
  /** As shown: relative to cwd, forward slashes. */
  uri: string;
  /** Absolute path. */
  path: string;
  info: AccountInfo;
  /** Offset -> zero-based line/column in the file's text. */
  positionAt(offset: number): Pos;
  /** The findings shown (after --quiet). */
  findings: Finding[];
  /** How many fixes --fix applied to this file. */
  fixed: number;
}

export interface Totals {
  files: number;
  error: number;
  warning: number;
  info: number;
  hint: number;
  fixed: number;
  skipped: number;
  unreadable: number;
  /** Problems with the inputs or settings that make the run incomplete (paths that matched nothing, broken settings). */
  problems?: number;
  /** The run's exit code: the summary never looks like a pass when the run fails. */
  exitCode?: number;
}

export function emptyTotals(extra: Pick<Totals, 'skipped' | 'unreadable'>): Totals {
  return { files: 0, error: 0, warning: 0, info: 0, hint: 0, fixed: 0, ...extra };
}

/** Count one file's shown findings and fixes into the totals. */
export function addToTotals(t: Totals, f: FileReport): void {
  t.files++;
  t.fixed += f.fixed;
  for (const x of f.findings) t[x.severity]++;
}

/**
 * A format written as a stream: `file` for each checked file in order (its text can then be let go), then
 * `end`. What is written is the same, byte for byte, as the whole document built at once.
 */
export interface OutputWriter {
  file(f: FileReport): void;
  end(totals: Totals, problems: { message: string; severity: 'error' | 'warning' }[]): void;
}

// ------------------------------------------------------------------------------------------------ text

const ESC = '\u001b[';
type Paint = (s: string) => string;
export interface Palette {
  red: Paint;
  yellow: Paint;
  cyan: Paint;
  green: Paint;
  dim: Paint;
  bold: Paint;
  underline: Paint;
}

export function palette(colour: boolean): Palette {
  const c = (open: number, close: number): Paint => (colour ? (s) => `${ESC}${open}m${s}${ESC}${close}m` : (s) => s);
  return { red: c(31, 39), yellow: c(33, 39), cyan: c(36, 39), green: c(32, 39), dim: c(2, 22), bold: c(1, 22), underline: c(4, 24) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `path:line:col  severity  message  [rule-id]`, one line per finding, a blank line after each file, then a summary. */
export function textWriter(write: (s: string) => void, colour: boolean): OutputWriter {
  const p = palette(colour);
  const sev: Record<Severity, Paint> = { error: p.red, warning: p.yellow, info: p.cyan, hint: p.dim };
  return {
    file(f) {
      if (!f.findings.length) return;
      const out: string[] = [];
      for (const x of f.findings) {
        const where = `${f.uri}:${x.start.line + 1}:${x.start.column + 1}`;
        const message = x.message.replace(/\s*\r?\n\s*/g, ' ');
        out.push(`${p.underline(where)}  ${sev[x.severity](x.severity.padEnd(7))}  ${message}  ${p.dim(`[${x.ruleId}]`)}\n`);
        if (x.detail) out.push(`${p.dim(`    details: ${x.detail}`)}\n`);
      }
      write(`${out.join('')}\n`);
    },
    end(totals) {
      write(`${summaryLine(totals, p)}\n`);
    },
  };
}

export function summaryLine(t: Totals, p: Palette): string {
  const counts = [plural(t.error, 'error'), plural(t.warning, 'warning'), `${t.info} info`];
  if (t.hint) counts.push(plural(t.hint, 'hint'));
  const problems = t.error + t.warning + t.info + t.hint;
  const head = `${plural(t.files, 'file')} checked: ${counts.join(', ')}`;
  const failed = t.error || (t.exitCode ?? 0) !== 0;
  const mark = failed ? p.red(p.bold(`✖ ${head}`)) : problems ? p.yellow(`⚠ ${head}`) : p.green(`✔ ${head}`);
  const notes: string[] = [];
  if (t.problems) notes.push(`${plural(t.problems, 'problem')} with the files or settings (see above), so the check is not complete`);
  if (t.fixed) notes.push(`${plural(t.fixed, 'problem')} fixed`);
  if (t.skipped) notes.push(`${plural(t.skipped, 'Markdown file')} skipped (not reflective accounts or excluded; name a file to check it anyway)`);
  if (t.unreadable) notes.push(`${plural(t.unreadable, 'file')} could not be read (see above)`);
  return notes.length ? `${mark}\n${p.dim(notes.join('; ') + '.')}` : mark;
}

// ------------------------------------------------------------------------------------------------ JSON

/** JSON.stringify(value, null, 2) as it reads nested `depth` levels deep (strings hold no raw line breaks). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** Characters of JSON gathered before they are handed on. */
const JSON_PIECE = 16 * 1024;

/**
 * Writes what `nested(value, depth)` returns, a piece at a time: one file's findings can hold a fix with
 * 90,000 edits, and building that as one string (then a copy with the indent) cost as much as checking the file.
 */
export function writeJson(write: (s: string) => void, value: unknown, depth: number): void {
  let out = '';
  const put = (v: unknown, pad: string): void => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(): unknown }).toJSON();
    if (v === null || typeof v !== 'object') {
      out += JSON.stringify(v) ?? 'null';
      return;
    }
    const inner = `${pad}  `;
    if (Array.isArray(v)) {
      if (!v.length) {
        out += '[]';
        return;
      }
      out += '[';
      for (let i = 0; i < v.length; i++) {
        out += `${i ? ',' : ''}\n${inner}`;
        const x = v[i] as unknown;
        put(x === undefined || typeof x === 'function' || typeof x === 'symbol' ? null : x, inner);
        if (out.length >= JSON_PIECE) {
          write(out);
          out = '';
        }
      }
      out += `\n${pad}]`;
      return;
    }
    let first = true;
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      out += `${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
      first = false;
      put(x, inner);
    }
    out += first ? '{}' : `\n${pad}}`;
  };
  put(value, '  '.repeat(depth));
  if (out) write(out);
}

/** One file as the JSON output writes it. */
export function fileJson(f: FileReport) {
  return {
    path: f.uri,
    framework: f.info.framework,
    structure: f.info.structure,
    words: f.info.words,
    sections: f.info.sections,
    reflection: f.info.reflection,
    counts: countSeverities(f.findings),
    fixed: f.fixed,
    findings: f.findings.map((x) => ({
      ruleId: x.ruleId,
      severity: x.severity,
      message: x.message,
      line: x.start.line + 1,
      column: x.start.column + 1,
      endLine: x.end.line + 1,
      endColumn: x.end.column + 1,
      span: x.span,
      docsUrl: x.docsUrl,
      ...(x.fixes?.length ? { fixes: x.fixes } : {}),
      ...(x.related?.length ? { related: x.related.map((r) => ({ message: r.message, line: r.start.line + 1, column: r.start.column + 1, endLine: r.end.line + 1, endColumn: r.end.column + 1, span: r.span })) } : {}),
      ...(x.data ? { data: x.data } : {}),
      ...(x.detail ? { detail: x.detail } : {}),
    })),
  };
}

/** `{ tool, files: [...], summary, problems }`, pretty-printed with two spaces, one file at a time. */
export function jsonWriter(write: (s: string) => void, version: string): OutputWriter {
  let first = true;
  write(`{\n  "tool": ${nested({ name: 'starr', version }, 1)},\n  "files": [`);
  return {
    file(f) {
      write(`${first ? '' : ','}\n    `);
      writeJson(write, fileJson(f), 2);
      first = false;
    },
    end(totals, problems) {
      const summary = { files: totals.files, errors: totals.error, warnings: totals.warning, info: totals.info, hints: totals.hint, fixed: totals.fixed, skipped: totals.skipped, unreadable: totals.unreadable };
      write(`${first ? '' : '\n  '}],\n  "summary": ${nested(summary, 1)},\n  "problems": ${nested(problems.map((x) => x.message), 1)}\n}\n`);
    },
  };
}

function countSeverities(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

// ------------------------------------------------------------------------------------------------ SARIF

const sarifLevel = (s: Severity): 'error' | 'warning' | 'note' => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');

/** A SARIF region from zero-based positions: one-based lines and UTF-16 columns (SARIF's default column kind). */
function region(f: FileReport, start: number, end: number) {
  const a = f.positionAt(start);
  const b = f.positionAt(end);
  return { startLine: a.line + 1, startColumn: a.column + 1, endLine: b.line + 1, endColumn: b.column + 1 };
}

/** `[` items `]` as JSON.stringify(items, null, 2) writes them `depth` levels deep, an item at a time. */
function writeArray<T>(write: (s: string) => void, items: Iterable<T>, depth: number, toJson: (item: T) => unknown): void {
  const pad = '  '.repeat(depth);
  let first = true;
  write('[');
  for (const item of items) {
    write(`${first ? '' : ','}\n${pad}  `);
    writeJson(write, toJson(item), depth + 1);
    first = false;
  }
  write(first ? ']' : `\n${pad}]`);
}

/** SARIF's `tool`: the driver with metadata for every rule. */
export function sarifTool(allRules: Rule[], version: string) {
  return {
    driver: {
      name: 'starr',
      fullName: 'STARR Reflect',
      informationUri: 'https://github.com/starr-reflect/starr-reflect',
      version,
      semanticVersion: version,
      rules: allRules.map((r) => ({
        id: r.meta.id,
        name: r.meta.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
        shortDescription: { text: r.meta.title },
        fullDescription: { text: r.meta.rationale },
        helpUri: r.meta.docsUrl,
        help: { text: `${r.meta.rationale} See ${r.meta.docsUrl}` },
        defaultConfiguration: { level: sarifLevel(r.meta.defaultSeverity) },
        properties: { fixable: !!r.meta.fixable, tags: ['writing', 'reflective-account'] },
      })),
    },
  };
}

/** A file's SARIF location: relative to %SRCROOT% under the working folder, otherwise an absolute file: URI. */
export function sarifLocation(f: { uri: string; path: string }) {
  return path.isAbsolute(f.uri) ? { uri: pathToFileURL(f.path).href } : { uri: encodeURI(f.uri).replace(/#/g, '%23').replace(/\?/g, '%3F'), uriBaseId: 'SRCROOT' };
}

/** SARIF results for one file's findings (`ruleIndex`: each rule id's place in the tool's rules). */
export function sarifResults(f: FileReport, ruleIndex: Map<string, number>): Record<string, unknown>[] {
  const location = sarifLocation;
  return f.findings.map((x) => {
    const r: Record<string, unknown> = {
      ruleId: x.ruleId,
      ...(ruleIndex.has(x.ruleId) ? { ruleIndex: ruleIndex.get(x.ruleId) } : {}),
      level: sarifLevel(x.severity),
      message: { text: x.message },
      locations: [{ physicalLocation: { artifactLocation: location(f), region: region(f, x.span.start, x.span.end) } }],
    };
    if (x.related?.length) {
      r.relatedLocations = x.related.map((rel, id) => ({ id, message: { text: rel.message }, physicalLocation: { artifactLocation: location(f), region: region(f, rel.span.start, rel.span.end) } }));
    }
    if (x.fixes?.length) {
      r.fixes = x.fixes.map((fix) => ({
        description: { text: fix.title },
        artifactChanges: [{
          artifactLocation: location(f),
          replacements: fix.edits.map((e) => ({ deletedRegion: region(f, e.span.start, e.span.end), insertedContent: { text: e.newText } })),
        }],
      }));
    }
    return r;
  });
}

/**
 * SARIF 2.1.0, one run, rule metadata for every rule, paths relative to %SRCROOT% (the working folder).
 * `artifacts` are the files to be checked, listed before any result.
 */
export function sarifWriter(write: (s: string) => void, allRules: Rule[], version: string, cwd: string, artifacts: Iterable<{ uri: string; path: string }>): OutputWriter {
  const ruleIndex = new Map(allRules.map((r, i) => [r.meta.id, i]));
  const srcroot = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href;
  const tool = sarifTool(allRules, version);
  write(`{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": ${nested(tool, 3)},\n      "originalUriBaseIds": ${nested({ SRCROOT: { uri: srcroot } }, 3)},\n      "columnKind": "utf16CodeUnits",\n      "artifacts": `);
  writeArray(write, artifacts, 3, (f) => ({ location: sarifLocation(f), sourceLanguage: 'markdown' }));
  write(',\n      "results": [');
  let first = true;
  return {
    file(f) {
      for (const r of sarifResults(f, ruleIndex)) {
        write(`${first ? '' : ','}\n        `);
        writeJson(write, r, 4);
        first = false;
      }
    },
    end(_totals, problems) {
      const invocations = [{
        executionSuccessful: !problems.some((m) => m.severity === 'error'),
        toolExecutionNotifications: problems.map((m) => ({ level: m.severity, message: { text: m.message } })),
      }];
      write(`${first ? '' : '\n      '}],\n      "invocations": ${nested(invocations, 3)}\n    }\n  ]\n}\n`);
    },
  };
}
