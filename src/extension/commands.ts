import * as vscode from 'vscode';
import { DEFAULT_FRAMEWORK, getFrameworks } from '../core';
import { criterionIds, type LoadedCriteriaSet } from '../core/criteria';
import { looksLikeRealName } from '../core/frontmatter';
import { ruleIdOf } from './findings';
import type { Services } from './services';
import { accountTemplate, fileNameFor } from './templates';
import { pickOne } from './quick-pick';
import { dirname, exists } from './uri-utils';

export function register(services: Services): vscode.Disposable[] {
  const { analysis, workspace, log } = services;
  services.probes.stats = (options) => {
    const stats = { ...log.stats, accounts: workspace.index.size };
    if (options?.resetLongestBlock) {
      log.stats.longestBlockMs = 0;
      log.stats.longestBlockWhat = '';
    }
    return stats;
  };
  const active = vscode.window.activeTextEditor?.document;
  let lastActive = active && active.languageId === 'markdown' && analysis.isAccount(active) ? active.uri : undefined;
  return [
    vscode.commands.registerCommand('starr.newAccount', (arg?: unknown) => newAccount(services, newAccountArgs(arg))),
    vscode.commands.registerCommand('starr.checkWorkspace', () => checkWorkspace(services)),
    vscode.commands.registerCommand('starr.checkAsAccount', async (uri?: vscode.Uri) => {
      const doc = await markdownDocument(uri);
      if (!doc) return;
      await analysis.setOverride(doc.uri, true);
      void vscode.window.showInformationMessage('STARR will check this file as a reflective account from now on.');
    }),
    vscode.commands.registerCommand('starr.stopCheckingAsAccount', async (uri?: vscode.Uri) => {
      const doc = await markdownDocument(uri);
      if (!doc) return;
      if (!analysis.isOverridden(doc.uri)) {
        void vscode.window.showInformationMessage('STARR checks this file because of its front matter, its headings or the starr.include setting, not because you asked it to.');
        return;
      }
      await analysis.setOverride(doc.uri, false);
    }),
    vscode.commands.registerCommand('starr.showProblems', () => showProblems(services, lastActive)),
    // The account last in front, for Show problems while the Welcome page (or any other view) is.
    vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e && e.document.languageId === 'markdown' && analysis.isAccount(e.document)) lastActive = e.document.uri;
    }),
    vscode.commands.registerCommand('starr.showLog', () => log.show()),
  ];
}

async function markdownDocument(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Open a Markdown file first.');
    return undefined;
  }
  return doc;
}

/**
 * What `starr.newAccount` may be given instead of being asked: a folder (as the Explorer's context menu gives it),
 * or any of the answers. Each answer given skips its question; tests and other extensions pass them all.
 */
interface NewAccountArgs {
  folder?: vscode.Uri;
  title?: string;
  learner?: string;
  framework?: string;
  /** A unit id, or '' for none yet. */
  unit?: string;
  criteria?: string[];
}

function newAccountArgs(arg: unknown): NewAccountArgs {
  if (arg instanceof vscode.Uri) return { folder: arg };
  if (!arg || typeof arg !== 'object') return {};
  const a = arg as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    folder: a.folder instanceof vscode.Uri ? a.folder : typeof a.folder === 'string' ? vscode.Uri.parse(a.folder) : undefined,
    title: str(a.title),
    learner: str(a.learner),
    framework: str(a.framework),
    unit: str(a.unit),
    criteria: Array.isArray(a.criteria) ? a.criteria.filter((c): c is string => typeof c === 'string') : undefined,
  };
}

const STEPS = 5;

