// What the in-editor tests read of the extension's state. It is no command: activate() returns it only when
// VS Code runs the extension under test (ExtensionMode.Test), so users never see or run any of it.
import type * as vscode from 'vscode';
import type { QualityReport } from '../core/report';
import type { Log } from './log';

/** A tree node as plain data. */
export interface PlainNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  colour?: string;
  contextValue?: string;
  /** Where clicking goes: a URI and 0-based line. */
  open?: { uri: string; line?: number };
  children: PlainNode[];
}

export interface ThreadView {
  range: [number, number, number, number];
  label?: string;
  state: 'resolved' | 'unresolved';
  /** Whether the thread is open in the editor (a thread the user has just written in stays open). */
  expanded: boolean;
  comments: { author: string; body: string; label?: string }[];
}

export interface FeedbackItem {
  label?: string;
  description?: string;
  command?: string;
  uri?: string;
  line?: number;
}

export interface CoverageState {
  generation: number;
  counts: { covered: number; weak: number; uncovered: number; total: number };
  units: string[];
  badge: number;
  accounts: number;
}

export interface ReportView {
  title: string;
  viewType: string;
  visible: boolean;
  html: string;
  report: QualityReport;
  /** What the panel shows: the report cut down to its filter, or the whole report. */
  shown: QualityReport;
}

export type Stats = Log['stats'] & { accounts: number };

export interface Probes {
  /** Activation time, the longest block, analysis counts. */
  stats(options?: { resetLongestBlock?: boolean }): Stats;
  /**
   * The extension's own analysis of a document, as its diagnostics get it: the rule ids of its findings,
   * or undefined when the extension does not treat it as an account.
   */
  account(uri: vscode.Uri): Promise<string[] | undefined>;
  /** What the status bar shows now, and its tooltip. */
  statusText(): string;
  statusTooltip(): string;
  /** The comment threads shown for a document, once rebuilt from its current text. */
  feedbackThreads(uri: vscode.Uri): Promise<ThreadView[]>;
  /** What the Feedback view lists. */
  feedbackView(): Promise<(FeedbackItem & { comments: FeedbackItem[] })[]>;
  /** The model behind the open report panel. */
  reportModel(): ReportView | undefined;
  /** Types into the report panel's filter box, as the webview reports it, and returns what the panel then shows. */
  reportFilter(text: string): Promise<ReportView | undefined>;
  /** A coverage view's tree as plain data. */
  coverageTree(which?: 'coverage' | 'accounts'): Promise<PlainNode[]>;
  coverageState(): Promise<CoverageState>;
  /** Resolves with the generation after `after`, once the coverage has been recomputed. */
  coverageNextChange(after: number): Promise<number>;
  /** Make the next `n` background analysis workers fail to load, as a busy browser's sometimes do; 0 undoes it. */
  failWorkerStarts(n: number): void;
  /** Resolves with the title of the next question STARR puts on screen (who is writing feedback), once it is shown. */
  nextQuestion(): Promise<string>;
}
