// Smoke tests of the real-editor route: the extension activates in the host and its diagnostics reach VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, activateExtension, closeAllEditors, codeOf, lineOf, openFixture, probes, waitForDiagnostics,
} from './helpers';

describe('STARR Reflect in a real VS Code', () => {
  after(closeAllEditors);

  it('is loaded from the development path and activates', async () => {
    const ext = await activateExtension();
    assert.equal(ext.id, EXTENSION_ID);
    assert.equal(ext.isActive, true);
    assert.equal(ext.packageJSON.name, 'starr-reflect');
  });

  it('reports a missing Reflection as an error at the end of the account, with the rule id and a docs link', async () => {
    await activateExtension();
    const editor = await openFixture('accounts', 'missing-reflection.md');
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'missing-section'), { what: 'missing-section' });
    const missing = ds.filter((d) => codeOf(d) === 'missing-section');
    assert.equal(missing.length, 1, 'only Reflection is missing');
    const d = missing[0];
    assert.equal(d.source, 'starr');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /Reflection/);
    // Where the Reflection belongs, the last character of the account; the Result heading is not marked.
    const doc = editor.document;
    const end = doc.positionAt(doc.getText().trimEnd().length);
    assert.deepEqual([d.range.start, d.range.end], [end.translate(0, -1), end]);
    assert.notEqual(d.range.start.line, lineOf(doc, '# Result'));
    assert.ok(typeof d.code === 'object' && d.code.target.toString().includes('missing-section'), 'code links to the rule docs');
  });

  it('clears the error live when the learner adds the missing section', async () => {
    await activateExtension();
    const editor = await openFixture('accounts', 'missing-reflection.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'missing-section'), { what: 'missing-section' });
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const added = await editor.edit((b) => b.insert(end, '\n# Reflection\n\nI learned to ask partners how they will tell us about changes. Next time I will agree that up front.\n'));
    assert.equal(added, true);
    const ds = await waitForDiagnostics(uri, (all) => !all.some((d) => codeOf(d) === 'missing-section'), { what: 'missing-section to clear' });
    assert.ok(ds.every((d) => codeOf(d) !== 'missing-section'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reports no errors on a complete account, only the vague phrase planted in it', async () => {
    await activateExtension();
    const editor = await openFixture('accounts', 'strong-account.md');
    const uri = editor.document.uri;
    // A planted warning proves this version has been analysed; then nothing else may be an error.
    const line = lineOf(editor.document, '# Action') + 2;
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), 'I went above and beyond. '));
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'generic-language' && d.range.start.line === line), { what: 'generic-language on the planted phrase' });
    const errors = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => `${codeOf(d)}: ${d.message}`), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('leaves a plain README alone, even when it has a vague phrase', async () => {
    const readme = await openFixture('README.md');
    assert.equal(readme.document.languageId, 'markdown');
    await readme.edit((b) => b.insert(new vscode.Position(2, 0), 'We went above and beyond. '));
    // Asked about this very version, the extension's analysis (what its diagnostics wait on) says: no account.
    assert.equal(await (await probes()).account(readme.document.uri), undefined);
    assert.deepEqual(vscode.languages.getDiagnostics(readme.document.uri).filter((d) => d.source?.startsWith('starr')), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
