// The "Criteria coverage" view: its tree, badge, description and message, the context keys its welcome
// content and toolbar depend on, and its filter (gaps only) and grouping (by learner).
import * as vscode from 'vscode';
import type { Services } from '../services';
import { ContextKeys } from './context-keys';
import type { CoverageModel } from './model';
import { CoverageTree, type CoverageNode } from './tree';

export class CoverageView implements vscode.Disposable {
  readonly tree: CoverageTree;
  readonly treeView: vscode.TreeView<CoverageNode>;
  private readonly keys = new ContextKeys();
  private ready = false;
  private readonly sub: vscode.Disposable;

  constructor(private readonly services: Services, private readonly model: CoverageModel) {
    this.tree = new CoverageTree(model);
    this.treeView = vscode.window.createTreeView('starr.coverage', { treeDataProvider: this.tree, showCollapseAll: true });
    this.keys.set('starr.coverage.gapsOnly', false);
    this.keys.set('starr.coverage.byLearner', false);
    this.sub = model.onDidChange(() => this.update());
  }

  /** The accounts and criteria sets have been read: welcome content and counts can show. */
  markReady(): void {
    this.ready = true;
    this.model.invalidate(true);
  }

  showGapsOnly(on: boolean): void {
    this.tree.gapsOnly = on;
    this.keys.set('starr.coverage.gapsOnly', on);
    this.update();
    this.tree.refresh();
  }

  groupByLearner(on: boolean): void {
    this.tree.byLearner = on;
    this.keys.set('starr.coverage.byLearner', on);
    this.tree.refresh();
  }

  private update(): void {
    const { log, workspace } = this.services;
    const view = this.treeView;
    const r = this.model.report();
    const n = r.counts.uncovered;
    view.badge = n ? { value: n, tooltip: `${n} ${n === 1 ? 'criterion' : 'criteria'} not covered yet` } : undefined;
    view.description = r.units.length ? `${r.counts.covered}/${r.counts.total} covered` : undefined;
    view.message = this.tree.gapsOnly && r.units.length && r.units.every((u) => u.counts.covered === u.counts.total) ? 'Every criterion is covered. Well done!' : undefined;
    this.keys.set('starr.coverage.ready', this.ready);
    this.keys.set('starr.coverage.hasAccounts', workspace.index.size > 0);
    this.keys.set('starr.coverage.hasUnits', r.units.length > 0);
    this.keys.set('starr.coverage.multipleLearners', r.learners.length > 1);
    log.debug(`Coverage: ${r.counts.covered}/${r.counts.total} covered over ${workspace.index.size} account(s), computed in ${this.model.lastMs.toFixed(1)} ms`);
  }

  dispose(): void {
    this.sub.dispose();
    this.treeView.dispose();
    this.tree.dispose();
  }
}
