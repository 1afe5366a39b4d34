// The comment-thread controller: one thread per feedback comment, kept in step with the text, and an
// information diagnostic for each open one.
import * as vscode from 'vscode';
import { feedbackThreads, type FeedbackThread, type Span } from '../../core';
import type { Services } from '../services';
import { isFeedbackDoc, marksOf, shorten } from './marks';

const FEEDBACK_SOURCE = 'starr-feedback';
const CONTROLLER_ID = 'starr-feedback';

export class FeedbackThreads implements vscode.Disposable {
  private readonly controller = vscode.comments.createCommentController(CONTROLLER_ID, 'STARR feedback');
  private readonly diagnostics = vscode.languages.createDiagnosticCollection(FEEDBACK_SOURCE);
  private readonly built = new Map<string, Map<string, vscode.CommentThread[]>>();
  /** Where each built thread's anchor started, so commands find its comment in the text. */
  private readonly anchors = new WeakMap<vscode.CommentThread, number>();
  // A thread the user has just written opens expanded, so they see it landed; the rest start collapsed.
  private readonly expandAt = new Map<string, number>();

  constructor(private readonly services: Services) {
    const { analysis } = services;
    this.controller.options = { prompt: 'Write feedback, or a reply…', placeHolder: 'Say what to add or change' };
    this.controller.commentingRangeProvider = {
      // The gutter "+" only on reflective accounts, not on every README.
      provideCommentingRanges: (doc) => (isFeedbackDoc(doc) && analysis.isAccount(doc) && doc.lineCount > 0 ? [new vscode.Range(0, 0, doc.lineCount - 1, 0)] : []),
    };
  }

  /** Rebuild a document's threads from its text, reusing unchanged threads so open widgets stay put. */
  async rebuild(doc: vscode.TextDocument): Promise<void> {
    if (doc.isClosed || !isFeedbackDoc(doc)) return;
    const key = doc.uri.toString();
    const version = doc.version;
    const marks = await marksOf(this.services.analysis, doc);
    if (doc.isClosed || doc.version !== version) return;
    const text = doc.getText();
    const threads = feedbackThreads(text, marks);
    this.services.log.time('building feedback threads', () => {
      const old = this.built.get(key) ?? new Map<string, vscode.CommentThread[]>();
      const next = new Map<string, vscode.CommentThread[]>();
      const diags: vscode.Diagnostic[] = [];
      for (const t of threads) {
        const sig = JSON.stringify([t.state, t.highlight?.text, [t.root, ...t.replies].map((c) => [c.author, c.state, c.body])]);
        const range = toRange(doc, t.anchor);
        let thread = old.get(sig)?.shift();
        if (thread) {
          if (!thread.range.isEqual(range)) thread.range = range;
        } else {
          thread = this.controller.createCommentThread(doc.uri, range, commentsOf(t));
          thread.canReply = true;
          thread.label = t.highlight ? `Feedback on “${shorten(doc.getText(range), 40)}”` : 'Feedback';
          thread.contextValue = `starr-thread:${t.state}`;
          thread.state = t.state === 'resolved' ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
          const fresh = this.expandAt.get(key) === t.anchor.start;
          if (fresh) this.expandAt.delete(key);
          thread.collapsibleState = fresh ? vscode.CommentThreadCollapsibleState.Expanded : vscode.CommentThreadCollapsibleState.Collapsed;
        }
        this.anchors.set(thread, t.anchor.start);
        next.set(sig, [...(next.get(sig) ?? []), thread]);
        if (t.state === 'open') {
          const d = new vscode.Diagnostic(range, `Feedback${t.author ? ` from ${t.author}` : ''}: ${t.root.body ?? t.root.text}`, vscode.DiagnosticSeverity.Information);
          d.source = FEEDBACK_SOURCE;
          d.code = 'open-feedback';
          diags.push(d);
        }
      }
      for (const rest of old.values()) for (const th of rest) th.dispose();
      this.built.set(key, next);
      this.diagnostics.set(doc.uri, diags);
    });
  }

  /** Drop a closed document's threads and diagnostics. */
  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const list of this.built.get(key)?.values() ?? []) for (const th of list) th.dispose();
    this.built.delete(key);
    this.diagnostics.delete(uri);
  }

  /** Open the thread anchored at `offset` expanded when it is next built. */
  expandNext(uri: vscode.Uri, offset: number): void {
    this.expandAt.set(uri.toString(), offset);
  }

  /** Where a thread built here had its anchor, when it was last built. */
  anchorOf(thread: vscode.CommentThread): number | undefined {
    return this.anchors.get(thread);
  }

  /** The threads shown for a document. */
  shown(uri: vscode.Uri): vscode.CommentThread[] {
    return [...(this.built.get(uri.toString())?.values() ?? [])].flat();
  }

  dispose(): void {
    this.controller.dispose();
    this.diagnostics.dispose();
  }
}

function toRange(doc: vscode.TextDocument, s: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
}

function commentsOf(t: FeedbackThread): vscode.Comment[] {
  return [t.root, ...t.replies].map((c) => ({
    body: new vscode.MarkdownString(c.body ?? c.text),
    mode: vscode.CommentMode.Preview,
    author: { name: c.author ?? (c === t.root ? 'Feedback' : 'Reply') },
    label: c === t.root ? t.state : c.state,
    contextValue: `starr-comment:${c.state ?? 'open'}`,
  }));
}
