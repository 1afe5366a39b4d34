import * as vscode from 'vscode';
import type { Finding, Severity } from '../core';
import type { AnalysisResult } from './analysis-service';
import type { Services } from './services';

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
  d.code = { value: f.ruleId, target: vscode.Uri.parse(f.docsUrl) };
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

/**
 * Live diagnostics: on open, on change (debounced by `starr.debounceMs`), on save; cleared when a document closes
 * or stops being an account. After "Check all accounts in workspace", closed accounts show their problems too.
 */
export function register(services: Services): vscode.Disposable[] {
  const { analysis, workspace, config, log } = services;
  const collection = vscode.languages.createDiagnosticCollection(SOURCE);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let workspaceMode = false;

  const publish = (doc: vscode.TextDocument, r: AnalysisResult) => {
    if (doc.isClosed || doc.version !== r.version) return;
    log.time('publishing diagnostics', () => collection.set(doc.uri, r.findings.map((f) => toDiagnostic(f, doc.uri, doc))));
  };

  const check = async (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    if (doc.isClosed) return;
    const r = await analysis.analyse(doc);
    if (r) publish(doc, r);
    else if (!analysis.isAccount(doc)) collection.delete(doc.uri);
  };

  const schedule = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => void check(doc), config.editor(doc.uri).debounceMs));
  };

  const checkOpen = () => {
    for (const doc of vscode.workspace.textDocuments) if (doc.languageId === 'markdown') void check(doc);
  };

  /** Show the index's problems for accounts that are not open (workspace mode). */
  const showClosed = (uris?: string[]) => {
    if (!workspaceMode) return;
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const key of uris ?? workspace.index.all().map((s) => s.uri)) {
      if (open.has(key)) continue;
      const s = workspace.index.get(key);
      const uri = vscode.Uri.parse(key);
      if (s) collection.set(uri, s.findings.map((f) => toDiagnostic(f, uri)));
      else collection.delete(uri);
    }
  };

  checkOpen();
  return [
    collection,
    vscode.workspace.onDidOpenTextDocument((d) => void check(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length && e.document.languageId === 'markdown') schedule(e.document);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => void check(d)),
    vscode.workspace.onDidCloseTextDocument((d) => {
      clearTimeout(timers.get(d.uri.toString()));
      timers.delete(d.uri.toString());
      collection.delete(d.uri);
      showClosed([d.uri.toString()]);
    }),
    // Settings, `.starr.yaml`, criteria or an override changed: check every open document again.
    analysis.onDidChange(() => checkOpen()),
    workspace.onDidChange((uris) => showClosed(uris)),
    vscode.commands.registerCommand('starr._showWorkspaceProblems', () => {
      workspaceMode = true;
      showClosed();
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  ];
}
