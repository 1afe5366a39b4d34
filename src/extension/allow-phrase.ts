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

/** A quick fix whose edit is worked out only when chosen (resolveAllowAction), so offering it reads no file. */
export class AllowAction extends vscode.CodeAction {
  constructor(
    readonly doc: vscode.Uri,
    readonly phrase: string,
    diag: vscode.Diagnostic,
  ) {
    super(`Allow "${phrase}" in this workspace`, vscode.CodeActionKind.QuickFix);
    this.diagnostics = [diag];
  }
}

/**
 * Fill in an AllowAction: one undoable WorkspaceEdit that adds the phrase to the `allow:` list of the
 * `.starr.yaml` in force (or creates one at the workspace folder's root), then a command that saves it so
 * the list applies at once. When the file cannot be edited safely the action gets no edit and the reason
 * is shown.
 */
export async function resolveAllowAction(services: Services, a: AllowAction): Promise<AllowAction> {
  const ctx = await services.config.context(a.doc);
  const folder = vscode.workspace.getWorkspaceFolder(a.doc)?.uri ?? vscode.Uri.joinPath(a.doc, '..');
  const target = ctx.file ?? vscode.Uri.joinPath(folder, CONFIG_FILE_NAMES[0]);
  const before = ctx.file ? await currentText(ctx.file) : undefined;
  const r = addAllowedPhrase(before, a.phrase);
  if (!r.ok) {
    void vscode.window.showWarningMessage(`STARR could not add "${a.phrase}" to ${vscode.workspace.asRelativePath(target)}: ${r.problem}`);
    return a;
  }
  a.edit = new vscode.WorkspaceEdit();
  if (before !== undefined) {
    // Only the inserted text: the rest of the file, and the cursor in it, stay as they are.
    let at = 0;
    while (at < before.length && before[at] === r.text[at]) at++;
    if (r.changed) a.edit.insert(target, positionAt(before, at), r.text.slice(at, at + r.text.length - before.length));
  } else {
    a.edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(r.text) });
  }
  a.command = { title: 'Save the allow list', command: SAVE_COMMAND, arguments: [target] };
  return a;
}

async function currentText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** The line and character of an offset, counting lines as the editor does (CRLF, LF or CR). */
function positionAt(text: string, offset: number): vscode.Position {
  let line = 0;
  let start = 0;
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m && m.index < offset; m = re.exec(text)) {
    line++;
    start = m.index + m[0].length;
  }
  return new vscode.Position(line, offset - start);
}

export function register(_services: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SAVE_COMMAND, async (uri: vscode.Uri) => {
      const d = vscode.workspace.textDocuments.find((t) => t.uri.toString() === uri.toString());
      if (d?.isDirty) await d.save();
    }),
  ];
}
