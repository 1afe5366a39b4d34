import * as vscode from 'vscode';
import { PortfolioIndex, fingerprint } from '../analysis';
import type { AnalysisService } from './analysis-service';
import type { ConfigService } from './config-service';
import type { CriteriaService } from './criteria-service';
import type { Log } from './log';

const MARKDOWN_GLOB = '**/*.{md,markdown}';
const EXCLUDE_GLOB = '**/{node_modules,.git}/**';
/** Files larger than this are not read by the workspace scan (no account is this big; the CLI can check it). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Every reflective account in the workspace, as summaries (PortfolioIndex). Built by an initial scan, then kept
 * current by a file-system watcher; open documents feed their in-memory analysis instead of the saved file.
 */
export class WorkspaceIndex implements vscode.Disposable {
  readonly index: PortfolioIndex;
  /** Resolves when the first scan has finished. */
  readonly ready: Promise<void>;
  private readonly emitter = new vscode.EventEmitter<string[]>();
  /** URIs (as strings) whose summary was added, changed or removed. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private scanning: vscode.CancellationTokenSource | undefined;
  /** Summaries computed under the current settings, so an unchanged file is not analysed again. */
  private readonly fresh = new Set<string>();

  constructor(private readonly analysis: AnalysisService, private readonly config: ConfigService, criteria: CriteriaService, private readonly log: Log) {
    const host = {
      configFor: (uri: string) => config.resolve(vscode.Uri.parse(uri)),
      get criteria() {
        return criteria.catalog;
      },
    };
    this.index = new PortfolioIndex(host);
    const sub = this.index.onDidChange((uris) => this.emitter.fire(uris));
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    this.disposables.push(
      { dispose: () => sub.dispose() },
      watcher,
      watcher.onDidCreate((u) => void this.refreshFile(u)),
      watcher.onDidChange((u) => void this.refreshFile(u)),
      watcher.onDidDelete((u) => this.index.delete(u.toString())),
      // Open documents feed their in-memory analysis; unsaved documents outside the workspace do not belong.
      analysis.onDidAnalyse((r) => {
        if (r.version >= 0 && vscode.workspace.getWorkspaceFolder(r.uri)) this.index.set(r.summary);
      }),
      analysis.onDidStopBeingAccount((uri) => this.index.delete(uri.toString())),
      // Settings, `.starr.yaml` or criteria changed: every summary may differ.
      analysis.onDidChange(() => {
        this.fresh.clear();
        void this.scan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
      // Unsaved edits are dropped: the index goes back to what is on disk.
      vscode.workspace.onDidCloseTextDocument((d) => void this.refreshFile(d.uri)),
      this.emitter,
    );
    this.ready = this.scan();
  }

  /** Scan the whole workspace (cancelling a scan in progress). */
  async scan(token?: vscode.CancellationToken, progress?: (done: number, total: number) => void): Promise<void> {
    this.scanning?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.scanning = source;
    const cancelled = () => source.token.isCancellationRequested || !!token?.isCancellationRequested;
    const start = performance.now();
    try {
      // Accounts the watcher adds while the scan runs are not in its listing: only those known before may go.
      const known = new Set(this.index.all().map((s) => s.uri));
      const files = await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDE_GLOB, 20_000, source.token);
      const seen = new Set<string>();
      let done = 0;
      for (const uri of files) {
        if (cancelled()) return;
        seen.add(uri.toString());
        await this.refreshFile(uri, token);
        progress?.(++done, files.length);
        // Let the extension host breathe between files.
        await new Promise((r) => setTimeout(r, 0));
      }
      if (cancelled()) return;
      for (const s of this.index.all()) if (known.has(s.uri) && !seen.has(s.uri) && !this.isOpen(s.uri)) this.index.delete(s.uri);
      this.log.info(`Workspace scan: ${this.index.size} account(s) in ${files.length} Markdown file(s), ${(performance.now() - start).toFixed(0)} ms`);
    } catch (e) {
      this.log.error('Workspace scan failed', e);
    } finally {
      if (this.scanning === source) this.scanning = undefined;
      source.dispose();
    }
  }

  /** Re-read one file (or take its open document) and update or remove its summary. */
  async refreshFile(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<void> {
    if (!/\.(md|markdown)$/i.test(uri.path)) return;
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open && !open.isClosed) {
      const r = await this.analysis.analyse(open, token);
      if (!r && !this.analysis.isAccount(open)) this.index.delete(key);
      // An analysed open document reaches the index through onDidAnalyse.
      return;
    }
    let text: string;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory || stat.size > MAX_FILE_BYTES) return this.index.delete(key);
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return this.index.delete(key);
    }
    if (this.fresh.has(key) && this.index.get(key)?.fingerprint === fingerprint(text)) return;
    // The `.starr.yaml` may add include globs: read it before deciding.
    await this.config.context(uri);
    if (!this.analysis.isAccountText(uri, text)) return this.index.delete(key);
    const r = await this.analysis.analyseText(uri, text, token);
    if (r) {
      this.fresh.add(key);
      this.index.set(r.summary);
    }
  }

  private isOpen(uri: string): boolean {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri);
  }

  dispose(): void {
    this.scanning?.cancel();
    for (const d of this.disposables) d.dispose();
  }
}
