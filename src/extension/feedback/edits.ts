import * as vscode from 'vscode';
import type { TextEdit } from '../../core';

/** Apply core edits to a document as one undoable WorkspaceEdit. */
export async function applyToDocument(doc: vscode.TextDocument, edits: TextEdit[]): Promise<boolean> {
  if (!edits.length) return false;
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(doc.uri, new vscode.Range(doc.positionAt(e.span.start), doc.positionAt(e.span.end)), e.newText);
  return vscode.workspace.applyEdit(we);
}
