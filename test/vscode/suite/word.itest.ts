// Word import and export for submission, run as a learner would from the command palette or the Explorer's menu,
// with the file given as the Explorer gives it (a URI) and the choices as arguments, so no dialog is needed.
import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import * as vscode from 'vscode';
import type { ExportOutcome } from '../../../src/extension/word';
import { boldLabels, oleFile } from '../../convert/word-fixtures';
import { activateExtension, closeAllEditors, fixture } from './helpers';

const exists = (uri: vscode.Uri) => vscode.workspace.fs.stat(uri).then(() => true, () => false);
const text = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

describe('Word import and export', function () {
  this.timeout(60_000);
  const folder = () => fixture('word');
  before(async () => {
    await activateExtension();
    await vscode.workspace.fs.createDirectory(folder());
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  it('STARR: Import Word document… makes an account beside the .docx, opens it, and never replaces one', async () => {
    const docx = vscode.Uri.joinPath(folder(), 'lift.docx');
    await vscode.workspace.fs.writeFile(docx, await boldLabels());
    const made = await vscode.commands.executeCommand<vscode.Uri | undefined>('starr.importWord', docx);
    assert.equal(made?.toString(), vscode.Uri.joinPath(folder(), 'lift.md').toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), made!.toString());
    const md = await text(made!);
    assert.match(md, /^---\ntitle: "My reflective account: the broken lift"\n/);
    assert.match(md, /\n## Situation\n\nOn a Monday in June/);
    assert.ok(md.includes('{>>[tutor:TR] Which fault code?<<}'));
    // Again: the first account stays as it is, and the new one gets a free name.
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('starr.importWord', docx, { open: false });
    assert.equal(again?.toString(), vscode.Uri.joinPath(folder(), 'lift-2.md').toString());
    assert.equal(await text(made!), md);
  });

  it('an old .doc is refused with a message, and no file is written', async () => {
    const doc = vscode.Uri.joinPath(folder(), 'old.docx');
    await vscode.workspace.fs.writeFile(doc, oleFile(false));
    const made = await vscode.commands.executeCommand<vscode.Uri | undefined>('starr.importWord', doc, { open: false });
    assert.equal(made, undefined);
    assert.equal(await exists(vscode.Uri.joinPath(folder(), 'old.md')), false);
  });

  it('STARR: Export for submission… writes a .docx whose word/document.xml has the sections and the text', async () => {
    const account = fixture('accounts', 'strong-account.md');
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('starr.exportForSubmission', account, { format: 'docx' });
    const docx = fixture('accounts', 'strong-account.docx');
    assert.deepEqual(outcome, { written: [docx.toString()], refused: [] });
    const xml = await (await JSZip.loadAsync(await vscode.workspace.fs.readFile(docx))).file('word/document.xml')!.async('string');
    assert.match(xml, /<w:pStyle w:val="Title"\/>.*Improving first contact resolution on the returns line/);
    for (const s of ['Situation', 'Task', 'Action', 'Result', 'Reflection']) assert.match(xml, new RegExp(`<w:pStyle w:val="Heading1"/>(?:(?!</w:p>).)*>${s}<`), s);
    assert.ok(xml.includes('first contact resolution (FCR) target is 80%'));
    await vscode.workspace.fs.delete(docx);
  });

  it('exports a folder, refusing the account that still has errors unless forced', async () => {
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('starr.exportForSubmission', fixture('accounts'), { format: 'txt' });
    assert.deepEqual(outcome.written, [fixture('accounts', 'strong-account.txt').toString()]);
    assert.equal(outcome.refused.length, 1);
    assert.equal(outcome.refused[0].uri, fixture('accounts', 'missing-reflection.md').toString());
    assert.equal(outcome.refused[0].why, 'errors');
    assert.ok(outcome.refused[0].reasons.some((r) => /Reflection/.test(r)), outcome.refused[0].reasons.join('\n'));
    assert.equal(await exists(fixture('accounts', 'missing-reflection.txt')), false);
    const forced = await vscode.commands.executeCommand<ExportOutcome>('starr.exportForSubmission', fixture('accounts', 'missing-reflection.md'), { format: 'txt', force: true });
    assert.equal(forced.written.length, 1);
    assert.match(await text(fixture('accounts', 'missing-reflection.txt')), /\n\nResult\n\n/);
    for (const f of ['strong-account.txt', 'missing-reflection.txt']) await vscode.workspace.fs.delete(fixture('accounts', f));
  });
});
