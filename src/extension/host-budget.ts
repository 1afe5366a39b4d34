// Where the editor checks a document: on the extension host's thread (quick, and the full model for hovers and
// hints) or in the background worker (never holds up typing). The cost of a check depends on the writing's
// shape as much as on its length — 10 KB of nested lists cost as much as 200 KB of prose — so it is measured
// per document, not guessed from the size. No editor API here, so the policy is unit-tested on its own.

/** The longest a check may hold the extension host's thread. */
export const HOST_BUDGET_MS = 50;
/**
 * Up to this length a document never measured is checked on the host: even the slowest shapes measured
 * (nested lists, about 35 µs a character on a busy machine) stay under the budget.
 */
export const UNMEASURED_HOST_CHARS = 1_200;

export type Place = 'host' | 'worker';

export class HostBudget {
  /** Milliseconds per character of the latest check of each document. */
  private readonly rates = new Map<string, number>();

  constructor(private readonly budgetMs = HOST_BUDGET_MS) {}

  /**
   * Where to check `length` characters of a document. Above `alwaysBackground` characters (the
   * largeFileThreshold setting), always the worker; below it, the host when the document's last measured
   * cost, scaled to its length now, is under half the budget (room for a slower moment).
   */
  placeFor(uri: string, length: number, alwaysBackground: number): Place {
    if (length > alwaysBackground) return 'worker';
    const rate = this.rates.get(uri);
    if (rate === undefined) return length <= UNMEASURED_HOST_CHARS ? 'host' : 'worker';
    return this.predict(rate, length) <= this.budgetMs / 2 ? 'host' : 'worker';
  }

  /** Whether a check that took `ms` for `length` characters could run on the host next time. */
  fitsHost(length: number, ms: number): boolean {
    return this.predict(ms / Math.max(1, length), length) <= this.budgetMs / 2;
  }

  /** Whether a check of this document has been measured yet. */
  measured(uri: string): boolean {
    return this.rates.has(uri);
  }

  /** Remember what a check of this document cost, wherever it ran. */
  record(uri: string, length: number, ms: number): void {
    this.rates.set(uri, ms / Math.max(1, length));
  }

  forget(uri: string): void {
    this.rates.delete(uri);
  }

  private predict(rate: number, length: number): number {
    return rate * Math.max(1, length);
  }
}
