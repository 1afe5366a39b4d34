import * as vscode from 'vscode';
import { getFramework, ruleById, type Finding, type FrameworkSection } from '../analysis';
import type { AnalysisResult } from './analysis-service';
import { depthMarkdown } from './depth-text';
import { hoverExample } from './hover-text';
import type { Services } from './services';

/**
 * On a flagged span: the rule, why assessors care, what good looks like in the section the finding is about (only
 * when it is about a section), an example written for learners and the docs link. Short enough not to scroll.
 */
export class StarrHover implements vscode.HoverProvider {
  private readonly examples = new Map<string, Promise<string | undefined>>();

  constructor(private readonly services: Services) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const r = this.services.analysis.peek(doc) ?? (await this.services.analysis.analyse(doc, token));
    if (!r || r.version !== doc.version || token.isCancellationRequested) return undefined;
    const offset = doc.offsetAt(pos);
    const here = r.findings.filter((f) => f.span.start <= offset && offset <= f.span.end && f.span.end > f.span.start);
    const depth = onReflectiveHeading(r, pos.line) ? r.summary.reflection : undefined;
    if (!here.length && !depth) return undefined;
    const parts: vscode.MarkdownString[] = [];
    // On the reflection's heading: how deep the reflection goes, first, whether or not a rule fired there.
    if (depth) parts.push(new vscode.MarkdownString(depthMarkdown(depth)));
    const seen = new Set<string>();
    for (const f of here) {
      if (seen.has(f.ruleId)) continue;
      seen.add(f.ruleId);
      parts.push(await this.describe(f, r));
    }
    if (!here.length) return new vscode.Hover(parts, doc.lineAt(pos.line).range);
    const s = here[0].span;
    return new vscode.Hover(parts, new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
  }

  private async describe(f: Finding, r: AnalysisResult): Promise<vscode.MarkdownString> {
    const md = new vscode.MarkdownString();
    const meta = ruleById.get(f.ruleId)?.meta;
    md.appendMarkdown(`**STARR: ${escape(meta?.title ?? f.ruleId)}** \`${f.ruleId}\`\n\n`);
    if (meta?.rationale) md.appendMarkdown(`**Why assessors care:** ${escape(meta.rationale)}\n\n`);
    const section = sectionFor(f, r);
    if (section) md.appendMarkdown(`**What good looks like in ${escape(section.name)}:** ${escape(section.guidance)}\n\n`);
    const example = await this.example(f.ruleId);
    if (example) {
      md.appendMarkdown('**A good example:**\n');
      md.appendCodeblock(example, 'markdown');
    }
    // The page bundled with the extension, in a Markdown preview; the web copy second.
    md.isTrusted = { enabledCommands: ['starr.openRuleDocs'] };
    md.appendMarkdown(`\n[Read more about ${f.ruleId}](command:starr.openRuleDocs?${encodeURIComponent(JSON.stringify([f.ruleId]))}) · [on the web](${f.docsUrl})`);
    return md;
  }

  /** The learners' example from the rule's docs page (shipped in the extension). */
  private example(ruleId: string): Promise<string | undefined> {
    let p = this.examples.get(ruleId);
    if (!p) {
      p = (async () => {
        try {
          const uri = vscode.Uri.joinPath(this.services.context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
          return hoverExample(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
        } catch {
          return undefined;
        }
      })();
      this.examples.set(ruleId, p);
    }
    return p;
  }
}

/** Whether `line` holds the heading (or label, or first line) of a reflective section that is present. */
function onReflectiveHeading(r: AnalysisResult, line: number): boolean {
  const framework = r.account?.framework ?? getFramework(r.summary.framework);
  if (!framework) return false;
  return r.summary.sections.some((s) => s.present && s.line === line && framework.sections.find((d) => d.id === s.id)?.kind === 'reflective');
}

/** The framework section a finding is about, when its rule names one (a finding merely inside a section is not about it). */
function sectionFor(f: Finding, r: AnalysisResult): FrameworkSection | undefined {
  const framework = r.account?.framework ?? getFramework(r.summary.framework);
  const named = typeof f.data?.section === 'string' ? f.data.section : undefined;
  return named ? framework?.sections.find((s) => s.id === named) : undefined;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>]/g, (c) => `\\${c}`);
}

export function register(services: Services): vscode.Disposable[] {
  return [vscode.languages.registerHoverProvider({ language: 'markdown' }, new StarrHover(services))];
}