/** Creates the account and returns its URI, or undefined when the learner stopped before the end. */
async function newAccount(services: Services, given: NewAccountArgs): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const title = given.title ?? (await vscode.window.showInputBox({
    title: `New reflective account (1/${STEPS})`,
    prompt: 'A short title for the event you are writing about',
    placeHolder: 'e.g. Resolving a late delivery for a business customer',
    validateInput: (v) => (v.trim() ? undefined : 'Please give the account a title.'),
  }));
  if (!title?.trim()) return undefined;

  // The learner id is remembered for the workspace, so the next account offers it straight away.
  const where = given.folder ?? active ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const remembered = services.config.learner(where);
  let learner = given.learner;
  if (learner === undefined) {
    learner = await vscode.window.showInputBox({
      title: `New reflective account (2/${STEPS}): learner`,
      prompt: remembered
        ? 'Your learner id, as your centre gave it. Press Enter to keep it, or type another.'
        : 'Your learner id, as your centre gave it (for example L-014). Use the id, never your name. STARR remembers it for this workspace.',
      placeHolder: 'e.g. L-014',
      value: remembered,
      ignoreFocusOut: true,
      validateInput: (v) =>
        v.trim()
          ? looksLikeRealName(v)
            ? { message: 'That looks like a name. Use the anonymised id your centre gave you, such as L-014.', severity: vscode.InputBoxValidationSeverity.Warning }
            : undefined
          : { message: 'You can leave it empty for now, but reports and coverage will not count the account until the learner id is in its front matter.', severity: vscode.InputBoxValidationSeverity.Info },
    });
    if (learner === undefined) return undefined;
  }
  learner = learner.trim();

  const base = active ? services.config.resolve(active).framework : DEFAULT_FRAMEWORK;
  const frameworks = [...getFrameworks().values()];
  let framework = given.framework && frameworks.some((f) => f.id === given.framework) ? given.framework : undefined;
  if (!framework) {
    const fwPick = await vscode.window.showQuickPick(
      frameworks.map((f) => ({ label: f.name, description: f.id === base ? 'default' : undefined, detail: f.sections.map((s) => s.name).join(', '), id: f.id })).sort((a, b) => (a.id === base ? -1 : b.id === base ? 1 : 0)),
      { title: `New reflective account (3/${STEPS}): framework`, placeHolder: 'Which structure should the account follow?' },
    );
    if (!fwPick) return undefined;
    framework = fwPick.id;
  }

  const units = services.criteria.catalog.units();
  let unit: string | undefined;
  let set: LoadedCriteriaSet | undefined;
  if (given.unit !== undefined) {
    unit = given.unit.trim() || undefined;
    set = units.find((u) => u.set.id === unit);
  } else {
    type UnitItem = vscode.QuickPickItem & { set?: LoadedCriteriaSet; other?: boolean };
    const unitItems: UnitItem[] = [
      ...units.map((u) => ({ label: u.set.id, description: u.set.title, set: u })),
      { label: 'Another unit…', description: 'type its id', other: true },
      { label: 'No unit yet', description: 'add it to the front matter later' },
    ];
    const unitPick = await vscode.window.showQuickPick(unitItems, { title: `New reflective account (4/${STEPS}): unit`, placeHolder: 'Which unit is this evidence for?', matchOnDescription: true });
    if (!unitPick) return undefined;
    unit = unitPick.set?.set.id;
    set = unitPick.set;
    if (unitPick.other) {
      unit = (await vscode.window.showInputBox({ title: `New reflective account (4/${STEPS}): unit`, prompt: 'The unit id or title, as your centre writes it' }))?.trim();
      if (unit === undefined) return undefined;
    }
  }

  let criteria: string[];
  if (given.criteria) criteria = given.criteria;
  else if (set) {
    const picks = await vscode.window.showQuickPick(
      set.set.learningOutcomes.flatMap((lo) => lo.criteria.map((c) => ({ label: c.id, description: c.text, detail: `LO ${lo.id}: ${lo.title}` }))),
      { title: `New reflective account (5/${STEPS}): criteria`, placeHolder: `Which of ${set.set.id}'s criteria does this account evidence? (${criterionIds(set.set).length} in all)`, canPickMany: true, matchOnDescription: true },
    );
    if (!picks) return undefined;
    criteria = picks.map((p) => p.label);
  } else {
    const typed = await vscode.window.showInputBox({ title: `New reflective account (5/${STEPS}): criteria`, prompt: 'The assessment criteria this account evidences, separated by commas (or leave empty)', placeHolder: 'e.g. 1.1, 2.3' });
    if (typed === undefined) return undefined;
    criteria = typed.split(/[\s,;]+/).filter(Boolean);
  }

  const folder = given.folder ?? (await targetFolder(active));
  if (!folder) return undefined;
  if (learner && learner !== services.config.learner(folder)) await services.config.rememberLearner(folder, learner);
  const text = accountTemplate({ title: title.trim(), framework, learner, unit, criteria, date: new Date().toISOString().slice(0, 10) });
  const name = fileNameFor(title);
  const uri = await freeName(folder, name);
  // Never overwrite: freeName found a name that does not exist yet.
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  const firstPrompt = text.indexOf('<!--', text.indexOf('\n## '));
  if (firstPrompt >= 0) {
    const pos = doc.positionAt(firstPrompt);
    editor.selection = new vscode.Selection(pos, doc.lineAt(pos.line).range.end);
  }
  // Ticks the walkthrough's first step: only now that an account exists.
  void vscode.commands.executeCommand('setContext', 'starr.walkthrough.created', true);
  services.log.info(`Created ${uri.toString(true)}`);
  return uri;
}

/** Next to the active file, else the (first or chosen) workspace folder. */
async function targetFolder(active: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (active && active.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(active)) return dirname(active);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should the new account go?' }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Create the account here' });
  return picked?.[0];
}

