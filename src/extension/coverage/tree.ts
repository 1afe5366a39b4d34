// The "Coverage" view: unit → learning outcome → criterion → evidencing accounts.
import * as vscode from 'vscode';
import {
  STATE_TEXT, WEAK_REASON_TEXT,
  type AccountEvidence, type CoverageReport, type CoverageState, type CriterionCoverage, type OutcomeCoverage,
  type OverClaim, type UnassignedAccount, type UnitCoverage,
} from '../../core/coverage';
import type { CriteriaProblem } from '../../core/criteria';
import { TEMPLATE_REASON_TEXT } from '../../core/portfolio';
import type { CoverageModel } from './model';

export type CoverageNode =
  | { kind: 'learner'; learner: string; report: CoverageReport }
  | { kind: 'unit'; unit: UnitCoverage }
  | { kind: 'outcome'; unit: UnitCoverage; outcome: OutcomeCoverage }
  | { kind: 'criterion'; unit: UnitCoverage; c: CriterionCoverage }
  | { kind: 'evidence'; c: CriterionCoverage; ev: AccountEvidence }
  | { kind: 'overclaim'; o: OverClaim }
  | { kind: 'unassigned'; list: UnassignedAccount[] }
  | { kind: 'unassignedAccount'; a: UnassignedAccount }
  | { kind: 'templates'; list: CoverageReport['templates'] }
  | { kind: 'template'; t: CoverageReport['templates'][number] }
  | { kind: 'problems'; list: CriteriaProblem[] }
  | { kind: 'problem'; p: CriteriaProblem };

export const STATE_ICON: Record<CoverageState, vscode.ThemeIcon> = {
  covered: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  weak: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  uncovered: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function openAt(uri: vscode.Uri, line = 0, column = 0): vscode.Command {
  const at = new vscode.Position(line, column);
  return { title: 'Open', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(at, at) } satisfies vscode.TextDocumentShowOptions] };
}

