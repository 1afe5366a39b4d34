// Sections STARR read from the writing itself (no heading or label) are shown above their first line as a
// CodeLens, "Situation (inferred)", with a one-click heading. Learners see how the account was read, and the
// heading they add makes the structure plain to their assessor too.
import * as vscode from 'vscode';
import type { AnalysisResult } from './analysis-service';
import type { Services } from './services';

export const ADD_HEADING = 'starr.addInferredHeading';

export class InferredSections implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly services: Services) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const r = this.services.analysis.peek(doc);
    if (!r || r.version !== doc.version) return [];
    return inferredSections(r).map((s) => {
      const at = doc.positionAt(s.offset);
      return new vscode.CodeLens(new vscode.Range(at, at), {
        title: `${s.name} (inferred) · add heading`,
        tooltip: `STARR read this part as your ${s.name} from its wording. Add a "${s.name}" heading so your assessor sees the structure too.`,
        command: ADD_HEADING,
        arguments: [doc.uri, doc.version, s.offset, s.name],
      });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Inferred sections with where each starts in the text. */
export function inferredSections(r: AnalysisResult): { name: string; offset: number }[] {
  const out: { name: string; offset: number }[] = [];
  if (r.account) {
    for (const s of r.account.sections) if (s.inferred && !s.duplicate) out.push({ name: s.def.name, offset: s.heading.span.start });
    return out;
  }
  // Analysed in a worker: the summary knows the line only.
  return r.summary.sections.filter((s) => s.inferred && s.line !== undefined).map((s) => ({ name: s.name, offset: -1 - s.line! }));
}

/** The edit that puts a heading where an inferred section starts: on its own line, with blank lines round it. */
export function headingEdit(doc: vscode.TextDocument, offset: number, name: string): vscode.TextEdit {
  const pos = offset < 0 ? new vscode.Position(-1 - offset, 0) : doc.positionAt(offset);
  const before = doc.lineAt(pos.line).text.slice(0, pos.character);
  if (!before.trim()) return vscode.TextEdit.insert(new vscode.Position(pos.line, 0), `## ${name}\n\n`);
  // Mid-line (a one-paragraph account): end the sentence's line, then the heading.
  const trimmed = before.replace(/\s+$/, '');
  return vscode.TextEdit.replace(new vscode.Range(new vscode.Position(pos.line, trimmed.length), pos), `\n\n## ${name}\n\n`);
}

export function register(services: Services): vscode.Disposable[] {
  const lenses = new InferredSections(services);
  return [
    lenses,
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, lenses),
    services.analysis.onDidAnalyse(() => lenses.refresh()),
    vscode.commands.registerCommand(ADD_HEADING, async (uri: vscode.Uri, version: number, offset: number, name: string) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      // The lens may be from before the last keystroke: its offset then points elsewhere.
      if (doc.version !== version) return false;
      const edit = new vscode.WorkspaceEdit();
      edit.set(uri, [headingEdit(doc, offset, name)]);
      return vscode.workspace.applyEdit(edit);
    }),
  ];
}
