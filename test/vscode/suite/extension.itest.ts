// In-host tests of the extension's editor features: real diagnostics, quick fixes, status bar, snippets,
// settings vs .starr.yaml precedence, and large files. Runs inside VS Code (code-server or test-electron).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze } from '../../../src/analysis';
import { EXTENSION_ID, activateExtension, closeAllEditors, codeOf, fixture as fixtureIn, lineOf, probes, starrDiagnostics, untitled, waitForDiagnostics, workspaceRoot } from './helpers';

/** A bound on waiting for an event; reaching it fails the test (it is not a sleep). */
const EVENT_TIMEOUT_MS = 15_000;

const fixture = (...parts: string[]) => fixtureIn('extension', ...parts);

/** Resolve when `check` holds for the STARR diagnostics of `uri`, re-testing on every diagnostics change. */
const waitFor = (uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => boolean, what: string) => waitForDiagnostics(uri, check, { ms: EVENT_TIMEOUT_MS, what });

const stats = async () => (await probes()).stats();
const statusText = async () => (await probes()).statusText();

/** Resolve once `check` holds, testing it now and after each diagnostics change of `uri` (subscribed first: no race). */
async function untilDiagnosticsChange(uri: vscode.Uri, check: () => Promise<boolean>): Promise<void> {
  for (;;) {
    let sub: vscode.Disposable | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = new Promise<void>((resolve, reject) => {
      sub = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString())) resolve();
      });
      timer = setTimeout(() => reject(new Error(`Timed out waiting for a diagnostics change on ${uri.toString(true)}`)), EVENT_TIMEOUT_MS);
    });
    try {
      if (await check()) return;
      await next;
    } finally {
      sub?.dispose();
      clearTimeout(timer);
    }
  }
}

/** Resolves once `line` is in the editor's visible ranges, checking now and on each change of them. */
function inView(editor: vscode.TextEditor, line: number, ms = 30_000): Promise<void> {
  const shown = () => editor.visibleRanges.some((r) => r.start.line <= line && line <= r.end.line);
  if (shown()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const sub = vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      if (e.textEditor === editor && shown()) done(resolve);
    });
    const timer = setTimeout(() => done(() => reject(new Error(`line ${line + 1} not in view; visible: ${editor.visibleRanges.map((r) => `${r.start.line + 1}-${r.end.line + 1}`).join(', ')}`))), ms);
    const done = (then: () => void) => {
      clearTimeout(timer);
      sub.dispose();
      then();
    };
  });
}

