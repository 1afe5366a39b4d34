// Shared helpers for in-host tests: wait on real editor events, never on fixed sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Probes } from '../../../src/extension/probes';

export const EXTENSION_ID = 'starr-reflect.starr-reflect';

/** The fixture workspace folder (a scratch copy of test/vscode/workspace). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The in-editor tests need the fixture workspace open (test/vscode/workspace).');
  return folder.uri;
}

export function fixture(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

/** Activates the extension under test and returns it. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`Extension ${EXTENSION_ID} is not loaded: is extensionDevelopmentPath the repository root?`);
  await ext.activate();
  return ext;
}

/**
 * What the extension lets tests read of its state: activate() returns it when VS Code runs the extension under
 * test (extensionTestsPath set), and nothing otherwise. No command exposes it.
 */
export async function probes(): Promise<Probes> {
  const ext = await activateExtension();
  const p = ext.exports as Partial<Probes> | undefined;
  assert.ok(p?.stats && p.coverageTree && p.feedbackThreads && p.statusText && p.account, 'the extension returns its probes to a test run');
  return p as Probes;
}

export function starrDiagnostics(uri: vscode.Uri, source = 'starr'): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * Resolves with the uri's diagnostics once `accept` holds, checking now and on every diagnostics change.
 * Rejects after `ms` with what was last seen, so a failure says why.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  { ms = 30_000, source = 'starr', what = 'the expected diagnostics', fresh = false } = {},
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = starrDiagnostics(uri, source);
      if (!accept(ds)) return false;
      cleanup();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const seen = starrDiagnostics(uri, source).map((d) => `${codeOf(d)}@${d.range.start.line}`).join(', ') || 'none';
      reject(new Error(`Timed out after ${ms} ms waiting for ${what} on ${uri.path} (seen: ${seen}).`));
    }, ms);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    // `fresh`: only diagnostics published from now on (after an edit, not those of the text before it).
    if (!fresh) check();
  });
}

/** Opens a fixture in an editor, as a learner would. */
export async function openFixture(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixture(...segments));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The 0-based line of the first line equal to `text`. */
export function lineOf(doc: vscode.TextDocument, text: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text === text) return i;
  throw new Error(`No line "${text}" in ${doc.uri.path}`);
}

/** Closes every editor, reverting unsaved test edits first so nothing prompts. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

let untitledCount = 0;
/** A new unsaved Markdown document with its own name, so no earlier document's backup is ever restored into it. */
export async function untitled(content: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.parse(`untitled:/starr-itest-${Date.now()}-${++untitledCount}.md`);
  const doc = await vscode.workspace.openTextDocument(uri);
  if (content) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), content);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
  assert.equal(doc.languageId, 'markdown');
  return doc;
}
