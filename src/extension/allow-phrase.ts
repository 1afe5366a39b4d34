import * as vscode from 'vscode';
import { addAllowedPhrase, CONFIG_FILE_NAMES, type Finding } from '../core';
import type { Services } from './services';

/** Rules whose findings are single phrases a centre may mean on purpose. */
const PHRASE_RULES = new Set(['generic-language', 'hypothetical-language']);

const SAVE_COMMAND = 'starr._saveAllowList';

/** The words a phrase finding flagged, as written, or undefined for any other finding. */
export function allowablePhrase(f: Finding): string | undefined {
  if (!PHRASE_RULES.has(f.ruleId)) return undefined;
  const t = f.data?.text ?? f.data?.phrase;
  return typeof t === 'string' && t.trim() ? t.replace(/\s+/g, ' ').trim() : undefined;
}

/**
 * "Allow "…" in this workspace": one undoable WorkspaceEdit that adds the phrase to the `allow:` list of the
 * `.starr.yaml` in force (or creates one at the workspace folder's root), then saves it so the new list is
 * read at once. Undefined when the phrase is already allowed; disabled, with the reason, when the file
 * cannot be edited safely.
 */
export async function allowAction(services: Services, doc: vscode.TextDocument, phrase: string, diag: vscode.Diagnostic): Promise<vscode.CodeAction | undefined> {
  const ctx = await services.config.context(doc.uri);
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri ?? vscode.Uri.joinPath(doc.uri, '..');
  const target = ctx.file ?? vscode.Uri.joinPath(folder, CONFIG_FILE_NAMES[0]);
  const open = ctx.file ? await vscode.workspace.openTextDocument(ctx.file) : undefined;
  const before = open?.getText();
  const r = addAllowedPhrase(before, phrase);
  if (r.ok && !r.changed) return undefined;
  const a = new vscode.CodeAction(`Allow "${phrase}" in this workspace`, vscode.CodeActionKind.QuickFix);
  a.diagnostics = [diag];
  if (!r.ok) {
    a.disabled = { reason: `${vscode.workspace.asRelativePath(target)}: ${r.problem}` };
    return a;
  }
  a.edit = new vscode.WorkspaceEdit();
  if (open && before !== undefined) {
    // Only the inserted text: the rest of the file, and the cursor in it, stay as they are.
    let s = 0;
    while (s < before.length && before[s] === r.text[s]) s++;
    const at = open.positionAt(s);
    a.edit.insert(target, at, r.text.slice(s, s + r.text.length - before.length));
  } else {
    a.edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(r.text) });
  }
  a.command = { title: 'Save the allow list', command: SAVE_COMMAND, arguments: [target] };
  return a;
}

export function register(_services: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SAVE_COMMAND, async (uri: vscode.Uri) => {
      const d = vscode.workspace.textDocuments.find((t) => t.uri.toString() === uri.toString());
      if (d?.isDirty) await d.save();
    }),
  ];
}
