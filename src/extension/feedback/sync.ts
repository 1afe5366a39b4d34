// Keeps the comment threads in step with documents: rebuilt shortly after a document opens or changes, or
// after the analysis changes (settings, criteria), and dropped when it closes.
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { FeedbackThreads } from './threads';

const REBUILD_MS = 300;

export class FeedbackSync implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(services: Services, private readonly threads: FeedbackThreads) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      services.analysis.onDidChange(() => vscode.workspace.textDocuments.forEach((d) => this.schedule(d))),
    ];
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
  }

  /** Rebuild now (after an edit of ours), in place of any rebuild still waiting. */
  rebuild(doc: vscode.TextDocument): Promise<void> {
    this.cancel(doc.uri.toString());
    return this.threads.rebuild(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.rebuild(doc), REBUILD_MS));
  }

  private forget(uri: vscode.Uri): void {
    this.cancel(uri.toString());
    this.threads.forget(uri);
  }

  private cancel(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.timers.forEach((t) => clearTimeout(t));
  }
}
