// The coverage matrix as a file: CSV to a file the user picks (or `target`), Markdown to a new editor tab.
import * as vscode from 'vscode';
import { coverageCsv, coverageMarkdown } from '../../core/coverage';
import type { CoverageModel } from './model';

/** Markdown follows the view's grouping (one table per learner when grouped); CSV is one matrix. */
export async function exportCoverage(model: CoverageModel, byLearner: boolean, kind: 'csv' | 'md', target?: vscode.Uri): Promise<vscode.Uri | vscode.TextDocument | undefined> {
  const reports = byLearner ? model.byLearner() : [model.report()];
  const text = kind === 'csv' ? coverageCsv(model.report()) : reports.map((r) => coverageMarkdown(r)).join('\n');
  if (!target && kind === 'md') {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(doc);
    return doc;
  }
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    target = await vscode.window.showSaveDialog({
      title: 'Export the coverage matrix',
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'coverage.csv') : undefined,
      filters: { 'CSV (comma-separated)': ['csv'] },
    });
    if (!target) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  if (kind === 'csv') void vscode.window.showInformationMessage(`Coverage matrix saved to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}
