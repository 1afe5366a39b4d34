// Coverage kept current: recomputed from the workspace index's summaries (no analysis, no file reads) when
// the index or the criteria sets change, after changes settle.
import * as vscode from 'vscode';
import { computeCoverage, coverageByLearner, type CoverageReport } from '../../core/coverage';
import { CriteriaCatalog } from '../../core/criteria';
import type { Services } from '../services';

const SETTLE_MS = 150;

export class CoverageModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the report was recomputed. */
  readonly onDidChange = this.changed.event;
  private cached?: CoverageReport;
  private cachedByLearner?: CoverageReport[];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly sub: vscode.Disposable;
  /** Counts recomputations; tests wait for it to move. */
  generation = 0;
  /** Milliseconds the last recomputation took (shown in the log). */
  lastMs = 0;

  constructor(private readonly services: Services, private catalogValue: CriteriaCatalog = new CriteriaCatalog()) {
    this.sub = services.workspace.onDidChange(() => this.invalidate());
  }

  get catalog(): CriteriaCatalog {
    return this.catalogValue;
  }

  setCatalog(catalog: CriteriaCatalog): void {
    this.catalogValue = catalog;
    this.invalidate(true);
  }

  /** Mark stale; listeners hear once changes settle (a scan or a burst of keystrokes is one update). */
  invalidate(now = false): void {
    this.cached = undefined;
    this.cachedByLearner = undefined;
    clearTimeout(this.timer);
    const fire = () => {
      this.report();
      this.generation++;
      this.changed.fire();
    };
    if (now) fire();
    else this.timer = setTimeout(fire, SETTLE_MS);
  }

  report(): CoverageReport {
    if (!this.cached) {
      const start = performance.now();
      this.cached = computeCoverage(this.services.workspace.index.all(), this.catalogValue);
      this.lastMs = performance.now() - start;
    }
    return this.cached;
  }

  byLearner(): CoverageReport[] {
    return (this.cachedByLearner ??= coverageByLearner(this.services.workspace.index.all(), this.catalogValue));
  }

  /** Resolves the next time the report is recomputed after `generation`. */
  nextChange(after: number): Promise<number> {
    if (this.generation > after) return Promise.resolve(this.generation);
    return new Promise((resolve) => {
      const d = this.onDidChange(() => {
        d.dispose();
        resolve(this.generation);
      });
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.sub.dispose();
    this.changed.dispose();
  }
}
