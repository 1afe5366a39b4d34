import * as vscode from 'vscode';
import { disableFixes, type Finding, type Fix } from '../core';
import { AllowAction, allowablePhrase, register as registerAllow, resolveAllowAction } from './allow-phrase';
import { ruleIdOf } from './findings';
import type { Services } from './services';

/** Offer each finding's fixes, plus "disable for this line / this file", as undoable quick fixes. */
export class StarrCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly services: Services) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => ruleIdOf(d) !== undefined);
    if (!ours.length) return [];
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const r = this.services.analysis.peek(doc) ?? (await this.services.analysis.analyse(doc, token));
    if (!r || r.version !== doc.version || token.isCancellationRequested) return [];
    const actions: vscode.CodeAction[] = [];
    const disabled = new Set<string>();
    const allowed = new Set<string>();
    const text = doc.getText();
    for (const diag of ours) {
      const f = findingFor(doc, r.findings, diag);
      if (!f) continue;
      for (const fix of f.fixes ?? []) {
        const a = toAction(doc, fix, diag);
        // A section added at the end may be off screen: show it, with the cursor on its heading.
        if (f.ruleId === 'missing-section') a.command = { title: 'Show the added section', command: REVEAL, arguments: [doc.uri, insertedAt(fix)] };
        actions.push(a);
      }
      const phrase = allowablePhrase(f);
      if (phrase && !allowed.has(phrase.toLowerCase())) {
        allowed.add(phrase.toLowerCase());
        actions.push(new AllowAction(doc.uri, phrase, diag));
      }
      const key = `${f.ruleId}:${f.start.line}`;
      if (disabled.has(key)) continue;
      disabled.add(key);
      // Built and checked by the core like every other fix: never inside a feedback mark or the front matter.
      for (const fix of disableFixes(text, f, r.frontMatter?.end ?? 0, r.locked)) actions.push(toAction(doc, fix, diag));
    }
    return actions;
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.ProviderResult<vscode.CodeAction> {
    return action instanceof AllowAction ? resolveAllowAction(this.services, action) : action;
  }
}

const REVEAL = 'starr.revealAfterFix';

/** Where the first text a fix inserts starts once it is applied (past its leading line breaks), as an offset. */
function insertedAt(fix: Fix): number {
  const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
  const first = edits[0];
  return first.span.start + (first.newText.length - first.newText.trimStart().length);
}

/** Puts the cursor at `offset` in the document's editor and scrolls it into view. */
function reveal(uri: vscode.Uri, offset: number): boolean {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  if (!editor) return false;
  const at = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/** A fix from the core as an undoable quick fix. */
function toAction(doc: vscode.TextDocument, fix: Fix, diag: vscode.Diagnostic): vscode.CodeAction {
  const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  a.edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) a.edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.span.start), doc.positionAt(e.span.end)), e.newText);
  a.diagnostics = [diag];
  a.isPreferred = !!fix.preferred;
  return a;
}

/**
 * The finding a diagnostic was made from: same rule, range and message. The diagnostic may be a little older
 * than the analysis (published before the last keystroke), so fall back to the same rule and message nearest
 * to it, then to the same rule overlapping it.
 */
function findingFor(doc: vscode.TextDocument, findings: Finding[], d: vscode.Diagnostic): Finding | undefined {
  const id = ruleIdOf(d);
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  const same = findings.filter((f) => f.ruleId === id);
  const exact = same.find((f) => f.span.start === start && f.span.end === end && f.message === d.message);
  if (exact) return exact;
  const byMessage = same.filter((f) => f.message === d.message).sort((a, b) => Math.abs(a.span.start - start) - Math.abs(b.span.start - start));
  return byMessage[0] ?? same.find((f) => f.span.start <= end && start <= f.span.end);
}

export function register(services: Services): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new StarrCodeActions(services), StarrCodeActions.metadata),
    // Run by VS Code after the add-section quick fix's edit; not in the command palette.
    vscode.commands.registerCommand(REVEAL, reveal),
    ...registerAllow(services),
  ];
}
