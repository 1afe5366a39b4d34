// The criteria sets of the workspace, shared by the analysis (unknown-criterion) and the coverage views:
// the bundled sets (in the bundle, so they work in the browser too) plus every centre folder listed under
// `criteria:` in a `.starr.yaml`, read through vscode.workspace.fs and reloaded when they change.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, CriteriaCatalog, LineIndex, fingerprint, parseConfig, type CriteriaSource } from '../core';
import type { ConfigService } from './config-service';
import type { CriteriaData } from './document-analysis';
import type { Log } from './log';
import { dirname } from './uri-utils';

const RELOAD_MS = 300;

interface Loaded extends CriteriaData {
  /** The centre folders in force, so a change inside one reloads the sets. */
  folders: vscode.Uri[];
  /** The text of each centre set, for placing problems. */
  texts: Map<string, string>;
}

export class CriteriaService implements vscode.Disposable {
  private catalogValue = new CriteriaCatalog();
  private dataValue: CriteriaData = { key: '', centre: [] };
  private folders: vscode.Uri[] = [];
  private chain: Promise<void>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly problems = vscode.languages.createDiagnosticCollection('starr-criteria');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The sets changed: findings and coverage that depend on them are stale. */
  readonly onDidChange = this.changed.event;

  constructor(config: ConfigService, private readonly log: Log) {
    this.chain = this.load();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    const onYaml = (uri: vscode.Uri) => {
      if (this.folders.some((f) => uri.toString().startsWith(`${f.toString().replace(/\/$/, '')}/`))) this.scheduleReload();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onYaml),
      watcher.onDidChange(onYaml),
      watcher.onDidDelete(onYaml),
      config.onDidChange(() => this.scheduleReload()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleReload()),
      this.problems,
      this.changed,
      { dispose: () => clearTimeout(this.timer) },
    );
  }

  /** Bundled and centre sets: bundled ones at once, centre ones once their folders have been read. */
  get catalog(): CriteriaCatalog {
    return this.catalogValue;
  }

  /** The centre's sets as plain data, for the worker (which builds its own lookup). */
  get data(): CriteriaData {
    return this.dataValue;
  }

  /** Resolves when every load asked for so far has finished. */
  get loaded(): Promise<void> {
    return this.chain;
  }

  /** Read the sets again now (after any load already under way). */
  reload(): Promise<void> {
    return (this.chain = this.chain.then(() => this.load()));
  }

  private scheduleReload(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), RELOAD_MS);
  }

  private async load(): Promise<void> {
    try {
      const loaded = await this.read();
      this.folders = loaded.folders;
      if (loaded.key === this.dataValue.key) {
        this.showProblems(loaded.texts);
        return;
      }
      this.catalogValue = new CriteriaCatalog({ centre: loaded.centre });
      this.dataValue = { key: loaded.key, centre: loaded.centre };
      this.showProblems(loaded.texts);
      this.log.info(`Criteria: ${this.catalogValue.size} unit(s) (${loaded.centre.length} centre set file(s)), ${this.catalogValue.problems.length} problem(s)`);
      this.changed.fire();
    } catch (e) {
      this.log.error('Could not load the criteria sets', e);
    }
  }

  /** Never throws: unreadable folders are logged, and broken sets are shown in their files. */
  private async read(): Promise<Loaded> {
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
          this.log.warn(`Criteria folder "${rel}" (from ${vscode.workspace.asRelativePath(cfg)}) could not be read.`);
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
    const key = centre.map((c) => `${c.source}#${fingerprint(c.text)}`).join('|');
    return { key, centre, folders, texts };
  }

  /** Show criteria-set problems in the files they are in. */
  private showProblems(texts: Map<string, string>): void {
    this.problems.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of this.catalogValue.problems) {
      const text = texts.get(p.source);
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
    for (const [source, list] of byFile) this.problems.set(vscode.Uri.parse(source), list);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

const decoder = new TextDecoder('utf-8');

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
