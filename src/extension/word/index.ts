// Word import (a .docx draft becomes an account) and export for submission (an account becomes .docx, .html or .txt).
// The conversion itself is the platform-free src/convert, loaded from its own bundle when a command first runs.
import * as vscode from 'vscode';
import { baseName, exists } from '../uri-utils';
import type { ExportFormat, ExportResult } from '../../convert';
import type { Services } from '../services';
import { MAX_DOCX_BYTES, formatSize } from '../../convert/limits';
import { loadConverters } from './load';

/** What the import command does without asking (the in-editor tests pass these; a user is asked instead). */
export interface ImportArgs {
  /** Where to write the account (default: beside the Word document, with .md, under a free name). */
  target?: vscode.Uri;
  /** Open the new account in an editor (default true). */
  open?: boolean;
}

export interface ExportArgs {
  format?: ExportFormat;
  includeFeedback?: boolean;
  force?: boolean;
  criteriaTable?: boolean;
}

export interface ExportOutcome {
  written: string[];
  refused: { uri: string; why: 'errors' | 'feedback'; reasons: string[] }[];
}

export function register(services: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('starr.importWord', (uri?: vscode.Uri, args?: ImportArgs) => importWord(services, uri instanceof vscode.Uri ? uri : undefined, args)),
    vscode.commands.registerCommand('starr.exportForSubmission', (uri?: vscode.Uri, args?: ExportArgs | vscode.Uri[]) =>
      exportForSubmission(services, uri instanceof vscode.Uri ? uri : undefined, Array.isArray(args) ? undefined : args),
    ),
  ];
}

const withExtension = (uri: vscode.Uri, ext: string) => uri.with({ path: uri.path.replace(/\.[^./]*$/, '') + ext });

/** `draft.md`, else `draft-2.md`, `draft-3.md`…: an account is never replaced. */
async function freeName(uri: vscode.Uri): Promise<vscode.Uri> {
  if (!(await exists(uri))) return uri;
  for (let i = 2; ; i++) {
    const next = uri.with({ path: uri.path.replace(/(\.md)$/, `-${i}$1`) });
    if (!(await exists(next))) return next;
  }
}

async function importWord(services: Services, uri: vscode.Uri | undefined, args: ImportArgs = {}): Promise<vscode.Uri | undefined> {
  if (!uri) {
    const picked = await vscode.window.showOpenDialog({ title: 'Import a Word document as a reflective account', canSelectMany: false, filters: { 'Word documents': ['docx'] }, openLabel: 'Import' });
    uri = picked?.[0];
    if (!uri) return undefined;
  }
  const name = baseName(uri);
  let bytes: Uint8Array;
  try {
    const st = await vscode.workspace.fs.stat(uri);
    if (st.size > MAX_DOCX_BYTES) {
      void vscode.window.showErrorMessage(`${name} is ${formatSize(st.size)}, more than the ${formatSize(MAX_DOCX_BYTES)} I import. Large Word files are mostly pictures: save a copy without them, or with them compressed, and import that.`);
      return undefined;
    }
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    void vscode.window.showErrorMessage(`I can't read ${name}: ${(e as Error).message}`);
    return undefined;
  }
  const settings = vscode.workspace.getConfiguration('starr.import', uri);
  const convert = await loadConverters(services.context.extensionUri);
  const config = await services.config.load(uri);
  const result = await convert.importDocx(bytes, {
    fileName: name,
    date: new Date().toISOString().slice(0, 10),
    framework: config.framework,
    learner: settings.get<string>('learner')?.trim() || undefined,
    unit: settings.get<string>('unit')?.trim() || undefined,
  });
  if (!result.ok) {
    void vscode.window.showErrorMessage(`${name}: ${result.problem}`);
    return undefined;
  }
  // The target the caller named is still never replaced: an existing file gets a numbered name beside it.
  const target = await freeName(args.target ?? withExtension(uri, '.md'));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.markdown));
  services.log.info(`Imported ${uri.toString(true)} as ${target.toString(true)}`);
  if (args.open !== false) await vscode.window.showTextDocument(target);
  const notes = result.notes.length ? ` ${result.notes.join(' ')}` : '';
  void vscode.window.showInformationMessage(`Imported ${name} as ${baseName(target)}. Read it through: STARR has checked it.${notes}`);
  return target;
}

