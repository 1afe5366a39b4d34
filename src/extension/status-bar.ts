import * as vscode from 'vscode';
import { getFramework } from '../core';
import type { AnalysisResult } from './analysis-service';
import { depthMarkdown } from './depth-text';
import type { Services } from './services';

/** `STARR 4/5 · 812 words · 3 issues`: framework, sections present of total, words, issues. */
export function statusText(r: AnalysisResult): string {
  const s = r.summary;
  const present = s.sections.filter((x) => x.present).length;
  const n = r.findings.length;
  const issues = n === 0 ? 'no issues' : n === 1 ? '1 issue' : `${n} issues`;
  const fw = getFramework(s.framework);
  return `${fw?.shortName ?? fw?.name ?? s.framework.toUpperCase()} ${present}/${s.sections.length} · ${s.words.toLocaleString('en-GB')} words · ${issues}`;
}

/** Per-section words against each section's minimum. */
export function statusTooltip(r: AnalysisResult): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  const defs = r.account?.framework.sections;
  md.appendMarkdown(`**${r.summary.title.replace(/[|*_`[\]<>\\]/g, '')}**\n\n`);
  md.appendMarkdown('| Section | Words | Minimum |  |\n|:--|--:|--:|:-:|\n');
  for (const s of r.summary.sections) {
    const min = r.config.sections[s.id]?.minWords ?? defs?.find((d) => d.id === s.id)?.minWords;
    const ok = s.present && (min === undefined || s.words >= min);
    md.appendMarkdown(`| ${s.name} | ${s.present ? s.words : 'missing'} | ${min ?? '–'} | ${ok ? '$(check)' : '$(warning)'} |\n`);
  }
  const depth = r.summary.reflection;
  if (depth) md.appendMarkdown(`\n${depthMarkdown(depth)}\n`);
  md.appendMarkdown(`\n${r.summary.words} words in all. Click to open the Problems panel.`);
  return md;
}

export function register(services: Services): vscode.Disposable[] {
  const { analysis } = services;
  const item = vscode.window.createStatusBarItem('starr.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'STARR Reflect';
  item.command = { title: 'Open the Problems panel', command: 'starr.openProblemsPanel' };
  let shown = false;
  const show = () => {
    shown = true;
    item.show();
  };
  const hide = () => {
    shown = false;
    item.hide();
  };

  const update = async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !analysis.isAccount(doc)) return hide();
    if (analysis.isBusy(doc.uri)) {
      item.text = '$(sync~spin) STARR: checking in the background…';
      item.tooltip = 'This file takes a while to check, so STARR checks it in the background. You can keep typing.';
      return show();
    }
    if (analysis.isSkipped(doc.uri)) {
      item.text = '$(circle-slash) STARR: file too large to check here';
      item.tooltip = 'This host cannot check large files in the background. Split the file into one account per file, or check it with the starr command-line tool.';
      return show();
    }
    const r = analysis.peek(doc) ?? (await analysis.analyse(doc));
    if (vscode.window.activeTextEditor?.document !== doc) return;
    if (!r) return analysis.isBusy(doc.uri) ? undefined : hide();
    item.text = statusText(r);
    item.tooltip = statusTooltip(r);
    show();
  };

  services.probes.statusText = () => (shown ? item.text : '');
  services.probes.statusTooltip = () => (shown && item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : '');
  void update();
  return [
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    analysis.onDidAnalyse((r) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === r.uri.toString()) void update();
    }),
    analysis.onDidChangeBusy(() => void update()),
    analysis.onDidChange(() => void update()),
    vscode.commands.registerCommand('starr.openProblemsPanel', async () => {
      // There is no public API to filter the Problems panel to one file: focus the view (not toggle it).
      try {
        await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
      } catch {
        await vscode.commands.executeCommand('workbench.actions.view.problems');
      }
    }),
  ];
}
