import * as vscode from 'vscode';
import { AnalysisService } from './analysis-service';
import { ConfigService } from './config-service';
import { CriteriaService } from './criteria-service';
import { Log } from './log';
import type { Probes } from './probes';
import { WorkspaceIndex } from './workspace-index';

/** What every feature module receives. Features register themselves with `register(services)`. */
export interface Services {
  context: vscode.ExtensionContext;
  log: Log;
  /** Settings merged with the nearest `.starr.yaml` (the file wins). */
  config: ConfigService;
  /** The workspace's criteria sets (bundled and the centre's), read by the analysis and the coverage views. */
  criteria: CriteriaService;
  /** Which documents are accounts, and one shared analysis per document version. */
  analysis: AnalysisService;
  /** Every account in the workspace, kept current by a file watcher. */
  workspace: WorkspaceIndex;
  /** Show every account's problems in the Problems panel, open or not (set by the diagnostics feature). */
  showWorkspaceProblems(): void;
  /** Say a question (a quick pick or input box) is now on screen; the in-editor tests answer it there. */
  questionShown(title: string): void;
  /** What the in-editor tests read; each feature fills in its own part. */
  probes: Partial<Probes>;
}

/** A feature module's entry point. */
export type Feature = (services: Services) => vscode.Disposable[];

export async function createServices(context: vscode.ExtensionContext, log = new Log()): Promise<Services> {
  const config = new ConfigService(log);
  const criteria = new CriteriaService(config, log);
  const analysis = new AnalysisService(context, config, criteria, log);
  const workspace = new WorkspaceIndex(analysis, config, criteria, log);
  const asked = new vscode.EventEmitter<string>();
  context.subscriptions.push(log, config, criteria, analysis, workspace, asked);
  const probes: Partial<Probes> = {
    failWorkerStarts: (n) => analysis.failNextWorkerStarts(n),
    nextQuestion: () => new Promise((resolve) => {
      const d = asked.event((title) => {
        d.dispose();
        resolve(title);
      });
    }),
  };
  return { context, log, config, criteria, analysis, workspace, showWorkspaceProblems: () => {}, questionShown: (title) => asked.fire(title), probes };
}
