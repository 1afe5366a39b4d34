// The criteria sets of the workspace: bundled ones (imported into the bundle, so they work in the browser
// too) plus every centre folder listed under `criteria:` in a `.starr.yaml`, read through vscode.workspace.fs.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, LineIndex, parseConfig } from '../../core';
import { CriteriaCatalog, type CriteriaSource } from '../../core/criteria';
import { fingerprint } from '../../core/portfolio';
import type { Log } from '../log';
import { dirname } from '../uri-utils';

export interface LoadedCatalog {
  catalog: CriteriaCatalog;
  /** The centre folders in force, so a change inside one reloads the catalog. */
  folders: vscode.Uri[];
  /** Identifies the centre sets loaded; equal signatures mean nothing changed. */
  signature: string;
  /** The text of each centre set, for placing problems. */
  texts: Map<string, string>;
}

const decoder = new TextDecoder('utf-8');

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Load bundled and centre sets. Never throws: unreadable folders and broken sets are logged and shown. */
export async function loadCatalog(log: Log): Promise<LoadedCatalog> {
  const configs = await vscode.workspace.findFiles(`**/{${CONFIG_FILE_NAMES.join(',')}}`, '**/node_modules/**', 500);
  configs.sort((a, b) => a.toString().localeCompare(b.toString()));
  const centre: CriteriaSource[] = [];
  const folders: vscode.Uri[] = [];
  const texts = new Map<string, string>();
  for (const cfg of configs) {
    const text = await readText(cfg);
    if (text === undefined) continue;
    // A broken config is reported by the config service; its criteria folders are still unknown here.
    const folderList = parseConfig(text).config?.criteria ?? [];
    for (const rel of folderList) {
      const folder = vscode.Uri.joinPath(dirname(cfg), rel);
      folders.push(folder);
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(folder);
      } catch {
        log.warn(`Criteria folder "${rel}" (from ${vscode.workspace.asRelativePath(cfg)}) could not be read.`);
        continue;
      }
      for (const [name, type] of entries.sort((a, b) => a[0].localeCompare(b[0]))) {
        if (!(type & vscode.FileType.File) || !/\.ya?ml$/i.test(name)) continue;
        const uri = vscode.Uri.joinPath(folder, name);
        const setText = await readText(uri);
        if (setText === undefined) continue;
        centre.push({ text: setText, source: uri.toString() });
        texts.set(uri.toString(), setText);
      }
    }
  }
  const catalog = new CriteriaCatalog({ centre });
  const signature = centre.map((c) => `${c.source}#${fingerprint(c.text)}`).join('|');
  log.info(`Criteria: ${catalog.size} unit(s) (${centre.length} centre set file(s)), ${catalog.problems.length} problem(s)`);
  return { catalog, folders, signature, texts };
}

/** Show criteria-set problems in the files they are in. */
export function showProblems(collection: vscode.DiagnosticCollection, loaded: LoadedCatalog): void {
  collection.clear();
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const p of loaded.catalog.problems) {
    const text = loaded.texts.get(p.source);
    const lines = text !== undefined ? new LineIndex(text) : undefined;
    const start = lines ? lines.positionAt(p.span.start) : { line: p.line - 1, column: p.column - 1 };
    const end = lines ? lines.positionAt(p.span.end) : start;
    const d = new vscode.Diagnostic(
      new vscode.Range(start.line, start.column, end.line, end.column),
      p.message,
      p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
    );
    d.source = 'starr-criteria';
    byFile.set(p.source, [...(byFile.get(p.source) ?? []), d]);
  }
  for (const [source, list] of byFile) collection.set(vscode.Uri.parse(source), list);
}
