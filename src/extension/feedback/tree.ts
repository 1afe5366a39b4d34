import * as vscode from 'vscode';
import type { AccountSummary, CriticMark } from '../../core';
import type { Services } from '../services';

type Node = { kind: 'account'; summary: AccountSummary; open: (CriticMark & { line: number })[] } | { kind: 'comment'; summary: AccountSummary; comment: CriticMark & { line: number } };

/** The "Feedback" view: every open tutor comment in the workspace, by account. Click opens at the comment. */
export class FeedbackTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly sub: vscode.Disposable;

  constructor(private readonly services: Services) {
    // Index updates come in bursts (a scan, a save): refresh once they settle.
    this.sub = services.workspace.onDidChange(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.refresh(), 250);
    });
  }

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'account') return node.open.map((comment) => ({ kind: 'comment', summary: node.summary, comment }));
    if (node) return [];
    await this.services.workspace.ready;
    return this.services.workspace.index
      .all()
      .map((summary) => ({ kind: 'account' as const, summary, open: summary.feedback.filter((f) => (f.state ?? 'open') === 'open') }))
      .filter((n) => n.open.length > 0);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const uri = vscode.Uri.parse(node.summary.uri);
    if (node.kind === 'account') {
      const item = new vscode.TreeItem(node.summary.title, vscode.TreeItemCollapsibleState.Expanded);
      item.resourceUri = uri;
      item.description = `${node.summary.learner} · ${node.open.length} open`;
      item.tooltip = `${vscode.workspace.asRelativePath(uri)}\n${node.open.length} open feedback comment${node.open.length === 1 ? '' : 's'}`;
      item.iconPath = vscode.ThemeIcon.File;
      item.contextValue = 'starr-feedback-account';
      return item;
    }
    const c = node.comment;
    const body = (c.body ?? c.text).replace(/\s+/g, ' ');
    const item = new vscode.TreeItem(body.length > 80 ? `${body.slice(0, 79)}…` : body, vscode.TreeItemCollapsibleState.None);
    item.description = `${c.author ?? 'feedback'} · line ${c.line + 1}`;
    item.tooltip = new vscode.MarkdownString().appendText(`${c.author ?? 'Feedback'} (line ${c.line + 1}):\n\n${c.body ?? c.text}`);
    item.iconPath = new vscode.ThemeIcon('comment-unresolved');
    item.contextValue = 'starr-feedback-comment';
    const at = new vscode.Position(c.line, 0);
    item.command = { title: 'Open feedback', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(at, at) } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.sub.dispose();
    this.changed.dispose();
  }
}

/** The Feedback view and its refresh button. */
export function registerFeedbackView(tree: FeedbackTree): vscode.Disposable[] {
  return [
    tree,
    vscode.window.createTreeView('starr.feedback', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.commands.registerCommand('starr.feedback.refreshView', () => tree.refresh()),
  ];
}
