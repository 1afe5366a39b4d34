import type { AccountSummary, Finding, LockedRegion, Span } from '../core';
import type { AnalysisRequest, CriteriaData } from './document-analysis';

/** A request to analyse one large document off the extension-host thread. Plain data only. */
export interface WorkerRequest extends AnalysisRequest {
  id: number;
  /** The worker builds its criteria lookup from these, once for each key. */
  criteria: CriteriaData;
}

export type WorkerResponse =
  | { id: number; ok: true; findings: Finding[]; summary: AccountSummary; frontMatter?: Span; locked: LockedRegion[]; ms: number }
  | { id: number; ok: false; error: string };
