import * as vscode from 'vscode';
import { AnalysisService } from './analysis-service';
import { ConfigService } from './config-service';
import { Log } from './log';
import { WorkspaceIndex } from './workspace-index';

/** What every feature module receives. Features register themselves with `register(services)`. */
export interface Services {
  context: vscode.ExtensionContext;
  log: Log;
  /** Settings merged with the nearest `.starr.yaml` (the file wins). */
  config: ConfigService;
  /** Which documents are accounts, and one shared analysis per document version. */
  analysis: AnalysisService;
  /** Every account in the workspace, kept current by a file watcher. */
  workspace: WorkspaceIndex;
}

/** A feature module's entry point. */
export type Feature = (services: Services) => vscode.Disposable[];

export async function createServices(context: vscode.ExtensionContext, log = new Log()): Promise<Services> {
  const config = new ConfigService(log);
  const analysis = new AnalysisService(context, config, log);
  const workspace = new WorkspaceIndex(analysis, config, log);
  context.subscriptions.push(log, config, analysis, workspace);
  return { context, log, config, analysis, workspace };
}
