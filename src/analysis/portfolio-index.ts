import type { ResolvedConfig } from '../core/config';
import { fingerprint, summarise, type AccountSummary } from '../core/portfolio';
import type { CriteriaLookup } from '../core/rule';
import { analyseDocument } from './analyze';

export interface PortfolioHost {
  /** The resolved configuration for an account. */
  configFor(uri: string): ResolvedConfig;
  criteria?: CriteriaLookup;
  now?: Date;
}

/**
 * The accounts of a portfolio, updated one file at a time (a watcher or the CLI feeds it).
 * Nothing is rescanned on a change: only the changed file is analysed again.
 */
export class PortfolioIndex {
  private readonly accounts = new Map<string, AccountSummary>();
  private readonly listeners = new Set<(uris: string[]) => void>();

  constructor(private readonly host: PortfolioHost) {}

  /** Analyse and store one account; returns its summary (unchanged text is not analysed again). */
  update(uri: string, text: string): AccountSummary {
    const fp = fingerprint(text);
    const prev = this.accounts.get(uri);
    if (prev && prev.fingerprint === fp) return prev;
    const { account, findings } = analyseDocument({ uri, text, config: this.host.configFor(uri), criteria: this.host.criteria, now: this.host.now });
    const summary = summarise(uri, account, findings);
    this.accounts.set(uri, summary);
    this.emit([uri]);
    return summary;
  }

  /** Store a summary computed elsewhere (e.g. by the editor, which already analysed the document). */
  set(summary: AccountSummary): void {
    this.accounts.set(summary.uri, summary);
    this.emit([summary.uri]);
  }

  delete(uri: string): void {
    if (this.accounts.delete(uri)) this.emit([uri]);
  }

  rename(from: string, to: string, text: string): void {
    this.accounts.delete(from);
    this.update(to, text);
  }

  get(uri: string): AccountSummary | undefined {
    return this.accounts.get(uri);
  }

  all(): AccountSummary[] {
    return [...this.accounts.values()].sort((a, b) => a.uri.localeCompare(b.uri));
  }

  get size(): number {
    return this.accounts.size;
  }

  clear(): void {
    const uris = [...this.accounts.keys()];
    this.accounts.clear();
    if (uris.length) this.emit(uris);
  }

  onDidChange(listener: (uris: string[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private emit(uris: string[]): void {
    for (const l of this.listeners) l(uris);
  }
}
