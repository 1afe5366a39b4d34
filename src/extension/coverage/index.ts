// Criteria coverage in the editor: the "Coverage" and "Accounts" views with their toolbar commands, over the
// workspace's criteria sets (the shared criteria service) and accounts (the workspace index). Each concern
// registers itself; this module only wires them together.
import * as vscode from 'vscode';
import type { PlainNode } from '../probes';
import type { Services } from '../services';
import { AccountsTree, registerAccountsView } from './accounts-tree';
import { registerCoverageCommands } from './coverage-commands';
import { CoverageModel } from './model';
import { CoverageView } from './view';


export function register(services: Services): vscode.Disposable[] {
  const { criteria, workspace } = services;
  // The bundled sets are there at once; centre sets follow when the folders have been read.
  const model = new CoverageModel(services, criteria.catalog);
  const view = new CoverageView(services, model);
  const { tree } = view;
  const accounts = new AccountsTree(services);
  void Promise.all([workspace.ready, criteria.loaded]).then(() => view.markReady());

  services.probes.coverageTree = async (which = 'coverage') => {
    await Promise.all([workspace.ready, criteria.loaded]);
    return which === 'accounts' ? plain(accounts) : plain(tree);
  };
  services.probes.coverageState = async () => {
    await Promise.all([workspace.ready, criteria.loaded]);
    const r = model.report();
    return { generation: model.generation, counts: r.counts, units: model.catalog.units().map((u) => u.set.id), badge: view.treeView.badge?.value ?? 0, accounts: workspace.index.size };
  };
  services.probes.coverageNextChange = (after) => model.nextChange(after);
  return [
    model,
    view,
    ...registerAccountsView(accounts),
    criteria.onDidChange(() => model.setCatalog(criteria.catalog)),
    ...registerCoverageCommands(services, model, view, accounts),
  ];
}

/** A tree as plain data, for the in-host tests. */
async function plain<T>(provider: vscode.TreeDataProvider<T>, node?: T): Promise<PlainNode[]> {
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
}
