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

  // The export tests write their own accounts, so what other tests do to the shared fixtures cannot change them.
  const GOOD = `---
title: Cutting repeat calls about delivery slots
learner: L-321
unit: CS3-SP
criteria: ["2.1"]
date: 2026-06-18
status: draft
---

# Cutting repeat calls about delivery slots

## Situation

In June our contact centre took about 200 calls a week from customers asking when their delivery would arrive, because the courier's text message gave only the day.

## Task

My team leader asked me to cut these calls by half within a month, working with the courier's account manager.

## Action

I met the courier's account manager on 3 June and asked for a two-hour window in the text message. I wrote a short script so the team gave the same answer, and I checked the call log every Friday.

## Result

By 1 July the calls about delivery slots had fallen from 212 a week to 64, and our first contact resolution rose from 71% to 78%.

## Reflection

I learned that a partner acts quickly when I bring the figures. Next time I will agree the measure with the partner at the start, so that we both track the same number.
`;
  const NO_RESULT = GOOD.replace(/## Result[\s\S]*?(?=## Reflection)/, '');

  it('STARR: Export for submission… writes a .docx whose word/document.xml has the sections and the text', async () => {
    const account = vscode.Uri.joinPath(folder(), 'export-one', 'slots.md');
    await vscode.workspace.fs.writeFile(account, new TextEncoder().encode(GOOD));
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('starr.exportForSubmission', account, { format: 'docx' });
    const docx = vscode.Uri.joinPath(folder(), 'export-one', 'slots.docx');
    assert.deepEqual(outcome, { written: [docx.toString()], refused: [] });
    const xml = await (await JSZip.loadAsync(await vscode.workspace.fs.readFile(docx))).file('word/document.xml')!.async('string');
    assert.match(xml, /<w:pStyle w:val="Title"\/>.*Cutting repeat calls about delivery slots/);
    for (const s of ['Situation', 'Task', 'Action', 'Result', 'Reflection']) assert.match(xml, new RegExp(`<w:pStyle w:val="Heading2"/>(?:(?!</w:p>).)*>${s}<`), s);
    assert.ok(xml.includes('fallen from 212 a week to 64'));
    assert.ok(xml.includes('>L-321<'));
    assert.ok(!xml.includes('Criteria evidenced'));
    // The setting adds the criteria table.
    const settings = vscode.workspace.getConfiguration('starr.export');
    await settings.update('criteriaTable', true, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.commands.executeCommand<ExportOutcome>('starr.exportForSubmission', account, { format: 'docx' });
      const withTable = await (await JSZip.loadAsync(await vscode.workspace.fs.readFile(docx))).file('word/document.xml')!.async('string');
      assert.match(withTable, />Criteria evidenced<.*>2\.1<.*>Identify the partners/);
    } finally {
      await settings.update('criteriaTable', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('exports a folder, refusing the account that still has errors unless forced', async () => {
    const dir = vscode.Uri.joinPath(folder(), 'export-folder');
    const at = (name: string) => vscode.Uri.joinPath(dir, name);
    await vscode.workspace.fs.writeFile(at('good.md'), new TextEncoder().encode(GOOD));
    await vscode.workspace.fs.writeFile(at('no-result.md'), new TextEncoder().encode(NO_RESULT));
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('starr.exportForSubmission', dir, { format: 'txt' });
    assert.deepEqual(outcome.written, [at('good.txt').toString()]);
    assert.equal(outcome.refused.length, 1);
    assert.equal(outcome.refused[0].uri, at('no-result.md').toString());
    assert.equal(outcome.refused[0].why, 'errors');
    assert.ok(outcome.refused[0].reasons.some((r) => /Result/.test(r)), outcome.refused[0].reasons.join('\n'));
    assert.equal(await exists(at('no-result.txt')), false);
    assert.match(await text(at('good.txt')), /^Cutting repeat calls about delivery slots\n\nLearner: L-321\n/);
    const forced = await vscode.commands.executeCommand<ExportOutcome>('starr.exportForSubmission', at('no-result.md'), { format: 'txt', force: true });
    assert.deepEqual(forced.written, [at('no-result.txt').toString()]);
    assert.match(await text(at('no-result.txt')), /\n\nAction\n\nI met the courier's account manager/);
  });
});
