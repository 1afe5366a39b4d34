// In-host test of the allow-list quick fix: it edits the nearest .starr.yaml through an undoable
// WorkspaceEdit, and the phrase stops being reported once the file is saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, fixture, waitForDiagnostics } from './helpers';


const dealtWith = (d: vscode.Diagnostic) => codeOf(d) === 'generic-language' && d.message.startsWith('"dealt with"');

describe('STARR allow list', function () {
  this.timeout(60_000);
  const config = fixture('extension', 'allow-list', '.starr.yaml');
  let original: Uint8Array;

  before(async () => {
    await activateExtension();
    original = await vscode.workspace.fs.readFile(config);
  });

  after(async () => {
    // Revert first so the unsaved test edit never prompts.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await closeAllEditors();
    await vscode.workspace.fs.writeFile(config, original);
  });

  it('allows a vague phrase in this workspace through a quick fix that edits .starr.yaml, undoably', async () => {
    const uri = fixture('extension', 'allow-list', 'vague.md');
    const editor = await vscode.window.showTextDocument(uri);
    // Type into it, as a learner would, so the diagnostics are those of the open document's own analysis.
    await editor.edit((b) => b.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\n'));
    const ds = await waitForDiagnostics(uri, (d) => d.some(dealtWith), { ms: 60_000, what: '"dealt with" reported', fresh: true });
    // Already on the list: never reported.
    assert.ok(!ds.some((d) => d.message.startsWith('"going forward"')), ds.map((d) => d.message).join('\n'));
    const d = ds.find(dealtWith)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value, 50);
    const allow = actions.find((a) => a.title === 'Allow "dealt with" in this workspace');
    assert.ok(allow?.edit && allow.command, `quick fix offered; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(allow.edit));
    await vscode.commands.executeCommand(allow.command.command, ...(allow.command.arguments ?? []));
    const before = new TextDecoder().decode(original);
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(config));
    assert.equal(saved, before.replace('# taught on purpose\n', '# taught on purpose\n  - dealt with\n'));
    await waitForDiagnostics(uri, (x) => !x.some(dealtWith), { what: '"dealt with" to clear' });

    // The edit is an ordinary one: undo in the settings file takes it back, and the finding returns.
    const yaml = await vscode.window.showTextDocument(config);
    await vscode.commands.executeCommand('undo');
    assert.equal(yaml.document.getText(), before);
    await yaml.document.save();
    await waitForDiagnostics(uri, (x) => x.some(dealtWith), { what: '"dealt with" reported again' });
  });
});
