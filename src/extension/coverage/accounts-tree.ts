// The "Accounts" view: every account in the workspace with its sections (written, thin, empty or missing), words and findings.
import * as vscode from 'vscode';
import type { AccountSummary } from '../../core/portfolio';
import { DEPTH_TEXT, getFramework, sectionState, type SectionState } from '../../core';
import { depthLine, depthMarkdown } from '../depth-text';
import type { Services } from '../services';

export type AccountNode =
  | { kind: 'account'; s: AccountSummary }
  | { kind: 'section'; s: AccountSummary; section: AccountSummary['sections'][number] };

const SETTLE_MS = 150;

export class AccountsTree implements vscode.TreeDataProvider<AccountNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly sub: vscode.Disposable;

  constructor(private readonly services: Services) {
    this.sub = services.workspace.onDidChange(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.changed.fire(), SETTLE_MS);
    });
  }

  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: AccountNode): AccountNode[] {
    if (node?.kind === 'account') return node.s.sections.map((section) => ({ kind: 'section', s: node.s, section }));
    if (node) return [];
    return this.services.workspace.index
      .all()
      .sort((a, b) => a.learner.localeCompare(b.learner) || a.title.localeCompare(b.title))
      .map((s) => ({ kind: 'account', s }));
  }

  getTreeItem(node: AccountNode): vscode.TreeItem {
    const uri = vscode.Uri.parse(node.s.uri);
    if (node.kind === 'account') {
      const { s } = node;
      // A heading with nothing under it is not a section written.
      const present = s.sections.filter((x) => x.present && x.words > 0).length;
      const issues = s.counts.error + s.counts.warning;
      const item = new vscode.TreeItem(s.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.resourceUri = uri;
      const depth = s.reflection && s.reflection.depth !== 'none' ? ` · reflection ${DEPTH_TEXT[s.reflection.depth].label.toLowerCase()}` : '';
      item.description = `${s.learner || 'no learner id'} · ${present}/${s.sections.length} sections · ${s.words} words${depth} · ${issues} ${issues === 1 ? 'issue' : 'issues'}`;
      item.iconPath = s.counts.error
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
        : s.counts.warning
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
      const md = new vscode.MarkdownString();
      md.appendText(`${vscode.workspace.asRelativePath(uri)}\n`);
      md.appendMarkdown(`\n${s.unit ? `Unit ${s.unit}` : 'No unit'}${s.status ? ` · ${s.status}` : ''}${s.date ? ` · ${s.date}` : ''}\n\n`);
      md.appendMarkdown(s.sections.map((x) => `${x.name} (${STATE_TEXT[sectionState(s, x).state](x.words)})`).join(' · '));
      if (s.reflection) md.appendMarkdown(`\n\n${depthMarkdown(s.reflection)}`);
      md.appendMarkdown(`\n\n${s.counts.error} errors · ${s.counts.warning} warnings · ${s.counts.info + s.counts.hint} notes`);
      item.tooltip = md;
      item.command = { title: 'Open', command: 'vscode.open', arguments: [uri] };
      item.contextValue = 'starr-account';
      return item;
    }
    const { section } = node;
    const { state, min } = sectionState(node.s, section);
    const item = new vscode.TreeItem(section.name, vscode.TreeItemCollapsibleState.None);
    item.description = STATE_TEXT[state](section.words) + (min ? ` · aim for ${min}` : '');
    // The reflective section carries the reflection's depth.
    const reflective = getFramework(node.s.framework)?.sections.find((d) => d.id === section.id)?.kind === 'reflective';
    if (section.words > 0 && reflective && node.s.reflection) {
      item.description += ` · ${depthLine(node.s.reflection)}`;
      item.tooltip = new vscode.MarkdownString(depthMarkdown(node.s.reflection));
    } else if (state !== 'written') item.tooltip = STATE_TIP[state](section.name);
    item.iconPath = STATE_ICON[state];
    if (section.line !== undefined) {
      const at = new vscode.Position(section.line, 0);
      item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(at, at) } satisfies vscode.TextDocumentShowOptions] };
    } else item.command = { title: 'Open', command: 'vscode.open', arguments: [uri] };
    item.contextValue = 'starr-account-section';
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.sub.dispose();
    this.changed.dispose();
  }
}

const STATE_TEXT: Record<SectionState, (words: number) => string> = {
  written: (words) => `${words} words`,
  thin: (words) => `${words} ${words === 1 ? 'word' : 'words'}`,
  empty: () => 'empty',
  missing: () => 'missing',
};

const STATE_TIP: Record<Exclude<SectionState, 'written'>, (name: string) => string> = {
  thin: (name) => `The ${name} section is short: add more detail.`,
  empty: (name) => `The ${name} section has a heading but nothing under it yet: write it.`,
  missing: (name) => `There is no ${name} section yet: add one.`,
};

const STATE_ICON: Record<SectionState, vscode.ThemeIcon> = {
  written: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  thin: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  empty: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('list.warningForeground')),
  missing: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
};

/** The Accounts view. */
export function registerAccountsView(accounts: AccountsTree): vscode.Disposable[] {
  return [accounts, vscode.window.createTreeView('starr.accounts', { treeDataProvider: accounts })];
}
