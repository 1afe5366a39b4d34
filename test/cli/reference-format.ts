// The whole-document formatters `starr check` used before it wrote its output as a stream, kept as the
// reference its streamed output must match byte for byte (test/cli/stream.test.ts). Changes to what a format
// says (the summary's exit-code rule and problem note, --verbose details) are made here too.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../../src/core/rule';
import type { Finding, Severity } from '../../src/core/types';
import { palette, summaryLine, type FileReport, type Totals } from '../../src/cli/format';

type Paint = (s: string) => string;

export function countTotals(files: FileReport[], extra: Pick<Totals, 'skipped' | 'unreadable' | 'problems' | 'exitCode'>): Totals {
  const t: Totals = { files: files.length, error: 0, warning: 0, info: 0, hint: 0, fixed: 0, ...extra };
  for (const f of files) {
    t.fixed += f.fixed;
    for (const x of f.findings) t[x.severity]++;
  }
  return t;
}

/** `path:line:col  severity  message  [rule-id]`, one line per finding, a blank line between files, then a summary. */
export function formatText(files: FileReport[], totals: Totals, colour: boolean): string {
  const p = palette(colour);
  const sev: Record<Severity, Paint> = { error: p.red, warning: p.yellow, info: p.cyan, hint: p.dim };
  const out: string[] = [];
  for (const f of files) {
    if (!f.findings.length) continue;
    for (const x of f.findings) {
      const where = `${f.uri}:${x.start.line + 1}:${x.start.column + 1}`;
      const message = x.message.replace(/\s*\r?\n\s*/g, ' ');
      out.push(`${p.underline(where)}  ${sev[x.severity](x.severity.padEnd(7))}  ${message}  ${p.dim(`[${x.ruleId}]`)}`);
      if (x.detail) out.push(p.dim(`    details: ${x.detail}`));
    }
    out.push('');
  }
  out.push(summaryLine(totals, p));
  return `${out.join('\n')}\n`;
}

export function formatJson(files: FileReport[], totals: Totals, version: string, problems: string[]): string {
  const doc = {
    tool: { name: 'starr', version },
    files: files.map((f) => ({
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
    })),
    summary: { files: totals.files, errors: totals.error, warnings: totals.warning, info: totals.info, hints: totals.hint, fixed: totals.fixed, skipped: totals.skipped, unreadable: totals.unreadable },
    problems,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function countSeverities(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

const sarifLevel = (s: Severity): 'error' | 'warning' | 'note' => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');

/** A SARIF region from zero-based positions: one-based lines and UTF-16 columns (SARIF's default column kind). */
function region(f: FileReport, start: number, end: number) {
  const a = f.positionAt(start);
  const b = f.positionAt(end);
  return { startLine: a.line + 1, startColumn: a.column + 1, endLine: b.line + 1, endColumn: b.column + 1 };
}

/** SARIF 2.1.0, one run, rule metadata for every rule, paths relative to %SRCROOT% (the working folder). */
export function formatSarif(files: FileReport[], allRules: Rule[], version: string, cwd: string, problems: { message: string; severity: 'error' | 'warning' }[]): string {
  const ruleIndex = new Map(allRules.map((r, i) => [r.meta.id, i]));
  const srcroot = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href;
  // Files under the working folder are relative to %SRCROOT%; others get an absolute file: URI.
  const location = (f: FileReport) =>
    path.isAbsolute(f.uri) ? { uri: pathToFileURL(f.path).href } : { uri: encodeURI(f.uri).replace(/#/g, '%23').replace(/\?/g, '%3F'), uriBaseId: 'SRCROOT' };
  const results = files.flatMap((f) =>
    f.findings.map((x) => {
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
    }),
  );
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
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
      },
      originalUriBaseIds: { SRCROOT: { uri: srcroot } },
      columnKind: 'utf16CodeUnits',
      artifacts: files.map((f) => ({ location: location(f), sourceLanguage: 'markdown' })),
      results,
      invocations: [{
        executionSuccessful: !problems.some((m) => m.severity === 'error'),
        toolExecutionNotifications: problems.map((m) => ({ level: m.severity, message: { text: m.message } })),
      }],
    }],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