async function freeName(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  const stem = name.replace(/\.md$/, '');
  for (let i = 1; ; i++) {
    const uri = vscode.Uri.joinPath(folder, i === 1 ? name : `${stem}-${i}.md`);
    if (!(await exists(uri))) return uri;
  }
}

async function checkWorkspace(services: Services): Promise<{ accounts: number; errors: number; warnings: number; finished: boolean }> {
  const { workspace } = services;
  const finished = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'STARR: checking accounts', cancellable: true },
    async (progress, token) => {
      let last = 0;
      await workspace.scan(token, (done, total) => {
        const pct = (done / Math.max(1, total)) * 100;
        progress.report({ message: `${done} of ${total} Markdown files`, increment: pct - last });
        last = pct;
      });
      return !token.isCancellationRequested;
    },
  );
  services.showWorkspaceProblems();
  const all = workspace.index.all();
  const errors = all.reduce((n, s) => n + s.counts.error, 0);
  const warnings = all.reduce((n, s) => n + s.counts.warning, 0);
  const message = `${finished ? 'Checked' : 'Stopped after checking'} ${all.length} account${all.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`;
  // Not awaited: the command is done when the check is, not when the message is dismissed.
  void vscode.window.showInformationMessage(message, 'Open Problems').then((open) => {
    if (open) void vscode.commands.executeCommand('starr.openProblemsPanel');
  });
  return { accounts: all.length, errors, warnings, finished };
}

/**
 * The account Show problems is about: the active editor's, else (the Welcome page or another view in front) the
 * account last in front since VS Code started, one open beside it, or the workspace's most recently changed account.
 */
async function accountForProblems(services: Services, lastActive: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'markdown') return active;
  const isAccount = (d: vscode.TextDocument) => d.languageId === 'markdown' && services.analysis.isAccount(d);
  if (lastActive) {
    const doc = await Promise.resolve(vscode.workspace.openTextDocument(lastActive)).catch(() => undefined);
    if (doc && isAccount(doc)) return doc;
  }
  const visible = vscode.window.visibleTextEditors.map((e) => e.document).find(isAccount);
  if (visible) return visible;
  await services.workspace.ready;
  const uris = services.workspace.index.all().map((s) => vscode.Uri.parse(s.uri));
  const stats = await Promise.all(uris.map((u) => Promise.resolve(vscode.workspace.fs.stat(u)).then((st) => ({ u, mtime: st.mtime }), () => undefined)));
  const newest = stats.filter((x): x is { u: vscode.Uri; mtime: number } => !!x).sort((a, b) => b.mtime - a.mtime)[0];
  return newest ? vscode.workspace.openTextDocument(newest.u) : undefined;
}

/**
 * Lists the file's problems to pick one and go to it. Returns how many were listed, or undefined when there was
 * nothing to show them for. Ticks the walkthrough's step only once something was shown.
 */
async function showProblems(services: Services, lastActive: vscode.Uri | undefined): Promise<number | undefined> {
  const found = await accountForProblems(services, lastActive);
  if (!found) {
    const choice = await vscode.window.showInformationMessage('There is no reflective account to show problems for yet. Create one first, then run Show problems again.', 'New reflective account');
    if (choice) await vscode.commands.executeCommand('starr.newAccount');
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(found, { preview: false });
  const doc = editor.document;
  if (!services.analysis.isAccount(doc)) {
    const choice = await vscode.window.showInformationMessage('STARR does not check this file: it does not look like a reflective account.', 'Check this file as a reflective account');
    if (choice) await vscode.commands.executeCommand('starr.checkAsAccount');
    return undefined;
  }
  await services.analysis.analyse(doc);
  const diags = vscode.languages.getDiagnostics(doc.uri).filter((d) => ruleIdOf(d) !== undefined).sort((a, b) => a.range.start.compareTo(b.range.start));
  void vscode.commands.executeCommand('setContext', 'starr.walkthrough.shownProblems', true);
  if (!diags.length) {
    void vscode.window.showInformationMessage('No STARR problems in this file.');
    return 0;
  }
  const icon = ['$(error)', '$(warning)', '$(info)', '$(lightbulb)'];
  const title = `STARR: ${diags.length} problem${diags.length === 1 ? '' : 's'} in ${vscode.workspace.asRelativePath(doc.uri)}`;
  const picked = (await pickOne(services, {
    title,
    matchOnDescription: true,
    items: diags.map((d) => ({ label: `${icon[d.severity]} ${d.message}`, description: `line ${d.range.start.line + 1} · ${ruleIdOf(d)}`, d })),
  }))?.d;
  if (picked) {
    editor.selection = new vscode.Selection(picked.range.start, picked.range.end);
    editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return diags.length;
}