export class CoverageTree implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sub: vscode.Disposable;
  gapsOnly = false;
  byLearner = false;

  constructor(private readonly model: CoverageModel) {
    this.sub = model.onDidChange(() => this.changed.fire());
  }

  refresh(): void {
    this.changed.fire();
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'learner':
        return this.unitNodes(node.report);
      case 'unit':
        return [
          ...node.unit.overClaims.map((o): CoverageNode => ({ kind: 'overclaim', o })),
          ...node.unit.outcomes.filter((o) => !this.gapsOnly || o.counts.covered < o.counts.total).map((outcome): CoverageNode => ({ kind: 'outcome', unit: node.unit, outcome })),
        ];
      case 'outcome':
        return node.outcome.criteria.filter((c) => !this.gapsOnly || c.state !== 'covered').map((c): CoverageNode => ({ kind: 'criterion', unit: node.unit, c }));
      case 'criterion':
        return node.c.accounts.map((ev): CoverageNode => ({ kind: 'evidence', c: node.c, ev }));
      case 'unassigned':
        return node.list.map((a): CoverageNode => ({ kind: 'unassignedAccount', a }));
      case 'templates':
        return node.list.map((t): CoverageNode => ({ kind: 'template', t }));
      case 'problems':
        return node.list.map((p): CoverageNode => ({ kind: 'problem', p }));
      default:
        return [];
    }
  }

  private roots(): CoverageNode[] {
    const report = this.model.report();
    // Nothing to show: the welcome view explains what to do.
    if (!report.units.length) return [];
    const problems = this.model.catalog.problems;
    const tail: CoverageNode[] = [];
    if (report.unassigned.length) tail.push({ kind: 'unassigned', list: report.unassigned });
    if (report.templates.length) tail.push({ kind: 'templates', list: report.templates });
    if (problems.length) tail.push({ kind: 'problems', list: problems });
    if (this.byLearner && report.learners.length > 1) {
      return [...this.model.byLearner().map((r): CoverageNode => ({ kind: 'learner', learner: r.learner ?? '', report: r })), ...tail];
    }
    return [...this.unitNodes(report), ...tail];
  }

  private unitNodes(report: CoverageReport): CoverageNode[] {
    return report.units.filter((u) => !this.gapsOnly || u.counts.covered < u.counts.total).map((unit): CoverageNode => ({ kind: 'unit', unit }));
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'learner': {
        const c = node.report.counts;
        const item = new vscode.TreeItem(`Learner ${node.learner}`, C.Expanded);
        item.description = `${c.covered}/${c.total} covered`;
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'starr-coverage-learner';
        return item;
      }
      case 'unit': {
        const u = node.unit;
        const item = new vscode.TreeItem(`${u.unit.id} — ${u.unit.title}`, C.Expanded);
        item.description = `${u.counts.covered}/${u.counts.total} covered${u.counts.weak ? ` · ${u.counts.weak} weak` : ''}`;
        const state: CoverageState = u.counts.uncovered ? 'uncovered' : u.counts.weak ? 'weak' : 'covered';
        item.iconPath = STATE_ICON[state];
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`**${u.unit.id}** — ${escape(u.unit.title)}  \nLevel ${u.unit.level} · version ${escape(u.unit.version)} · ${u.origin === 'centre' ? 'centre set' : 'bundled set'}\n\n`);
        md.appendMarkdown(`${u.counts.covered} covered · ${u.counts.weak} weak · ${u.counts.uncovered} not covered, from ${plural(u.accounts.length, 'account')}`);
        if (u.unit.awarding?.qualification) md.appendMarkdown(`\n\n${escape(u.unit.awarding.qualification)}`);
        item.tooltip = md;
        item.contextValue = 'starr-coverage-unit';
        return item;
      }
      case 'outcome': {
        const o = node.outcome;
        const item = new vscode.TreeItem(`LO ${o.outcome.id}: ${o.outcome.title}`, o.counts.covered < o.counts.total ? C.Expanded : C.Collapsed);
        item.description = `${o.counts.covered}/${o.counts.total}`;
        item.iconPath = new vscode.ThemeIcon('list-tree');
        item.contextValue = 'starr-coverage-outcome';
        return item;
      }
      case 'criterion': {
        const { c } = node;
        const item = new vscode.TreeItem(`${c.criterion.id} ${c.criterion.text}`, c.accounts.length ? C.Collapsed : C.None);
        // The long label leaves little room at the default sidebar width: the icon and its colour carry the
        // state, and the description stays short enough to be seen.
        item.description = c.accounts.length ? plural(c.accounts.length, 'account') : undefined;
        item.iconPath = STATE_ICON[c.state];
        item.accessibilityInformation = { label: `${c.criterion.id} ${c.criterion.text}: ${STATE_TEXT[c.state]}${c.accounts.length ? `, ${plural(c.accounts.length, 'account')}` : ''}` };
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`**${c.criterion.id}** (${c.criterion.verb}) ${escape(c.criterion.text)}\n\n`);
        md.appendMarkdown(`State: **${STATE_TEXT[c.state]}**`);
        if (c.reasons.length) md.appendMarkdown(` — ${c.reasons.map((r) => escape(WEAK_REASON_TEXT[r])).join('; ')}`);
        if (c.criterion.evidence) md.appendMarkdown(`\n\nEvidence that fits: ${escape(c.criterion.evidence)}`);
        if (c.state === 'uncovered') md.appendMarkdown(`\n\nTo evidence it, reference \`AC ${c.criterion.id}\` in an account of unit ${node.unit.unit.id} where you show it.`);
        item.tooltip = md;
        item.contextValue = `starr-coverage-criterion-${c.state}`;
        return item;
      }
      case 'evidence': {
        const { ev } = node;
        const ref = ev.refs.find((r) => r.source === 'inline') ?? ev.refs[0];
        const item = new vscode.TreeItem(ev.title, C.None);
        const where = ref.source === 'front-matter' ? 'front matter' : ref.sectionName ?? 'text';
        item.description = `${ev.learner} · ${where}${ref.line !== undefined ? `, line ${ref.line + 1}` : ''}`;
        item.iconPath = ev.state === 'covered' ? new vscode.ThemeIcon('file-text') : STATE_ICON.weak;
        item.resourceUri = vscode.Uri.parse(ev.uri);
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`${escape(vscode.workspace.asRelativePath(vscode.Uri.parse(ev.uri)))}\n\n`);
        for (const r of ev.refs) md.appendMarkdown(`- ${r.source === 'front-matter' ? 'claimed in the front matter' : `AC ${node.c.criterion.id} in ${escape(r.sectionName ?? 'the text')}`}${r.line !== undefined ? ` (line ${r.line + 1})` : ''}\n`);
        if (ev.reasons.length) md.appendMarkdown(`\nWeak: ${ev.reasons.map((r) => escape(WEAK_REASON_TEXT[r])).join('; ')}`);
        item.tooltip = md;
        item.command = openAt(vscode.Uri.parse(ev.uri), ref.line, ref.column);
        item.contextValue = 'starr-coverage-evidence';
        return item;
      }
      case 'overclaim': {
        const { o } = node;
        const item = new vscode.TreeItem(`Over-claiming: ${o.title}`, C.None);
        item.description = `claims ${o.claimed.length} of ${o.total}`;
        item.iconPath = STATE_ICON.weak;
        item.tooltip = `${o.title} claims ${o.claimed.length} of the ${o.total} criteria of ${o.unitId} (${o.claimed.join(', ')}). One account rarely evidences most of a unit well: spread the criteria over several accounts and reference each where you show it.`;
        item.command = openAt(vscode.Uri.parse(o.uri));
        item.contextValue = 'starr-coverage-overclaim';
        return item;
      }
      case 'unassigned': {
        const item = new vscode.TreeItem('Accounts with no known unit', C.Collapsed);
        item.description = `${node.list.length}`;
        item.iconPath = new vscode.ThemeIcon('question');
        item.tooltip = 'These accounts name no unit, or a unit with no criteria set, so their criteria cannot be placed. Add `unit:` to the front matter.';
        return item;
      }
      case 'unassignedAccount': {
        const { a } = node;
        const item = new vscode.TreeItem(a.title, C.None);
        item.description = a.reason === 'no-unit' ? 'no unit in the front matter' : `unknown unit "${a.unit}"`;
        item.resourceUri = vscode.Uri.parse(a.uri);
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.command = openAt(vscode.Uri.parse(a.uri));
        return item;
      }
      case 'templates': {
        const item = new vscode.TreeItem('Not counted yet', C.Collapsed);
        item.description = `${node.list.length}`;
        item.iconPath = new vscode.ThemeIcon('circle-outline');
        item.tooltip = 'These accounts are still templates, or their front matter has no learner id, so their criteria are not counted yet. Fill in the learner id and write the account, and they will be.';
        return item;
      }
      case 'template': {
        const { t } = node;
        const uri = vscode.Uri.parse(t.uri);
        const item = new vscode.TreeItem(t.title || vscode.workspace.asRelativePath(uri), C.None);
        item.description = t.reasons.map((r) => TEMPLATE_REASON_TEXT[r]).join(' · ');
        item.resourceUri = uri;
        item.iconPath = new vscode.ThemeIcon('file');
        item.command = openAt(uri);
        item.contextValue = 'starr-coverage-template';
        return item;
      }
      case 'problems': {
        const item = new vscode.TreeItem('Problems in criteria sets', C.Expanded);
        item.description = `${node.list.length}`;
        item.iconPath = STATE_ICON.uncovered;
        return item;
      }
      case 'problem': {
        const { p } = node;
        const uri = vscode.Uri.parse(p.source);
        const item = new vscode.TreeItem(p.message, C.None);
        item.description = `${vscode.workspace.asRelativePath(uri)}:${p.line}`;
        item.tooltip = `${vscode.workspace.asRelativePath(uri)}, line ${p.line}, column ${p.column}: ${p.message}`;
        item.iconPath = p.severity === 'error' ? STATE_ICON.uncovered : STATE_ICON.weak;
        item.command = openAt(uri, p.line - 1, p.column - 1);
        return item;
      }
    }
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>()#+!|]/g, '\\$&');
}
