import * as vscode from 'vscode';
import { blockEntry } from './block-timing';

/** The "STARR Reflect" output channel, plus the few timings the extension reports about itself. */
export class Log implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  /** Timings the log reports and the in-editor tests read (probes.stats). */
  readonly stats = {
    activationMs: 0,
    /** The longest synchronous stretch of STARR work on the extension-host thread. */
    longestBlockMs: 0,
    longestBlockWhat: '',
    lastAnalysisMs: 0,
    lastAnalysisUri: '',
    analyses: 0,
    offThreadAnalyses: 0,
  };

  constructor() {
    this.channel = vscode.window.createOutputChannel('STARR Reflect', { log: true });
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string, err?: unknown): void {
    this.channel.error(err === undefined ? message : `${message}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  }

  debug(message: string): void {
    this.channel.debug(message);
  }

  show(): void {
    this.channel.show(true);
  }

  /** Time a synchronous piece of work on the extension-host thread and keep the longest. */
  time<T>(what: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.block(what, performance.now() - start);
    }
  }

  block(what: string, ms: number): void {
    if (ms > this.stats.longestBlockMs) {
      this.stats.longestBlockMs = ms;
      this.stats.longestBlockWhat = what;
    }
    const entry = blockEntry(what, ms);
    if (entry) this[entry.level](entry.message);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
