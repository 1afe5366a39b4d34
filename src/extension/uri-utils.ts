import * as vscode from 'vscode';
import { DOCS_SCHEME } from './docs-uri';

/** The folder holding a URI (URIs, not file paths: the extension also runs on virtual file systems). */
export function dirname(uri: vscode.Uri): vscode.Uri {
  const path = uri.path.replace(/\/+$/, '');
  const i = path.lastIndexOf('/');
  return uri.with({ path: i <= 0 ? '/' : path.slice(0, i), query: '', fragment: '' });
}

/** The last segment of a URI's path, as a person reads it (`path` is already decoded: "100% on time.md"). */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** `uri` relative to `base` with forward slashes, or undefined when it is not inside it. */
export function relativePath(base: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (base.scheme !== uri.scheme || base.authority !== uri.authority) return undefined;
  const b = base.path.replace(/\/+$/, '') + '/';
  return uri.path.startsWith(b) ? uri.path.slice(b.length) : undefined;
}

/**
 * Schemes whose documents are views of other files (diffs, output, merge conflicts), and STARR's own rule pages
 * (`starr-docs`, whose examples hold feedback marks and flawed accounts on purpose).
 */
const VIEW_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'review', 'conflictResolution', 'merge-conflict.conflict-diff', 'vscode-notebook-cell-output', DOCS_SCHEME]);

/** A view of another file is never checked nor given feedback threads: the file itself is. */
export function isViewOfAnotherFile(uri: vscode.Uri): boolean {
  return VIEW_SCHEMES.has(uri.scheme);
}

/** Whether anything is at `uri` (a file or a folder), through the workspace file system. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
