import * as vscode from 'vscode';
import {
  buildAccountFor, defaultConfig, looksLikeAccount, rules, runRules,
  type AccountModel, type AccountSummary, type Finding, type LockedRegion, type ResolvedConfig, type Span,
} from '../analysis';
import type { ConfigContext, ConfigService } from './config-service';
import type { CriteriaService } from './criteria-service';
import { analyseRequest, type AnalysisRequest } from './document-analysis';
import type { Log } from './log';
import { HostBudget } from './host-budget';
import { OffThreadAnalyser } from './off-thread';
import { baseName, isViewOfAnotherFile } from './uri-utils';

/** One analysis of one version of a document, shared by every feature. */
export interface AnalysisResult {
  uri: vscode.Uri;
  version: number;
  findings: Finding[];
  summary: AccountSummary;
  /** The full model; undefined when a large document was analysed in a worker (only plain data comes back). */
  account?: AccountModel;
  /** Where the front matter is, fences included, as the parse found it (in a worker too). */
  frontMatter?: Span;
  /** Where no fix may insert text or cut across (in a worker too). */
  locked: LockedRegion[];
  config: ResolvedConfig;
  offThread: boolean;
  ms: number;
}

const OVERRIDES_KEY = 'starr.accountOverrides';

interface CacheEntry {
  version: number;
  generation: number;
  promise: Promise<AnalysisResult | undefined>;
  result?: AnalysisResult;
}

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly accountCache = new Map<string, { version: number; generation: number; ctx: ConfigContext; value: boolean }>();
  private readonly overrides: Set<string>;
  private generation = 0;
  private readonly offThread: OffThreadAnalyser;
  private readonly budget = new HostBudget();
  private readonly busy = new Set<string>();
  /** Large documents this host cannot analyse without blocking (no worker). */
  private readonly skipped = new Set<string>();
  private toldAboutBackground = false;
  private toldAboutSkipping = false;
  /** Resolves once the core's bundled data and parser are loaded (see warmUp). */
  private readonly warm: Promise<void>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly analysed = new vscode.EventEmitter<AnalysisResult>();
  private readonly busyChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly dropped = new vscode.EventEmitter<vscode.Uri>();
  /** Everything analysed before is stale (settings, `.starr.yaml`, criteria sets or overrides changed): check again. */
  readonly onDidChange = this.changed.event;
  /** A document version has been analysed. */
  readonly onDidAnalyse = this.analysed.event;
  /** An open document that was an account no longer is (its front matter or headings changed). */
  readonly onDidStopBeingAccount = this.dropped.event;
  /** A large document started or finished being analysed in the background. */
  readonly onDidChangeBusy = this.busyChanged.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly config: ConfigService,
    private readonly criteria: CriteriaService,
    private readonly log: Log,
  ) {
    this.overrides = new Set(context.workspaceState.get<string[]>(OVERRIDES_KEY, []));
    this.offThread = new OffThreadAnalyser(context.extensionUri, log);
    this.warm = this.warmUp();
    this.disposables.push(
      this.offThread,
      config.onDidChange(() => this.invalidate()),
      // Findings (unknown-criterion) depend on the criteria sets.
      criteria.onDidChange(() => this.invalidate()),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      this.changed,
      this.analysed,
      this.busyChanged,
      this.dropped,
    );
  }

  /** Whether a document is a reflective account (and so is checked at all). */
  isAccount(doc: vscode.TextDocument): boolean {
    if (doc.languageId !== 'markdown' || isViewOfAnotherFile(doc.uri)) return false;
    const key = doc.uri.toString();
    const ctx = this.config.contextSync(doc.uri);
    const c = this.accountCache.get(key);
    // Keyed on the config context too: the answer may change once the `.starr.yaml` has been read.
    if (c && c.version === doc.version && c.generation === this.generation && c.ctx === ctx) return c.value;
    const value = this.isAccountText(doc.uri, doc.getText());
    this.accountCache.set(key, { version: doc.version, generation: this.generation, ctx, value });
    return value;
  }

  /**
   * The rule for any text: an override from "Check this file as a reflective account"; not excluded; then
   * `include` globs; then the core's test (looksLikeAccount), the one the CLI uses too.
   */
  isAccountText(uri: vscode.Uri, text: string): boolean {
    if (this.overrides.has(uri.toString())) return true;
    const ctx = this.config.contextSync(uri);
    if (ctx.excluded(uri)) return false;
    if (ctx.included(uri)) return true;
    return this.log.time('account detection', () => looksLikeAccount(text, ctx.resolved.framework));
  }

  isOverridden(uri: vscode.Uri): boolean {
    return this.overrides.has(uri.toString());
  }

  /** "Check this file as a reflective account" (remembered per workspace), or undo it. */
  async setOverride(uri: vscode.Uri, on: boolean): Promise<void> {
    if (on) this.overrides.add(uri.toString());
    else this.overrides.delete(uri.toString());
    await this.context.workspaceState.update(OVERRIDES_KEY, [...this.overrides]);
    this.invalidate();
  }

  /** Whether a large document is being analysed in the background right now. */
  isBusy(uri: vscode.Uri): boolean {
    return this.busy.has(uri.toString());
  }

  /** Whether a large document was left unchecked because this host has no worker. */
  isSkipped(uri: vscode.Uri): boolean {
    return this.skipped.has(uri.toString());
  }

  /** The analysis of this exact version, if it is done. */
  peek(doc: vscode.TextDocument): AnalysisResult | undefined {
    const e = this.cache.get(doc.uri.toString());
    return e && e.version === doc.version && e.generation === this.generation ? e.result : undefined;
  }

  /**
   * Analyse a document (once per version: every feature shares the result). Undefined when it is not an
   * account, when the request was cancelled or superseded by a newer version, or when it cannot be analysed here.
   */
  async analyse(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<AnalysisResult | undefined> {
    // The `.starr.yaml` may add include globs: read it (once per folder) before deciding.
    await this.config.context(doc.uri);
    // The analysis is shared, so one caller's token only stops that caller waiting.
    if (token?.isCancellationRequested || doc.isClosed) return undefined;
    if (!this.log.time('deciding whether a document is an account', () => this.isAccount(doc))) {
      if (this.cache.delete(doc.uri.toString())) this.dropped.fire(doc.uri);
      return undefined;
    }
    const key = doc.uri.toString();
    const e = this.cache.get(key);
    if (e && e.version === doc.version && e.generation === this.generation) return e.promise;
    const entry: CacheEntry = { version: doc.version, generation: this.generation, promise: Promise.resolve(undefined) };
    const text = this.log.time('reading the document text', () => doc.getText());
    entry.promise = this.run(doc.uri, doc.version, text).then((r) => {
      if (this.cache.get(key) !== entry) return r;
      if (r) {
        entry.result = r;
        this.analysed.fire(r);
      } else this.cache.delete(key);
      return r;
    }, (err) => {
      this.log.error(`Could not analyse ${doc.uri.toString(true)}`, err);
      if (this.cache.get(key) === entry) this.cache.delete(key);
      return undefined;
    });
    this.cache.set(key, entry);
    return entry.promise;
  }

  /** Analyse text that is not open in an editor (the workspace index). */
  async analyseText(uri: vscode.Uri, text: string, token?: vscode.CancellationToken): Promise<AnalysisResult | undefined> {
    // The index needs only the summary, so a check done in the worker is not repeated for the model.
    return this.run(uri, -1, text, token, false);
  }

  /**
   * The first analysis parses the bundled data (frameworks, lexicons, schemas) and warms the parser: ~100 ms
   * in one go. Done here in small steps with a yield between each, so no single step holds up the editor.
   */
  private async warmUp(): Promise<void> {
    const start = performance.now();
    const tick = () => new Promise((r) => setTimeout(r, 0));
    await tick();
    // A small but realistic account (front matter, lists, emphasis, a tutor comment) so that the paths a real
    // account takes are compiled here, one small step at a time.
    const para = 'In May I rang Mrs Jane Smith about a late delivery; **we** went above and beyond, as usual, and I would check the van. ';
    const sample = [
      '---', 'title: Warm-up', 'learner: L001', 'unit: X', 'criteria: ["1.1"]', 'date: 2026-01-01', 'framework: starr', '---', '',
      '# Warm-up', '', '## Situation', '', para.repeat(3), '', '## Task', '', para, '', '## Action', '',
      '- I checked the order (AC 1.1).', '- I rang the depot.', '  1. I agreed a slot.', '', para.repeat(2),
      '{>>[tutor:AB open] Which KPI?<<}', '', '## Result', '', 'CSAT rose from 82% to 91% by 3 June. Satisfaction improved.', '',
      '## Reflection', '', 'I learned to confirm the slot in writing. Next time I will check the van first.', '',
    ].join('\n');
    const account = this.log.time('warming up the parser', () => buildAccountFor(sample, defaultConfig()));
    for (const rule of rules) {
      await tick();
      this.log.time(`warming up ${rule.meta.id}`, () => runRules(account, { rules: [rule] }));
    }
    for (let i = 0; i < 2; i++) {
      await tick();
      this.log.time('warming up the parser', () => buildAccountFor(`${sample}\n${i}`, defaultConfig()));
    }
    this.log.info(`Core warmed up in ${(performance.now() - start).toFixed(0)} ms (in steps)`);
  }

  private async run(uri: vscode.Uri, version: number, text: string, token?: vscode.CancellationToken, needsModel = true): Promise<AnalysisResult | undefined> {
    await this.warm;
    const config = await this.config.load(uri);
    if (token?.isCancellationRequested) return undefined;
    const key = uri.toString();
    const request: AnalysisRequest = { uri: key, text, config, now: Date.now() };
    const threshold = this.config.editor(uri).largeFileThreshold;
    const large = text.length > threshold;
    // What a check costs depends on the writing's shape, not just its length: each document's cost is
    // measured, and one that might hold up typing is checked in the worker.
    if (large || (this.offThread.available && this.budget.placeFor(key, text.length, threshold) === 'worker')) {
      // A first check of a document not yet measured is not shown as busy: it is nearly always quick.
      const r = await this.runOffThread(uri, version, request, large, needsModel, large || this.budget.measured(key)).catch((e: unknown) => {
        // No worker can run here after all: the check goes on below, on this thread (a large file is skipped).
        if (this.offThread.available) throw e;
        this.log.warn(`Checking ${baseName(uri)} on the editor's thread: ${e instanceof Error ? e.message : String(e)}`);
        return large ? this.runOffThread(uri, version, request, large, needsModel, false) : null;
      });
      // Quick after all: check it again here for the full model (hovers, inferred-section hints), within budget.
      if (r !== null && (!r || large || !needsModel || !this.budget.fitsHost(text.length, r.ms))) return r;
      if (token?.isCancellationRequested) return undefined;
    }
    this.skipped.delete(key);
    const start = performance.now();
    const r = analyseRequest(request, this.criteria.catalog, token);
    if (!r) return undefined;
    const ms = performance.now() - start;
    this.budget.record(key, text.length, ms);
    this.log.block(`analysing ${baseName(uri)}`, ms);
    this.log.stats.lastAnalysisMs = ms;
    this.log.stats.lastAnalysisUri = key;
    this.log.stats.analyses++;
    return { uri, version, findings: r.findings, summary: r.summary, account: r.account, frontMatter: r.frontMatter, locked: r.locked, config, offThread: false, ms };
  }

  private async runOffThread(uri: vscode.Uri, version: number, request: AnalysisRequest, large: boolean, open: boolean, showBusy: boolean): Promise<AnalysisResult | undefined> {
    const { text, config } = request;
    const key = uri.toString();
    if (!this.offThread.available) {
      if (!this.toldAboutSkipping) {
        this.toldAboutSkipping = true;
        void vscode.window.showInformationMessage(
          `${baseName(uri)} is too large for STARR to check here (${Math.round(text.length / 1024)} KB) without slowing the editor, so it is not checked. Split it into one account per file, or check it with the starr command-line tool.`,
        );
      }
      this.log.warn(`Skipped ${uri.toString(true)}: large and no worker available`);
      this.skipped.add(key);
      this.busyChanged.fire(uri);
      return undefined;
    }
    if (large && !this.toldAboutBackground) {
      this.toldAboutBackground = true;
      void vscode.window.showInformationMessage(
        `${baseName(uri)} is large (${Math.round(text.length / 1024)} KB), so STARR checks it in the background. Its problems appear when the check finishes; you can keep typing.`,
      );
    }
    if (showBusy) {
      this.busy.add(key);
      this.busyChanged.fire(uri);
    }
    try {
      const r = await this.offThread.analyse(request, this.criteria.data, open);
      if (!r) return undefined;
      this.budget.record(key, text.length, r.ms);
      this.log.stats.lastAnalysisMs = r.ms;
      this.log.stats.lastAnalysisUri = key;
      this.log.stats.offThreadAnalyses++;
      this.log[large ? 'info' : 'debug'](`Analysed ${uri.toString(true)} in the background in ${r.ms.toFixed(0)} ms`);
      return { uri, version, findings: r.findings, summary: r.summary, frontMatter: r.frontMatter, locked: r.locked, config, offThread: true, ms: r.ms };
    } finally {
      if (this.busy.delete(key)) this.busyChanged.fire(uri);
    }
  }

  /** For the in-editor tests: the next `n` background workers fail to load. */
  failNextWorkerStarts(n: number): void {
    this.offThread.failNextStarts(n);
  }

  forget(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
    this.budget.forget(uri.toString());
    this.accountCache.delete(uri.toString());
  }

  private invalidate(): void {
    this.generation++;
    this.cache.clear();
    this.accountCache.clear();
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

