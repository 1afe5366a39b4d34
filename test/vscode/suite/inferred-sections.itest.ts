// Sections read from the writing (no headings) are shown as CodeLenses, and one click adds the heading.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFixture, waitForDiagnostics } from './helpers';

/** The CodeLenses VS Code shows for a document, once they include `title`. */
async function lensesUntil(uri: vscode.Uri, accept: (titles: string[]) => boolean): Promise<string[]> {
  // Each call asks the providers again; the analysis event that refreshes them has already fired once the
  // diagnostics are in, so a bounded number of asks settles it (not a sleep: each ask is real work).
  let titles: string[] = [];
  for (let i = 0; i < 50; i++) {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    titles = lenses.map((l) => l.command?.title ?? '').filter(Boolean);
    if (accept(titles)) return titles;
    await new Promise<void>((resolve) => {
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        sub.dispose();
        resolve();
      });
      setTimeout(() => {
        sub.dispose();
        resolve();
      }, 200);
    });
  }
  throw new Error(`CodeLenses never matched; last seen: ${titles.join(' | ') || 'none'}`);
}

describe('inferred sections in the editor', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('shows each inferred section above its first line, and adds its heading in one undoable edit', async () => {
    const editor = await openFixture('inferred', 'prose-account.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (ds) => ds.length > 0, { what: 'the first analysis' });
    const titles = await lensesUntil(uri, (t) => t.some((x) => x.startsWith('Situation (inferred)')));
    for (const name of ['Situation', 'Task', 'Action', 'Result', 'Reflection']) {
      assert.ok(titles.includes(`${name} (inferred) · add heading`), `lens for ${name}: ${titles.join(' | ')}`);
    }
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const task = lenses.find((l) => l.command?.title.startsWith('Task'))!;
    const line = task.range.start.line;
    assert.ok(await vscode.commands.executeCommand(task.command!.command, ...(task.command!.arguments ?? [])));
    assert.equal(editor.document.lineAt(line).text, '## Task');
    assert.equal(editor.document.lineAt(line + 1).text, '');
    assert.match(editor.document.lineAt(line + 2).text, /^My responsibility as the duty adviser/);
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.lineAt(line).text, /^My responsibility as the duty adviser/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