/** The text of every hover at a position. */
async function hoverAt(uri: vscode.Uri, at: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('STARR extension', function () {
  this.timeout(60_000);

  before(activateExtension);

  afterEach(closeAllEditors);

  it('registers no test-only command; a test run gets the probes from activate()', async () => {
    // The one internal command is a quick fix's (a code action's command must be a command); tests use the probes.
    assert.deepEqual((await vscode.commands.getCommands(true)).filter((c) => c.startsWith('starr._')), ['starr._saveAllowList']);
    const p = await probes();
    assert.equal(typeof p.coverageNextChange, 'function');
    // Timing is logged, not asserted.
    console.log(`    activation ${p.stats().activationMs.toFixed(1)} ms`);
  });

  it('shows diagnostics with rule codes, docs links, exact ranges and severities', async () => {
    const uri = fixture('weak-account.md');
    await vscode.window.showTextDocument(uri);
    const ds = await waitFor(uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'missing-section');
    const missing = ds.filter((d) => codeOf(d) === 'missing-section');
    assert.equal(missing.length, 1);
    const d = missing[0];
    assert.equal(d.source, 'starr');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /Reflection section is missing/);
    // Where the Reflection belongs: the last character of the account (line 37), not the Result heading.
    const last = 'keeping us in the loop", and the call was closed within our two-hour call-back standard.'.length;
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [36, last - 1, 36, last]);
    assert.ok(typeof d.code === 'object' && d.code.target.toString() === 'starr-docs:/docs/rules/missing-section.md', 'code links to the bundled rule page');
    // Every STARR diagnostic carries a rule id and a link to its bundled page.
    for (const x of starrDiagnostics(uri)) {
      assert.ok(typeof x.code === 'object' && x.code.target.scheme === 'starr-docs' && x.code.target.path === `/docs/rules/${codeOf(x)}.md`, `docs link for ${codeOf(x)}`);
    }
  });

  it('leaves a README that is not an account alone', async () => {
    const readme = fixture('README.md');
    await vscode.window.showTextDocument(readme);
    // The same analysis its diagnostics wait on: it decides, once the .starr.yaml is read, that this is no account.
    assert.equal(await (await probes()).account(readme), undefined);
    assert.deepEqual(starrDiagnostics(readme), []);
    // The same question about an account gets its findings, so the answer above is not for want of asking.
    assert.ok((await (await probes()).account(fixture('weak-account.md')))?.includes('missing-section'));
  });

  it('shows sections, words and issues in the status bar', async () => {
    const uri = fixture('weak-account.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const ds = await waitFor(uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'missing-section');
    const words = analyze(doc.getText()).account.words;
    const issues = ds.filter((d) => d.source === 'starr').length;
    const text = await statusText();
    assert.equal(text, `STARR 4/5 · ${words.toLocaleString('en-GB')} words · ${issues === 1 ? '1 issue' : `${issues} issues`}`);
  });

  it('shows how deep the reflection goes in the status-bar tooltip and on the reflection heading', async () => {
    const shallow = 'I learned that communication is really important. Next time I will try to communicate better.';
    const deep = 'Ringing first worked because she heard the new date from me, not a letter. I now ring every customer whose repair slips, before the letter goes out.';
    const doc = await untitled(`## Situation\n\nA repair slipped.\n\n## Task\n\nTell the tenant.\n\n## Action\n\nI rang her.\n\n## Result\n\nNo complaint.\n\n## Reflection\n\n${shallow}\n`);
    await vscode.window.showTextDocument(doc);
    await waitFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'shallow-reflection'), 'shallow-reflection');
    const heading = new vscode.Position(16, 3);
    assert.equal(doc.lineAt(heading.line).text, '## Reflection');
    const hoverText = async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, heading);
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    const tooltip = async () => (await probes()).statusTooltip();
    assert.match(await tooltip(), /\*\*Reflection: Shallow\.\*\* It states a lesson or an intention/);
    assert.match(await tooltip(), /To deepen it: judge what worked or did not and why/);
    let text = await hoverText();
    assert.match(text, /\*\*Reflection: Shallow\.\*\*/);
    assert.match(text, /shallow-reflection/);

    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, doc.lineAt(18).range, deep);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(doc.uri, (d) => !d.some((x) => codeOf(x) === 'shallow-reflection'), 'shallow-reflection to clear');
    assert.match(await tooltip(), /\*\*Reflection: Deep\.\*\* It judges why things went as they did and names a concrete change in practice\./);
    text = await hoverText();
    assert.match(text, /\*\*Reflection: Deep\.\*\*/);
    assert.doesNotMatch(text, /shallow-reflection/);
  });

  it('applies the quick fix that adds a missing section, as an undoable edit', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('weak-account.md')));
    const doc = await untitled(text);
    await vscode.window.showTextDocument(doc);
    const ds = await waitFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'missing-section');
    const d = ds.find((x) => codeOf(x) === 'missing-section')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const add = actions.find((a) => a.title === 'Add the Reflection section');
    assert.ok(add?.edit, `quick fix offered; got ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(add.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Disable missing-section for this line'));
    assert.ok(actions.some((a) => a.title === 'Disable missing-section for this file'));
    // Marked where the Reflection belongs, the end of the account, not on the Result heading.
    assert.equal(d.range.start.line, 36);
    assert.notEqual(doc.lineAt(d.range.start.line).text, '## Result');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // As VS Code does with a quick fix: apply its edit, then run its command.
    assert.ok(await vscode.workspace.applyEdit(add.edit));
    assert.match(doc.getText(), /keeping us in the loop", and the call was closed within our two-hour call-back standard\.\n\n## Reflection\n\n<!-- .+ -->\n$/);
    assert.ok(add.command, 'the quick fix shows the section it adds');
    assert.equal(await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? [])), true);
    const heading = lineOf(doc, '## Reflection');
    assert.equal(editor.selection.active.line, heading, 'the cursor is on the added heading');
    // The editor tells the extension host what it shows a moment after it scrolls: wait for that.
    await inView(editor, heading);
    await waitFor(doc.uri, (x) => !x.some((y) => codeOf(y) === 'missing-section'), 'missing-section to clear');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), text);
  });

  it('anonymises personal data and adds a measure placeholder through quick fixes', async () => {
    const doc = await untitled('---\nunit: CS3-SP\n---\n\n## Situation\n\nMrs Jane Smith rang on 3 May. Her email is jane.smith@example.com.\n\n## Result\n\nSatisfaction improved.\n');
    await vscode.window.showTextDocument(doc);
    const fixFor = async (rule: string, title: string, match: (d: vscode.Diagnostic) => boolean, clears = true) => {
      const ds = await waitFor(doc.uri, (d) => d.some((x) => codeOf(x) === rule && match(x)), rule);
      const d = ds.find((x) => codeOf(x) === rule && match(x))!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const a = actions.find((x) => x.title === title);
      assert.ok(a?.edit, `"${title}" offered; got ${actions.map((x) => x.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(a.edit));
      // A placeholder is for the learner to fill in, so it does not clear its finding.
      if (clears) await waitFor(doc.uri, (after) => !after.some((x) => codeOf(x) === rule && match(x)), `${rule} to clear`);
    };
    await fixFor('personal-data', 'Anonymise as "Mrs S"', (d) => /Mrs Jane Smith/.test(d.message));
    assert.match(doc.getText(), /\nMrs S rang on 3 May\./);
    await fixFor('personal-data', 'Replace with "[customer email]"', (d) => /email/.test(d.message));
    assert.match(doc.getText(), /Her email is \[customer email\]\./);
    await fixFor('missing-outcome-measure', 'Add a placeholder for a measure', (d) => /no measure/.test(d.message), false);
    assert.match(doc.getText(), /<!-- Add a measure: .+ -->/);
    assert.ok(!starrDiagnostics(doc.uri).some((x) => codeOf(x) === 'personal-data'));
  });

  it('re-analyses a 1,500-word account after a keystroke (timing is logged, not asserted)', async () => {
    const para = 'I rang the depot supervisor, explained the deadline and asked whether the order could go on the Tuesday morning van, then called the customer back within forty minutes.\n\n';
    const base = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('weak-account.md')));
    const text = base.replace('## Action\n\n', `## Action\n\n${para.repeat(45)}`);
    const words = analyze(text).account.words;
    assert.ok(words >= 1500 && words < 1700, `${words} words`);
    const doc = await untitled(text);
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'first analysis');
    const times: number[] = [];
    // On the editor's thread while a check stays within its budget, in the worker when this machine is too busy.
    const checks = (s: { analyses: number; offThreadAnalyses: number }) => s.analyses + s.offThreadAnalyses;
    for (let i = 0; i < 5; i++) {
      const before = checks(await stats());
      await editor.edit((b) => b.insert(new vscode.Position(12, 0), i % 2 ? 'x' : 'y'));
      // STARR publishes right after it analyses: re-check its count on each diagnostics change.
      await untilDiagnosticsChange(doc.uri, async () => {
        const now = await stats();
        return checks(now) > before && now.lastAnalysisUri === doc.uri.toString();
      });
      times.push((await stats()).lastAnalysisMs);
    }
    console.log(`    keystroke re-analysis of ${words} words: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
  });

  it('disables a rule for one line with a directive above it', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('weak-account.md')));
    const doc = await untitled(text);
    await vscode.window.showTextDocument(doc);
    const ds = await waitFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'missing-section');
    const d = ds.find((x) => codeOf(x) === 'missing-section')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title === 'Disable missing-section for this line');
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.equal(doc.lineAt(36).text, '<!-- starr-disable-next-line missing-section -->');
    assert.match(doc.lineAt(37).text, /^keeping us in the loop/);
    await waitFor(doc.uri, (x) => !x.some((y) => codeOf(y) === 'missing-section'), 'missing-section to clear');
  });

  it('shows hover help on a flagged span', async () => {
    const uri = fixture('weak-account.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const ds = await waitFor(uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'missing-section');
    const missing = ds.find((x) => codeOf(x) === 'missing-section')!;
    const text = await hoverAt(uri, missing.range.start);
    assert.match(text, /Why assessors care/);
    assert.match(text, /missing-section/);
    // missing-section is about the Reflection: what a good one holds.
    assert.match(text, /What good looks like in Reflection/);
  });

  it('opens a rule\'s bundled page as a Markdown preview, from the Problems link and from the hover, with the web link second', async () => {
    const uri = fixture('weak-account.md');
    await vscode.window.showTextDocument(uri);
    const ds = await waitFor(uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'missing-section');
    const missing = ds.find((x) => codeOf(x) === 'missing-section')!;
    const target = (missing.code as { target: vscode.Uri }).target;

    // The page, served from the extension's own files, with its web address as a secondary link.
    const page = (await vscode.workspace.openTextDocument(target)).getText();
    assert.match(page, /^# missing-section\n/);
    // Its examples are not the user's: no feedback threads, no problems for it.
    assert.deepEqual(await (await probes()).feedbackThreads(target.with({ path: '/docs/rules/personal-data.md' })), [], 'the personal-data page shows feedback marks in its examples');
    assert.equal(await (await probes()).account(target), undefined);
    assert.match(page, /It is also \[on the web\]\(https:\/\/github\.com\/starr-reflect\/starr-reflect\/blob\/main\/docs\/rules\/missing-section\.md\)\.\n$/);

    const previews = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes('missing-section'));
    const sources = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === target.toString());
    /** Resolves once the page shows as a preview and its source tab is gone, re-checking on every tab change. */
    const previewShown = (what: string) => new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!previews().length || sources().length) return;
        sub.dispose();
        clearTimeout(timer);
        resolve();
      };
      const sub = vscode.window.tabGroups.onDidChangeTabs(check);
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`Timed out waiting for the preview ${what}; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`));
      }, 30_000);
      check();
    });
    const closePreviews = async () => {
      await vscode.window.tabGroups.close(previews());
      assert.equal(previews().length, 0);
    };

    // What the workbench does with the Problems panel's link: open the URI as an editor. It becomes the preview.
    await closePreviews();
    const fromLink = previewShown('from the code link');
    await vscode.commands.executeCommand('vscode.open', target);
    await fromLink;
    await closePreviews();

    // The hover: "Read more" opens the same page inside VS Code; the web copy is the second link.
    const text = await hoverAt(uri, missing.range.start);
    const readMore = /\[Read more about missing-section\]\(command:starr\.openRuleDocs\?([^)]+)\) · \[on the web\]\(https:\/\/github\.com\/[^)]+\/docs\/rules\/missing-section\.md\)/.exec(text);
    assert.ok(readMore, text);
    const fromHover = previewShown('from the hover');
    assert.equal(await vscode.commands.executeCommand('starr.openRuleDocs', ...(JSON.parse(decodeURIComponent(readMore[1])) as string[])), true);
    await fromHover;
    await closePreviews();
  });

  it('shows problems from the Welcome page: it opens the account worked on last, then lists its problems', async () => {
    const uri = fixture('weak-account.md');
    await vscode.window.showTextDocument(uri);
    await waitFor(uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'missing-section');
    // The walkthrough in front: no text editor is active.
    const welcome = new Promise<void>((resolve) => {
      const d = vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e) return;
        d.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'starr-reflect.starr-reflect#starr.gettingStarted', false);
    await welcome;
    assert.equal(vscode.window.activeTextEditor, undefined);

    const p = await probes();
    const asked = p.nextQuestion();
    const shown = vscode.commands.executeCommand<number | undefined>('starr.showProblems');
    assert.match(await asked, /^STARR: \d+ problems? in .*weak-account\.md$/);
    assert.equal((vscode.window.activeTextEditor as vscode.TextEditor | undefined)?.document.uri.toString(), uri.toString(), 'the account is in front, under its problems');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await shown, starrDiagnostics(uri).length);
  });

  it('keeps the personal-data hover short, about the finding, with an example written for learners', async () => {
    const doc = await untitled('---\nunit: CS3-SP\n---\n\n## Situation\n\nMrs Jane Smith rang on 3 May about her order.\n\n## Action\n\nI rang the depot.\n');
    await vscode.window.showTextDocument(doc);
    const ds = await waitFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'personal-data'), 'personal-data');
    const text = await hoverAt(doc.uri, ds.find((x) => codeOf(x) === 'personal-data')!.range.start.translate(0, 1));
    assert.match(text, /personal-data/);
    assert.match(text, /Why assessors care/);
    assert.doesNotMatch(text, /What good looks like/, 'no section advice: the finding is about a name, not the Situation');
    assert.match(text, /A good example/);
    assert.match(text, /Mrs S \(Customer A\)/);
    assert.doesNotMatch(text, /jane@example\.com|ignored|code block/, 'nothing from the rule\'s tests');
    assert.ok(text.split('\n').length <= 20, `${text.split('\n').length} lines`);
  });

  it('checks a file as an account when asked to, and stops when asked', async () => {
    const uri = fixture('one-section.md');
    await vscode.window.showTextDocument(uri);
    assert.equal(await (await probes()).account(uri), undefined, 'one heading and no front matter: not an account');
    await vscode.commands.executeCommand('starr.checkAsAccount');
    await waitFor(uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'missing-section after the override');
    await vscode.commands.executeCommand('starr.stopCheckingAsAccount');
    await waitFor(uri, (d) => !d.some((x) => x.source === 'starr'), 'diagnostics to clear');
  });

  it('shows a broken .starr.yaml problem at its line and checks with defaults', async () => {
    const account = fixture('broken-config', 'account.md');
    const config = fixture('broken-config', '.starr.yaml');
    await vscode.window.showTextDocument(account);
    const ds = await waitFor(account, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'missing-section with defaults');
    // Defaults: missing-section stays an error.
    assert.ok(ds.filter((d) => codeOf(d) === 'missing-section').every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    const cds = await waitFor(config, (d) => d.some((x) => x.source === 'starr'), 'config problems');
    assert.ok(cds.some((d) => d.range.start.line === 2 && d.severity === vscode.DiagnosticSeverity.Error), 'a problem on line 3 (`sometimes`)');
  });

  it('shows one problem per mistake in .starr.yaml, with a suggestion, and uses the rest of the file', async () => {
    const account = fixture('misspelt-config', 'account.md');
    const config = fixture('misspelt-config', '.starr.yaml');
    await vscode.window.showTextDocument(account);
    // missing-section: info still applies although two other settings are wrong.
    await waitFor(account, (d) => d.some((x) => codeOf(x) === 'missing-section' && x.severity === vscode.DiagnosticSeverity.Information), 'the good setting to apply');
    const cds = (await waitFor(config, (d) => d.filter((x) => x.source === 'starr').length >= 2, 'config problems')).filter((x) => x.source === 'starr');
    assert.deepEqual(cds.map((d) => [d.range.start.line, d.severity]), [[2, vscode.DiagnosticSeverity.Warning], [3, vscode.DiagnosticSeverity.Error]]);
    assert.match(cds[0].message, /"generic-languag" is not a rule I know, so it is ignored\. Did you mean "generic-language"\?/);
    assert.match(cds[1].message, /"rules\.personal-data" should be error, warning, info, hint or off, not "fatal"\./);
  });

  it('lets .starr.yaml win over settings for the rules it sets', async () => {
    const starr = vscode.workspace.getConfiguration('starr');
    await starr.update('rules', { 'missing-section': 'info' }, vscode.ConfigurationTarget.Workspace);
    try {
      const plain = fixture('broken-config', 'account.md');
      const wins = fixture('config-wins', 'account.md');
      await vscode.window.showTextDocument(plain);
      await waitFor(plain, (d) => d.some((x) => codeOf(x) === 'missing-section' && x.severity === vscode.DiagnosticSeverity.Information), 'the setting to apply');
      await vscode.window.showTextDocument(wins);
      const ds = await waitFor(wins, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'missing-section');
      assert.ok(ds.filter((d) => codeOf(d) === 'missing-section').every((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'the file sets warning and wins');
    } finally {
      await starr.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('contributes the STARR, STAR, CARL and Gibbs snippets, and a whole account inserts', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON.contributes.snippets as { language: string; path: string }[]).find((s) => s.language === 'markdown');
    assert.ok(contributed);
    const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, contributed.path)))) as Record<string, { body: string[] }>;
    for (const name of ['STARR reflective account', 'STAR account', 'CARL account', "Gibbs' reflective cycle", 'STARR front matter', 'STARR Result section']) {
      assert.ok(snippets[name], `snippet ${name}`);
    }
    const doc = await untitled('');
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'STARR reflective account' });
    const text = editor.document.getText();
    for (const h of ['## Situation', '## Task', '## Action', '## Result', '## Reflection']) assert.ok(text.includes(h), h);
    // No plausible placeholder values: an empty title, learner, unit and criteria, and the prompts as comments.
    assert.match(text, /^---\ntitle: \nlearner: \nunit: \ncriteria: \[\]\n/);
    assert.match(text, /## Situation\n\n<!-- Where and when did this happen/);
    // The inserted account is itself an account: it gets checked.
    await waitFor(doc.uri, (d) => d.some((x) => x.source === 'starr'), 'diagnostics on the new account');
  });

  it('checks every account in the workspace and lists closed ones in Problems', async () => {
    // No test opens this one, so only the workspace check can put its problems in the Problems panel.
    const closed = fixture('never-opened', 'account.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closed.toString()), 'the account is not open');
    const r = await vscode.commands.executeCommand<{ accounts: number; finished: boolean }>('starr.checkWorkspace');
    assert.equal(r.finished, true);
    assert.ok(r.accounts >= 3, `found ${r.accounts} accounts`);
    const ds = await waitFor(closed, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'problems for a closed account');
    assert.ok(ds.filter((d) => codeOf(d) === 'missing-section').every((d) => d.severity === vscode.DiagnosticSeverity.Error));
    assert.deepEqual(starrDiagnostics(fixture('README.md')), []);
  });

  it('analyses the 2 MB list-heavy document off the extension-host thread', async () => {
    const before = (await probes()).stats({ resetLongestBlock: true });
    console.log(`    longest extension-host block before this test: ${before.longestBlockMs.toFixed(1)} ms (${before.longestBlockWhat})`);
    // The shape that makes the Markdown parser quadratic: one Action made of thousands of list items.
    const verbs = ['rang', 'emailed', 'checked', 'logged', 'agreed', 'confirmed', 'escalated', 'explained'];
    const things = ['the order', 'the depot', 'the courier', 'the refund', 'the complaint', 'the SLA', 'the van', 'the invoice'];
    const items: string[] = [];
    let size = 0;
    for (let i = 0; size < 2 * 1024 * 1024; i++) {
      const item = `- I ${verbs[i % 8]} ${things[(i * 3) % 8]} at ${8 + (i % 9)}:${String(i % 60).padStart(2, '0')} and ${verbs[(i + 3) % 8]} ${things[(i + 5) % 8]} so that the customer knew what would happen next and when, as agreed in step ${i}.`;
      items.push(item);
      size += item.length + 1;
    }
    const big = `---\nunit: CS3-SP\n---\n\n## Situation\n\nA customer rang about a late order.\n\n## Action\n\n${items.join('\n')}\n\n## Result\n\nThe order arrived.\n`;
    const doc = await untitled(big);
    await vscode.window.showTextDocument(doc);
    // A bound, not a wait: on a busy shared 2-core machine the worker's analysis alone takes 10–15 s.
    await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), { ms: 60_000, what: 'missing-section from the worker' });
    const after = await stats();
    assert.ok(after.offThreadAnalyses > before.offThreadAnalyses, 'analysed in the worker');
    // The worker's summary feeds the status bar like any other analysis. Past the parse budget the rest of
    // the file (with its Result heading) is read as plain text, and complex-formatting says from which line.
    assert.match(await statusText(), /^STARR 2\/5 · [\d,]+ words · \d+ issues?$/);
    assert.ok(vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'complex-formatting'), 'the plain-text note is shown');
    console.log(`    2 MB list-heavy: worker analysis ${after.lastAnalysisMs.toFixed(0)} ms; longest extension-host block meanwhile ${after.longestBlockMs.toFixed(1)} ms (${after.longestBlockWhat})`);
  });

  it('checks an account whose file name holds a % sign', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), '100% on time.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\nunit: CS3-SP\n---\n\n## Situation\n\nA customer rang about a late order.\n'));
    try {
      await vscode.window.showTextDocument(uri);
      await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), { what: 'missing-section on "100% on time.md"' });
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri);
    }
  });

  /**
   * Open an account longer than the host's unmeasured allowance (its first check goes to the worker) while
   * the next `failures` worker starts fail to load; resolves with the stats before and once it has its problems.
   */
  async function checkWithFailedStarts(failures: number) {
    const p = await probes();
    const before = p.stats();
    p.failWorkerStarts(failures);
    try {
      const doc = await untitled(`---\nunit: CS3-SP\n---\n\n## Situation\n\n${`A customer rang about a late order (${failures}) and I listened to what had gone wrong with the delivery. `.repeat(20)}\n\n## Action\n\nI rang the depot.\n`);
      await vscode.window.showTextDocument(doc);
      await waitFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), `missing-section after ${failures} failed worker starts`);
      return { before, after: await stats() };
    } finally {
      p.failWorkerStarts(0);
    }
  }

  it('starts the background worker again when it fails to load, and checks in it', async () => {
    const { before, after } = await checkWithFailedStarts(2);
    assert.ok(after.offThreadAnalyses > before.offThreadAnalyses, 'checked in the third worker');
  });

  it('checks on the editor thread when no background worker will load', async () => {
    const { before, after } = await checkWithFailedStarts(3);
    assert.equal(after.offThreadAnalyses, before.offThreadAnalyses, 'no worker answered');
    assert.ok(after.analyses > before.analyses, 'checked on the editor thread');
  });

  it('checks a short document whose shape makes it slow in the worker too: size alone does not decide', async () => {
    // 25 KB, a quarter of starr.largeFileThreshold, but deeply nested lists cost many times what prose does.
    const nested = '- I rang the depot\n  - and agreed a slot\n    - for the next day\n      - before noon\n'.repeat(300);
    const text = `---\nunit: CS3-SP\n---\n\n## Situation\n\nA customer rang about a late order.\n\n## Action\n\n${nested}\n## Result\n\nThe order arrived.\n`;
    const before = (await probes()).stats({ resetLongestBlock: true });
    const doc = await untitled(text);
    await vscode.window.showTextDocument(doc);
    await waitFor(doc.uri, (d) => d.some((x) => codeOf(x) === 'missing-section'), 'missing-section for the nested-list document');
    const after = await stats();
    assert.ok(text.length < 100_000, 'under the large-file threshold');
    assert.ok(after.offThreadAnalyses > before.offThreadAnalyses, 'checked in the worker');
    console.log(`    25 KB nested lists: worker analysis ${after.lastAnalysisMs.toFixed(0)} ms; longest extension-host block meanwhile ${after.longestBlockMs.toFixed(1)} ms (${after.longestBlockWhat})`);
  });
});
