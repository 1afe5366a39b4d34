import * as vscode from 'vscode';
import type { AnalysisResult } from './analysis-service';
import { SOURCE, toDiagnostic } from './findings';
import type { Services } from './services';

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

  services.showWorkspaceProblems = () => {
    workspaceMode = true;
    showClosed();
  };
  services.probes.account = async (uri) => {
    const r = await analysis.analyse(await vscode.workspace.openTextDocument(uri));
    return r?.findings.map((f) => f.ruleId);
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
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  ];
}
