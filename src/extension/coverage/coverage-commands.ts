// The coverage views' toolbar commands: refresh, filter and group, export, and add a criteria set.
import * as vscode from 'vscode';
import { criteriaSetTemplate } from '../../core/criteria';
import type { Services } from '../services';
import type { AccountsTree } from './accounts-tree';
import { exportCoverage } from './export';
import type { CoverageModel } from './model';
import type { CoverageView } from './view';

export function registerCoverageCommands(services: Services, model: CoverageModel, view: CoverageView, accounts: AccountsTree): vscode.Disposable[] {
  const exportAs = (kind: 'csv' | 'md', target?: vscode.Uri) => exportCoverage(model, view.tree.byLearner, kind, target instanceof vscode.Uri ? target : undefined);
  return [
    vscode.commands.registerCommand('starr.coverage.refresh', async () => {
      await services.criteria.reload();
      await services.workspace.scan();
      model.invalidate(true);
      accounts.refresh();
    }),
    vscode.commands.registerCommand('starr.coverage.showGaps', () => view.showGapsOnly(true)),
    vscode.commands.registerCommand('starr.coverage.showAll', () => view.showGapsOnly(false)),
    vscode.commands.registerCommand('starr.coverage.groupByLearner', () => view.groupByLearner(true)),
    vscode.commands.registerCommand('starr.coverage.ungroup', () => view.groupByLearner(false)),
    vscode.commands.registerCommand('starr.coverage.exportCsv', (target?: vscode.Uri) => exportAs('csv', target)),
    vscode.commands.registerCommand('starr.coverage.exportMarkdown', (target?: vscode.Uri) => exportAs('md', target)),
    vscode.commands.registerCommand('starr.coverage.addSet', addSet),
  ];
}

/** A new criteria set from the template, where saving puts it in a criteria folder. */
async function addSet(): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  // An untitled file at criteria/MY-UNIT.yaml: saving puts it where the schema and the loader expect it.
  const doc = folder
    ? await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'criteria', 'MY-UNIT.yaml').with({ scheme: 'untitled' }))
    : await vscode.workspace.openTextDocument({ language: 'yaml', content: criteriaSetTemplate() });
  const editor = await vscode.window.showTextDocument(doc);
  if (folder && doc.getText() === '') await editor.edit((e) => e.insert(new vscode.Position(0, 0), criteriaSetTemplate()));
  void vscode.window.showInformationMessage('Fill in your unit, then save it in a folder listed under "criteria:" in .starr.yaml (for example criteria: [./criteria]). A set with the same id as a bundled unit replaces it.');
  return doc;
}
