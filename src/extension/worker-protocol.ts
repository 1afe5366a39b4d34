import type { AccountSummary, Finding, ResolvedConfig } from '../core';

/** A request to analyse one large document off the extension-host thread. Plain data only. */
export interface WorkerRequest {
  id: number;
  uri: string;
  text: string;
  config: ResolvedConfig;
  now: number;
}

export type WorkerResponse =
  | { id: number; ok: true; findings: Finding[]; summary: AccountSummary; ms: number }
  | { id: number; ok: false; error: string };
