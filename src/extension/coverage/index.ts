// Criteria coverage in the editor: the "Coverage" and "Accounts" views with their toolbar commands, over the
// workspace's criteria sets (the shared criteria service) and accounts (the workspace index).
import * as vscode from 'vscode';
import { coverageCsv, coverageMarkdown } from '../../core/coverage';
import { criteriaSetTemplate } from '../../core/criteria';
import type { Services } from '../services';
import { AccountsTree } from './accounts-tree';
import { CoverageModel } from './model';
import { CoverageTree } from './tree';

/** A tree node as plain data, for the in-host tests (`starr._coverageTree`). */
export interface PlainNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  colour?: string;
  contextValue?: string;
  /** Where clicking goes: a URI and 0-based line. */
  open?: { uri: string; line?: number };
  children: PlainNode[];
}

export function register(services: Services): vscode.Disposable[] {
  const { criteria, log, workspace } = services;
  // The bundled sets are there at once; centre sets follow when the folders have been read.
  const model = new CoverageModel(services, criteria.catalog);

  const tree = new CoverageTree(model);
  const view = vscode.window.createTreeView('starr.coverage', { treeDataProvider: tree, showCollapseAll: true });
  const accounts = new AccountsTree(services);
  const accountsView = vscode.window.createTreeView('starr.accounts', { treeDataProvider: accounts });

  const contexts = new Map<string, unknown>();
  const setContext = (key: string, value: unknown) => {
    if (contexts.get(key) === value) return;
    contexts.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  let ready = false;
  const update = () => {
    const r = model.report();
    const n = r.counts.uncovered;
    view.badge = n ? { value: n, tooltip: `${n} ${n === 1 ? 'criterion' : 'criteria'} not covered yet` } : undefined;
    view.description = r.units.length ? `${r.counts.covered}/${r.counts.total} covered` : undefined;
    view.message = tree.gapsOnly && r.units.length && r.units.every((u) => u.counts.covered === u.counts.total) ? 'Every criterion is covered. Well done!' : undefined;
    setContext('starr.coverage.ready', ready);
    setContext('starr.coverage.hasAccounts', workspace.index.size > 0);
    setContext('starr.coverage.hasUnits', r.units.length > 0);
    setContext('starr.coverage.multipleLearners', r.learners.length > 1);
    log.debug(`Coverage: ${r.counts.covered}/${r.counts.total} covered over ${workspace.index.size} account(s), computed in ${model.lastMs.toFixed(1)} ms`);
  };
  setContext('starr.coverage.gapsOnly', false);
  setContext('starr.coverage.byLearner', false);
  void Promise.all([workspace.ready, criteria.loaded]).then(() => {
    ready = true;
    model.invalidate(true);
  });

  const exportText = async (kind: 'csv' | 'md', target?: vscode.Uri): Promise<vscode.Uri | vscode.TextDocument | undefined> => {
    const reports = tree.byLearner ? model.byLearner() : [model.report()];
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
  };

  const plain = async <T>(provider: vscode.TreeDataProvider<T>, node?: T): Promise<PlainNode[]> => {
    const kids = (await provider.getChildren(node)) ?? [];
    return Promise.all(
      kids.map(async (k): Promise<PlainNode> => {
        const item = await provider.getTreeItem(k);
        const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
        const args = item.command?.arguments;
        const selection = (args?.[1] as vscode.TextDocumentShowOptions | undefined)?.selection;
        return {
          label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
          description: typeof item.description === 'string' ? item.description : undefined,
          tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value,
          icon: icon?.id,
          colour: (icon?.color as { id?: string } | undefined)?.id,
          contextValue: item.contextValue,
          open: args?.[0] instanceof vscode.Uri ? { uri: args[0].toString(), line: selection?.start.line } : undefined,
          children: await plain(provider, k),
        };
      }),
    );
  };

  return [
    model,
    tree,
    view,
    accounts,
    accountsView,
    criteria.onDidChange(() => model.setCatalog(criteria.catalog)),
    model.onDidChange(update),
    vscode.commands.registerCommand('starr.coverage.refresh', async () => {
      await criteria.reload();
      await workspace.scan();
      model.invalidate(true);
      accounts.refresh();
    }),
    vscode.commands.registerCommand('starr.coverage.showGaps', () => {
      tree.gapsOnly = true;
      setContext('starr.coverage.gapsOnly', true);
      update();
      tree.refresh();
    }),
    vscode.commands.registerCommand('starr.coverage.showAll', () => {
      tree.gapsOnly = false;
      setContext('starr.coverage.gapsOnly', false);
      update();
      tree.refresh();
    }),
    vscode.commands.registerCommand('starr.coverage.groupByLearner', () => {
      tree.byLearner = true;
      setContext('starr.coverage.byLearner', true);
      tree.refresh();
    }),
    vscode.commands.registerCommand('starr.coverage.ungroup', () => {
      tree.byLearner = false;
      setContext('starr.coverage.byLearner', false);
      tree.refresh();
    }),
    vscode.commands.registerCommand('starr.coverage.exportCsv', (target?: vscode.Uri) => exportText('csv', target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand('starr.coverage.exportMarkdown', (target?: vscode.Uri) => exportText('md', target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand('starr.coverage.addSet', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      // An untitled file at criteria/MY-UNIT.yaml: saving puts it where the schema and the loader expect it.
      const doc = folder
        ? await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'criteria', 'MY-UNIT.yaml').with({ scheme: 'untitled' }))
        : await vscode.workspace.openTextDocument({ language: 'yaml', content: criteriaSetTemplate() });
      const editor = await vscode.window.showTextDocument(doc);
      if (folder && doc.getText() === '') await editor.edit((e) => e.insert(new vscode.Position(0, 0), criteriaSetTemplate()));
      void vscode.window.showInformationMessage('Fill in your unit, then save it in a folder listed under "criteria:" in .starr.yaml (for example criteria: [./criteria]). A set with the same id as a bundled unit replaces it.');
      return doc;
    }),
    // For the in-host tests: the trees as plain data, and a promise of the next recomputation.
    vscode.commands.registerCommand('starr._coverageTree', async (which: 'coverage' | 'accounts' = 'coverage') => {
      await Promise.all([workspace.ready, criteria.loaded]);
      return which === 'accounts' ? plain(accounts) : plain(tree);
    }),
    vscode.commands.registerCommand('starr._coverageState', async () => {
      await Promise.all([workspace.ready, criteria.loaded]);
      const r = model.report();
      return { generation: model.generation, counts: r.counts, units: model.catalog.units().map((u) => u.set.id), badge: view.badge?.value ?? 0, accounts: workspace.index.size };
    }),
    vscode.commands.registerCommand('starr._coverageNextChange', (after: number) => model.nextChange(after)),
  ];
}
