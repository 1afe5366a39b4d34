import * as vscode from 'vscode';
import picomatch from 'picomatch/posix';
import { parseConfig } from '../analysis';
import { CONFIG_FILE_NAMES, LineIndex, resolveConfig, type ResolvedConfig, type SeveritySetting, type StarrConfig } from '../core';
import type { Log } from './log';
import { baseName, dirname, relativePath } from './uri-utils';

/**
 * Where STARR's settings come from, in increasing order of precedence:
 *   1. built-in defaults;
 *   2. VS Code settings `starr.*` (user, then workspace, then folder) — the learner's own defaults;
 *   3. the nearest `.starr.yaml` walking up from the account — the portfolio's rules, shared with the CLI
 *      and the tutor, so it wins for every key it sets (framework, rules per rule id, sections, words);
 *   4. the account's own front matter (`framework:`, `word_target:`), applied by the core.
 * `include` globs are the union of both (settings relative to the workspace folder, the file's relative to it).
 * Editor-only settings (debounce, large-file threshold) live only in VS Code settings.
 */
export interface ConfigContext {
  resolved: ResolvedConfig;
  /** The `.starr.yaml` in force, if any (even a broken one: its problems are shown in it). */
  file?: vscode.Uri;
  /** True when the file could not be used and defaults stand in for it. */
  broken: boolean;
  /** Whether a path is matched by the include or exclude globs. */
  included(uri: vscode.Uri): boolean;
  excluded(uri: vscode.Uri): boolean;
}

/** Editor-only settings. */
export interface EditorSettings {
  debounceMs: number;
  largeFileThreshold: number;
  include: string[];
}

interface LoadedFile {
  uri: vscode.Uri;
  dir: vscode.Uri;
  config?: StarrConfig;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

export class ConfigService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when settings or any `.starr.yaml` change; everything resolved before is stale. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('starr-config');
  /** Directory URI → the nearest config file found from there (undefined: none). */
  private readonly nearest = new Map<string, Promise<LoadedFile | undefined>>();
  /** Config file URI → its parsed contents (undefined: it does not exist). */
  private readonly files = new Map<string, Promise<LoadedFile | undefined>>();
  /** Folder URI → the context last resolved for it, so `resolve` can answer synchronously. */
  private readonly contexts = new Map<string, ConfigContext>();

