// The whole-document formatters `starr check` used before it wrote its output as a stream, kept as the
// reference its streamed output must match byte for byte (test/cli/stream.test.ts). What each file or finding
// becomes comes from the product's own builders (fileJson, sarifTool, sarifResults); this checks how the
// streams assemble them. Changes to the text format (the summary's exit-code rule, --verbose details) are
// made here too.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule } from '../../src/core/rule';
import type { Severity } from '../../src/core/types';
import { fileJson, palette, sarifLocation, sarifResults, sarifTool, summaryLine, type FileReport, type Totals } from '../../src/cli/format';

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
    files: files.map(fileJson),
    summary: { files: totals.files, errors: totals.error, warnings: totals.warning, info: totals.info, hints: totals.hint, fixed: totals.fixed, skipped: totals.skipped, unreadable: totals.unreadable },
    problems,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** SARIF 2.1.0, one run, rule metadata for every rule, paths relative to %SRCROOT% (the working folder). */
export function formatSarif(files: FileReport[], allRules: Rule[], version: string, cwd: string, problems: { message: string; severity: 'error' | 'warning' }[]): string {
  const ruleIndex = new Map(allRules.map((r, i) => [r.meta.id, i]));
  const srcroot = pathToFileURL(cwd.endsWith(path.sep) ? cwd : cwd + path.sep).href;
  const results = files.flatMap((f) => sarifResults(f, ruleIndex));
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: sarifTool(allRules, version),
      originalUriBaseIds: { SRCROOT: { uri: srcroot } },
      columnKind: 'utf16CodeUnits',
      artifacts: files.map((f) => ({ location: sarifLocation(f), sourceLanguage: 'markdown' })),
      results,
      invocations: [{
        executionSuccessful: !problems.some((m) => m.severity === 'error'),
        toolExecutionNotifications: problems.map((m) => ({ level: m.severity, message: { text: m.message } })),
      }],
    }],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
