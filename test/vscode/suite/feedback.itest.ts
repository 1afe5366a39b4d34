// In-host tests of tutor feedback (comment threads, commands, diagnostics) and the quality report webview.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fixture, probes, waitForDiagnostics } from './helpers';

const feedback = (name: string) => fixture('feedback', name);

async function open(name: string): Promise<vscode.TextEditor> {
  await activateExtension();
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(feedback(name)), { preview: false });
}

/** Resolve when `check` holds for the feedback diagnostics of `uri`, re-testing on every diagnostics change. */
const waitForFeedback = (uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => boolean, what: string) =>
  waitForDiagnostics(uri, check, { ms: 20_000, source: 'starr-feedback', what });

function select(editor: vscode.TextEditor, words: string): void {
  const doc = editor.document;
  const at = doc.getText().indexOf(words);
  assert.ok(at >= 0, `"${words}" is in the fixture`);
  editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + words.length));
}

describe('Tutor feedback in a real VS Code', () => {
  afterEach(async () => {
    for (const name of ['account.md', 'clean.md']) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === feedback(name).toString());
      if (doc?.isDirty) {
        await vscode.window.showTextDocument(doc);
        // Named, so it is this file that goes back even when a comment thread's box has the focus.
        await vscode.commands.executeCommand('workbench.action.files.revert', doc.uri);
        assert.ok(!doc.isDirty, `${name} is back as it was`);
      }
    }
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows each comment as a thread with the tutor as author, and open feedback in Problems', async () => {
    const editor = await open('account.md');
    const threads = await (await probes()).feedbackThreads(editor.document.uri);
    assert.equal(threads.length, 1);
    assert.deepEqual(threads[0].comments, [{ author: 'tutor:AB', body: 'Say which SLA target applied.', label: 'open' }]);
    assert.equal(threads[0].state, 'unresolved');
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('Say which SLA'));
    assert.equal(threads[0].range[0], line);
    const ds = await waitForFeedback(editor.document.uri, (d) => d.length === 1, 'one open-feedback diagnostic');
    assert.equal(ds[0].severity, vscode.DiagnosticSeverity.Information);
    assert.equal(ds[0].message, 'Feedback from tutor:AB: Say which SLA target applied.');
  });

  it('lists open feedback across the workspace in the Feedback view; a click opens the account at the comment', async () => {
    await open('account.md');
    const view = await (await probes()).feedbackView();
    const account = view.find((a) => a.uri?.endsWith('feedback/account.md'));
    assert.ok(account, `the fixture account is listed (have: ${view.map((a) => a.uri).join(', ')})`);
    assert.equal(account.label, 'Courier SLA recovery');
    assert.equal(account.description, 'L-900 · 1 open');
    assert.equal(account.comments.length, 1);
    const c = account.comments[0];
    assert.equal(c.label, 'Say which SLA target applied.');
    assert.equal(c.description, 'tutor:AB · line 14');
    assert.equal(c.command, 'vscode.open');
    assert.equal(c.line, 13);
    assert.ok(!view.some((a) => a.uri?.endsWith('feedback/clean.md')), 'an account without open feedback is not listed');
  });

  it('adds feedback around a selection, then resolves it back to the exact original text', async () => {
    const editor = await open('clean.md');
    const original = editor.document.getText();
    select(editor, 'On-time delivery rose from 86% to 98.4% by 1 April.');
    assert.equal(await vscode.commands.executeCommand('starr.feedback.add', 'From what baseline, measured how?'), true);
    const added = original.replace('On-time delivery rose from 86% to 98.4% by 1 April.', '{==On-time delivery rose from 86% to 98.4% by 1 April.==}{>>[tutor open] From what baseline, measured how?<<}');
    assert.equal(editor.document.getText(), added);
    await waitForFeedback(editor.document.uri, (d) => d.length === 1, 'the new feedback in Problems');
    const threads = await (await probes()).feedbackThreads(editor.document.uri);
    assert.equal(threads.length, 1);
    assert.equal(threads[0].comments[0].author, 'tutor');

    // Mark resolved: the feedback stays, labelled.
    const inside = editor.document.positionAt(added.indexOf('From what'));
    editor.selection = new vscode.Selection(inside, inside);
    assert.equal(await vscode.commands.executeCommand('starr.feedback.resolve', undefined, 'mark'), true);
    assert.equal(editor.document.getText(), added.replace('[tutor open]', '[tutor resolved]'));
    await waitForFeedback(editor.document.uri, (d) => d.length === 0, 'no open feedback once resolved');
    const resolved = await (await probes()).feedbackThreads(editor.document.uri);
    assert.equal(resolved[0].state, 'resolved');

    // Remove: only the learner's words are left, byte for byte; and it is one undoable edit.
    assert.equal(await vscode.commands.executeCommand('starr.feedback.resolve', undefined, 'remove'), true);
    assert.equal(editor.document.getText(), original);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), added.replace('[tutor open]', '[tutor resolved]'));
  });

  it('replies in the thread and accepts a suggestion', async () => {
    const editor = await open('account.md');
    const text = editor.document.getText();
    const inside = editor.document.positionAt(text.indexOf('Say which SLA'));
    editor.selection = new vscode.Selection(inside, inside);
    assert.equal(await vscode.commands.executeCommand('starr.feedback.reply', undefined, 'The 98% next-day target.'), true);
    assert.ok(editor.document.getText().includes('{>>[tutor:AB open] Say which SLA target applied.<<}{>>[learner reply] The 98% next-day target.<<}'));
    const threads = await (await probes()).feedbackThreads(editor.document.uri);
    assert.deepEqual(threads.map((t) => t.comments.map((c) => c.author)), [['tutor:AB', 'learner']]);

    const add = editor.document.positionAt(editor.document.getText().indexOf('with named contacts'));
    editor.selection = new vscode.Selection(add, add);
    assert.equal(await vscode.commands.executeCommand('starr.feedback.acceptSuggestion'), true);
    assert.ok(editor.document.getText().includes('agreed a daily exceptions report with named contacts.'));
  });

  it('asks once who is writing, labels a tutor\'s reply with it, and keeps the thread open after Reply', async () => {
    const settings = () => vscode.workspace.getConfiguration('starr.feedback');
    await settings().update('author', undefined, vscode.ConfigurationTarget.Global);
    try {
      const editor = await open('account.md');
      const doc = editor.document;
      const at = doc.positionAt(doc.getText().indexOf('{>>[tutor:AB open]'));
      // What the thread's Reply button hands the command: the thread and the text typed in its box.
      const reply = (text: string) => ({ thread: { uri: doc.uri, range: new vscode.Range(at, at), comments: [] }, text });
      const p = await probes();

      // No author yet: the first reply typed in a thread asks who is writing, in the real quick input.
      const role = p.nextQuestion();
      const first = vscode.commands.executeCommand<boolean>('starr.feedback.reply', reply('Which depot reported it?'));
      assert.equal(await role, 'Who is writing feedback?');
      const initials = p.nextQuestion();
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // Tutor, the first choice
      assert.equal(await initials, 'Your initials');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // none: the role alone
      assert.equal(await first, true);
      assert.equal(settings().get('author'), 'tutor', 'the answer is kept in starr.feedback.author');
      assert.ok(doc.getText().includes('{>>[tutor:AB open] Say which SLA target applied.<<}{>>[tutor reply] Which depot reported it?<<}'), `a tutor's reply is not labelled as the learner's:\n${doc.getText()}`);
      let threads = await p.feedbackThreads(doc.uri);
      assert.deepEqual(threads.map((t) => t.comments.map((c) => c.author)), [['tutor:AB', 'tutor']]);
      assert.equal(threads[0].expanded, true, 'the thread stays open after Reply');

      // Asked once: the next reply uses the setting without a question (one would never be answered here).
      assert.equal(await vscode.commands.executeCommand('starr.feedback.reply', reply('And on which day?')), true);
      assert.ok(doc.getText().includes('{>>[tutor reply] And on which day?<<}'));
      threads = await p.feedbackThreads(doc.uri);
      assert.equal(threads[0].expanded, true);

      // The command sets it too, as role:initials.
      assert.equal(await vscode.commands.executeCommand('starr.feedback.setAuthor', 'assessor:MK'), 'assessor:MK');
      assert.equal(settings().get('author'), 'assessor:MK');
      assert.equal(await vscode.commands.executeCommand('starr.feedback.setAuthor', 'not a label'), undefined);
      assert.equal(settings().get('author'), 'assessor:MK');
    } finally {
      await settings().update('author', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('offers Add feedback in the editor\'s context menu with or without a selection, and in the palette', () => {
    const pkg = vscode.extensions.getExtension('starr-reflect.starr-reflect')!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    const context = pkg.contributes.menus['editor/context'].find((m) => m.command === 'starr.feedback.add');
    assert.equal(context?.when, 'editorLangId == markdown');
    assert.equal(pkg.contributes.menus.commandPalette.find((m) => m.command === 'starr.feedback.add')?.when, 'editorLangId == markdown');
  });

  it('opens the quality report in a webview and samples for a spot check', async () => {
    await open('account.md');
    await vscode.commands.executeCommand('starr.report.show');
    const shown = (await probes()).reportModel();
    assert.ok(shown, 'a report panel is open');
    assert.equal(shown.viewType, 'starr.report');
    assert.equal(shown.title, 'STARR quality report');
    const row = shown.report.rows.find((r) => r.path.endsWith('feedback/account.md'));
    assert.ok(row, `the fixture account is a row (rows: ${shown.report.rows.map((r) => r.path).join(', ')})`);
    assert.equal(row.learner, 'L-900');
    assert.equal(row.openFeedback, 1);
    assert.ok(row.sections.every((s) => s.present));
    // A strict content security policy: nothing by default, style and script only with this page's nonce.
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(shown.html)?.[1] ?? '';
    const nonce = /script-src 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
    assert.ok(csp.startsWith("default-src 'none';") && nonce, csp);
    assert.ok(!/unsafe-inline|unsafe-eval|https?:/.test(csp), csp);
    assert.deepEqual([...shown.html.matchAll(/<(script|style)\b([^>]*)>/g)].map((m) => m[2].trim()), [`nonce="${nonce}"`, `nonce="${nonce}"`]);
    assert.doesNotMatch(shown.html, /\b(src|href)="(https?:)?\/\//);

    // The filter box: the summary counts only the accounts shown, and an export saves what is shown.
    assert.ok(shown.report.summary.accounts > 1, 'the workspace has several accounts');
    const filtered = await (await probes()).reportFilter('feedback/account.md');
    assert.ok(filtered);
    assert.deepEqual(filtered.shown.rows.map((r) => r.path), [row.path]);
    assert.equal(filtered.shown.summary.accounts, 1);
    assert.equal(filtered.shown.summary.openFeedback, 1);
    assert.equal(filtered.report.summary.accounts, shown.report.summary.accounts, 'the whole report is kept for when the filter is cleared');
    const filteredCsv = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'feedback', 'filtered-export.csv');
    await vscode.commands.executeCommand('starr.report.exportCsv', filteredCsv);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(filteredCsv)).split('\r\n').length, 3, 'a header and the one account shown');
    await vscode.workspace.fs.delete(filteredCsv);
    assert.equal((await (await probes()).reportFilter(''))?.shown.summary.accounts, shown.report.summary.accounts);

    await vscode.commands.executeCommand('starr.report.sample', 2, 'itest');
    const sample = (await probes()).reportModel();
    assert.ok(sample, 'the sample panel is open');
    assert.equal(sample.title, 'STARR spot-check sample');
    assert.equal(sample.report.rows.length, 2);
    assert.equal(sample.report.sample?.seed, 'itest');
    assert.ok(sample.report.rows.every((r) => r.reason));

    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'feedback', 'sample-export.csv');
    await vscode.commands.executeCommand('starr.report.exportCsv', target);
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(csv.startsWith('learner,unit,date,status,sections,reflection,reflection_missing,words,errors,warnings,info,criteria,open_feedback,title,path,reason\r\n'));
    assert.equal(csv.split('\r\n').length, 4);
    await vscode.workspace.fs.delete(target);
  });
});
