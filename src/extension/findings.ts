// STARR findings as VS Code diagnostics, and back: shared by every feature that shows or reads them.
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core';
import { ruleDocsUri } from './docs-uri';

export const SOURCE = 'starr';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A finding as a VS Code diagnostic. With a document, ranges come from it; else from the finding's positions. */
export function toDiagnostic(f: Finding, uri: vscode.Uri, doc?: vscode.TextDocument): vscode.Diagnostic {
  const range = doc
    ? new vscode.Range(doc.positionAt(f.span.start), doc.positionAt(f.span.end))
    : new vscode.Range(f.start.line, f.start.column, f.end.line, f.end.column);
  const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.severity]);
  d.source = SOURCE;
  // The rule's page bundled with the extension, opened as a Markdown preview (see rule-docs.ts); works offline.
  d.code = { value: f.ruleId, target: ruleDocsUri(f.ruleId) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(
      new vscode.Location(uri, doc ? new vscode.Range(doc.positionAt(r.span.start), doc.positionAt(r.span.end)) : new vscode.Range(r.start.line, r.start.column, r.end.line, r.end.column)),
      r.message,
    ));
  }
  return d;
}

/** The rule id of a STARR diagnostic. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== SOURCE) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}