const FORMAT_ITEMS: (vscode.QuickPickItem & { format: ExportFormat })[] = [
  { label: 'Word document (.docx)', detail: 'To upload to OneFile, Smart Assessor, Aptem, Bud, PebblePad or another e-portfolio', format: 'docx' },
  { label: 'Web page (.html)', detail: 'To open in a browser and print, or save as PDF', format: 'html' },
  { label: 'Plain text (.txt)', detail: 'To paste into an e-portfolio\'s form', format: 'txt' },
];

async function accountsIn(services: Services, folder: vscode.Uri): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{md,markdown}'), '**/node_modules/**');
  const out: vscode.Uri[] = [];
  for (const f of files.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    await services.config.load(f);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(f));
    if (services.analysis.isAccountText(f, text)) out.push(f);
  }
  return out;
}

async function exportForSubmission(services: Services, uri: vscode.Uri | undefined, args?: ExportArgs): Promise<ExportOutcome | undefined> {
  const interactive = !args;
  uri ??= vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage('Open an account, or right-click an account or a folder in the Explorer, then export it.');
    return undefined;
  }
  const isFolder = (await vscode.workspace.fs.stat(uri).then((s) => s.type, () => vscode.FileType.Unknown)) & vscode.FileType.Directory;
  const accounts = isFolder ? await accountsIn(services, uri) : [uri];
  if (!accounts.length) {
    void vscode.window.showInformationMessage(`There are no reflective accounts in ${baseName(uri)} to export.`);
    return { written: [], refused: [] };
  }
  let format = args?.format;
  if (!format) {
    const pick = await vscode.window.showQuickPick(FORMAT_ITEMS, { title: `Export ${accounts.length === 1 ? baseName(accounts[0]) : `${accounts.length} accounts`} for submission`, placeHolder: 'Which kind of file does your e-portfolio take?' });
    if (!pick) return undefined;
    format = pick.format;
  }
  const convert = await loadConverters(services.context.extensionUri);
  await services.criteria.loaded;
  const outcome: ExportOutcome = { written: [], refused: [] };
  for (const account of accounts) {
    const doc = await vscode.workspace.openTextDocument(account);
    const run = (more: ExportArgs = {}): Promise<ExportResult> =>
      services.config.load(account).then((config) =>
        convert.exportAccount(doc.getText(), {
          format: format!,
          config,
          catalog: services.criteria.catalog,
          path: baseName(account),
          includeFeedback: args?.includeFeedback,
          force: args?.force,
          criteriaTable: args?.criteriaTable ?? vscode.workspace.getConfiguration('starr.export', account).get<boolean>('criteriaTable', false),
          ...more,
        }),
      );
    let result = await run();
    if (!result.ok && interactive && accounts.length === 1) {
      const list = result.reasons.slice(0, 8).join('\n') + (result.reasons.length > 8 ? `\n…and ${result.reasons.length - 8} more` : '');
      const action = result.why === 'errors' ? 'Export anyway' : 'Include the feedback';
      const message = result.why === 'errors'
        ? `${baseName(account)} still has ${result.reasons.length === 1 ? 'an error' : `${result.reasons.length} errors`}. Fix ${result.reasons.length === 1 ? 'it' : 'them'} before you hand it in, or export it anyway.`
        : `${baseName(account)} has open tutor feedback. Reply to it and resolve it before you hand it in, or include the feedback as Word comments.`;
      const choice = await vscode.window.showWarningMessage(message, { modal: true, detail: list }, action);
      if (choice === action) result = await run(result.why === 'errors' ? { force: true } : { includeFeedback: true });
    }
    if (!result.ok) {
      outcome.refused.push({ uri: account.toString(), why: result.why, reasons: result.reasons });
      continue;
    }
    const target = withExtension(account, `.${format}`);
    await vscode.workspace.fs.writeFile(target, result.bytes);
    outcome.written.push(target.toString());
    services.log.info(`Exported ${account.toString(true)} to ${target.toString(true)}`);
  }
  const where = outcome.written.length === 1 ? baseName(vscode.Uri.parse(outcome.written[0])) : `${outcome.written.length} files, each beside its account`;
  if (outcome.refused.length) {
    const names = outcome.refused.map((r) => baseName(vscode.Uri.parse(r.uri))).join(', ');
    void vscode.window.showWarningMessage(`${outcome.written.length ? `Exported ${where}. ` : ''}Not exported, because of errors or open feedback: ${names}. Run STARR: Export for submission on each to see why.`);
  } else if (outcome.written.length) {
    const show = 'Show in Explorer';
    void vscode.window.showInformationMessage(`Exported ${where}, ready to upload to your e-portfolio.`, show).then((c) => {
      if (c === show) void vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(outcome.written[0]));
    });
  }
  return outcome;
}