  constructor(private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const changed = (uri: vscode.Uri) => {
      this.log.info(`Configuration file changed: ${uri.toString(true)}`);
      this.invalidate();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      watcher.onDidDelete((uri) => {
        this.diagnostics.delete(uri);
        changed(uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('starr')) this.invalidate();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
      // Show problems in an open `.starr.yaml` as soon as it is opened and as it is typed; the saved file is what counts.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (isConfigFile(d.uri)) this.showProblems(d.uri, d.getText());
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isConfigFile(e.document.uri)) this.showProblems(e.document.uri, e.document.getText());
      }),
      this.diagnostics,
      this.emitter,
    );
    for (const d of vscode.workspace.textDocuments) if (isConfigFile(d.uri)) this.showProblems(d.uri, d.getText());
  }

  /** Editor-only settings for a resource. */
  editor(uri?: vscode.Uri): EditorSettings {
    const s = vscode.workspace.getConfiguration('starr', uri);
    return {
      debounceMs: clampNumber(s.get<number>('debounceMs'), 0, 5000, 300),
      largeFileThreshold: clampNumber(s.get<number>('largeFileThreshold'), 10_000, 50_000_000, 100_000),
      include: stringList(s.get('include')),
    };
  }

  /** The `starr.feedback.*` settings: who is writing feedback, and what Resolve does. */
  feedback(): { author: string; resolve: 'mark' | 'remove' } {
    const c = vscode.workspace.getConfiguration('starr.feedback');
    const resolve = c.get<string>('resolve');
    return { author: (c.get<string>('author') ?? '').trim(), resolve: resolve === 'remove' ? 'remove' : 'mark' };
  }

  /** Keep who is writing feedback for every workspace (the setting applies to the whole application). */
  async setFeedbackAuthor(author: string): Promise<void> {
    await vscode.workspace.getConfiguration('starr.feedback').update('author', author, vscode.ConfigurationTarget.Global);
  }

  /** The learner id remembered for this workspace (`starr.learner`), or '' when none has been given. */
  learner(uri?: vscode.Uri): string {
    const v = vscode.workspace.getConfiguration('starr', uri).get<string>('learner');
    return typeof v === 'string' ? v.trim() : '';
  }

  /**
   * Remember the learner id for the workspace folder holding `uri` (its .vscode/settings.json), so the next new
   * account offers it. Outside a workspace there is nowhere to keep it per workspace, so nothing is written.
   */
  async rememberLearner(uri: vscode.Uri, learner: string): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    await vscode.workspace.getConfiguration('starr', folder.uri).update('learner', learner, vscode.ConfigurationTarget.WorkspaceFolder);
  }

  /** The best configuration known right now (settings alone until the `.starr.yaml` has been read). */
  resolve(uri: vscode.Uri): ResolvedConfig {
    return this.contextSync(uri).resolved;
  }

  contextSync(uri: vscode.Uri): ConfigContext {
    const known = this.contexts.get(dirname(uri).toString());
    if (known) return known;
    void this.load(uri);
    return this.build(uri, undefined);
  }

  /** Read (once, then cached per folder) the `.starr.yaml` in force for `uri` and merge it with settings. */
  async load(uri: vscode.Uri): Promise<ResolvedConfig> {
    return (await this.context(uri)).resolved;
  }

  async context(uri: vscode.Uri): Promise<ConfigContext> {
    const dir = dirname(uri);
    const key = dir.toString();
    const known = this.contexts.get(key);
    if (known) return known;
    const file = await this.findNearest(dir);
    const ctx = this.build(uri, file);
    this.contexts.set(key, ctx);
    return ctx;
  }

  /** Settings as a configuration layer. Unknown severities are ignored (the settings UI offers the valid ones). */
  private settingsLayer(uri: vscode.Uri): StarrConfig {
    const s = vscode.workspace.getConfiguration('starr', uri);
    const layer: StarrConfig = {};
    const framework = s.get<string>('framework');
    if (framework) layer.framework = framework;
    const rules: Record<string, SeveritySetting> = {};
    for (const [id, v] of Object.entries(s.get<Record<string, unknown>>('rules') ?? {})) {
      if (typeof v === 'string' && SEVERITIES.has(v)) rules[id] = v as SeveritySetting;
    }
    if (Object.keys(rules).length) layer.rules = rules;
    const min = s.get<number | null>('words.min');
    const max = s.get<number | null>('words.max');
    if (typeof min === 'number' || typeof max === 'number') {
      layer.words = {};
      if (typeof min === 'number') layer.words.min = min;
      if (typeof max === 'number') layer.words.max = max;
    }
    return layer;
  }

  private build(uri: vscode.Uri, file: LoadedFile | undefined): ConfigContext {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const settings = this.settingsLayer(uri);
    // Globs: the file's are relative to the file; the setting's to the workspace folder.
    const fileLayer: StarrConfig | undefined = file?.config;
    const resolved = resolveConfig(settings, fileLayer);
    const settingInclude = this.editor(uri).include;
    const matchers: { base: vscode.Uri; include: picomatch.Matcher | undefined; exclude: picomatch.Matcher | undefined }[] = [];
    if (folder && settingInclude.length) matchers.push({ base: folder.uri, include: picomatch(settingInclude, { dot: true }), exclude: undefined });
    if (file?.config) {
      const inc = file.config.include ?? [];
      const exc = file.config.exclude ?? [];
      matchers.push({ base: file.dir, include: inc.length ? picomatch(inc, { dot: true }) : undefined, exclude: exc.length ? picomatch(exc, { dot: true }) : undefined });
    }
    const test = (u: vscode.Uri, which: 'include' | 'exclude') =>
      matchers.some((m) => {
        const match = m[which];
        if (!match) return false;
        const rel = relativePath(m.base, u);
        return rel !== undefined && match(rel);
      });
    return {
      resolved,
      file: file?.uri,
      broken: !!file && !file.config,
      included: (u) => test(u, 'include'),
      excluded: (u) => test(u, 'exclude'),
    };
  }

  private findNearest(dir: vscode.Uri): Promise<LoadedFile | undefined> {
    const key = dir.toString();
    let p = this.nearest.get(key);
    if (!p) {
      p = (async () => {
        for (const name of CONFIG_FILE_NAMES) {
          const found = await this.readConfigFile(vscode.Uri.joinPath(dir, name));
          if (found) return found;
        }
        // Stop at the workspace folder's root; outside a folder, at the root of the file system.
        const folder = vscode.workspace.getWorkspaceFolder(dir);
        if (folder && folder.uri.path.replace(/\/$/, '') === dir.path.replace(/\/$/, '')) return undefined;
        const parent = dirname(dir);
        if (parent.path === dir.path) return undefined;
        return this.findNearest(parent);
      })();
      this.nearest.set(key, p);
    }
    return p;
  }

  private readConfigFile(uri: vscode.Uri): Promise<LoadedFile | undefined> {
    const key = uri.toString();
    let p = this.files.get(key);
    if (!p) {
      p = (async () => {
        let bytes: Uint8Array;
        try {
          bytes = await vscode.workspace.fs.readFile(uri);
        } catch {
          return undefined;
        }
        const text = new TextDecoder('utf-8').decode(bytes);
        const config = this.showProblems(uri, text);
        if (!config) this.log.warn(`${uri.toString(true)} has problems; STARR is using its defaults for it until they are fixed.`);
        else this.log.info(`Using ${uri.toString(true)}`);
        return { uri, dir: dirname(uri), config };
      })();
      this.files.set(key, p);
    }
    return p;
  }

  /** Validate config text and show its problems in the file itself, at the exact place. */
  private showProblems(uri: vscode.Uri, text: string): StarrConfig | undefined {
    const { config, problems } = parseConfig(text);
    if (!problems.length) {
      this.diagnostics.delete(uri);
      return config;
    }
    const lines = new LineIndex(text);
    this.diagnostics.set(
      uri,
      problems.map((p) => {
        const s = lines.positionAt(p.span.start);
        const e = lines.positionAt(Math.max(p.span.end, p.span.start));
        // The message already says what STARR does meanwhile (ignores the entry, or uses its defaults).
        const d = new vscode.Diagnostic(
          new vscode.Range(s.line, s.column, e.line, e.column),
          p.message,
          p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
        );
        d.source = 'starr';
        d.code = 'config';
        return d;
      }),
    );
    return config;
  }

  private invalidate(): void {
    this.nearest.clear();
    this.files.clear();
    this.contexts.clear();
    this.emitter.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function isConfigFile(uri: vscode.Uri): boolean {
  return CONFIG_FILE_NAMES.includes(baseName(uri));
}

function clampNumber(v: unknown, min: number, max: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}
