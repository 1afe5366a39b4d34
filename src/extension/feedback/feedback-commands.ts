// The feedback commands: add, reply, resolve and reopen a comment; accept or reject suggested changes.
// Each edits the text through core transforms, then rebuilds the document's threads at once.
import * as vscode from 'vscode';
import {
  acceptAll, acceptSuggestion, addFeedback, feedbackThreads, isSuggestion, markAt, rejectAll, rejectSuggestion,
  parseAuthor, replyTo, resolveThread, setState,
  type FeedbackAuthor, type FeedbackThread, type Span,
} from '../../core';
import type { Services } from '../services';
import type { AuthorQuestion } from './author';
import { applyToDocument } from './edits';
import { marksOf, shorten } from './marks';
import type { FeedbackThreads } from './threads';

export class FeedbackCommands {
  constructor(
    private readonly services: Services,
    private readonly authors: AuthorQuestion,
    private readonly threads: FeedbackThreads,
    /** Rebuilds a document's threads after an edit. */
    private readonly rebuild: (doc: vscode.TextDocument) => Promise<void>,
  ) {}

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand('starr.feedback.add', (text?: string) => this.add(text)),
      vscode.commands.registerCommand('starr.feedback.setAuthor', (author?: string) => this.setAuthor(author)),
      vscode.commands.registerCommand('starr.feedback.create', (reply: vscode.CommentReply) => this.create(reply)),
      vscode.commands.registerCommand('starr.feedback.reply', (arg?: unknown, text?: string) => this.reply(arg, text)),
      vscode.commands.registerCommand('starr.feedback.resolve', (arg?: unknown, mode?: 'mark' | 'remove') => this.resolve(arg, mode)),
      vscode.commands.registerCommand('starr.feedback.reopen', (arg?: unknown) => this.reopen(arg)),
      vscode.commands.registerCommand('starr.feedback.acceptSuggestion', () => this.suggestion(true)),
      vscode.commands.registerCommand('starr.feedback.rejectSuggestion', () => this.suggestion(false)),
      vscode.commands.registerCommand('starr.feedback.acceptAll', () => this.all(true)),
      vscode.commands.registerCommand('starr.feedback.rejectAll', () => this.all(false)),
    ];
  }

  private get analysis(): Services['analysis'] {
    return this.services.analysis;
  }

  /** STARR: Set who is writing feedback — asked, or given as `role:initials` by another extension or a test. */
  private async setAuthor(author?: string): Promise<string | undefined> {
    if (typeof author !== 'string') return this.authors.ask();
    const a = parseAuthor(author);
    if (!a) {
      void vscode.window.showWarningMessage(`"${author}" is not a label STARR can use. Write a role, then optionally a colon and your initials, for example tutor:AB.`);
      return undefined;
    }
    const label = a.initials ? `${a.role}:${a.initials}` : a.role;
    await this.services.config.setFeedbackAuthor(label);
    return label;
  }

  /** STARR: Add feedback — wrap the selection (or comment at the cursor), asking for the text. */
  private async add(text?: string): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showWarningMessage('Open a Markdown account and select the words your feedback is about.');
      return false;
    }
    const interactive = typeof text !== 'string';
    // Who is writing comes first, once: the label is part of what is written.
    const author = await this.authors.author('tutor', interactive);
    const body = !interactive ? text : await vscode.window.showInputBox({ title: 'Add feedback', prompt: 'Your feedback for the learner', placeHolder: 'e.g. Say which KPI moved, and by how much', validateInput: (v) => (v.trim() ? undefined : 'Write some feedback first.') });
    if (!body) return false;
    const doc = editor.document;
    return this.addAt(doc, { start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) }, body, author);
  }

  /** From the comment widget: a new thread started with the gutter "+" (or reply box of an empty thread). */
  private async create(reply: vscode.CommentReply): Promise<boolean> {
    const author = await this.authors.author('tutor', true);
    const doc = await vscode.workspace.openTextDocument(reply.thread.uri);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const sel = editor?.selection;
    const range = sel && !sel.isEmpty && reply.thread.range.contains(sel) ? sel : doc.validateRange(new vscode.Range(reply.thread.range.start.line, 0, reply.thread.range.end.line, Number.MAX_SAFE_INTEGER));
    reply.thread.dispose();
    return this.addAt(doc, { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) }, reply.text, author);
  }

  private async reply(arg?: unknown, text?: string): Promise<boolean> {
    const body = isReply(arg) ? arg.text : typeof text === 'string' ? text : undefined;
    const target = await this.target(isReply(arg) ? arg.thread : arg);
    if (!target) return false;
    // Typed in the thread's reply box or the input box below: the user is at the keyboard, so ask who they are.
    const author = await this.authors.author('learner', body === undefined || isReply(arg));
    const answer = body ?? (await vscode.window.showInputBox({ title: 'Reply to feedback', prompt: `Reply to: ${shorten(target.thread.root.body ?? '', 80)}`, validateInput: (v) => (v.trim() ? undefined : 'Write a reply first.') }));
    if (!answer?.trim()) return false;
    const ok = await applyToDocument(target.doc, replyTo(target.thread, answer.trim(), author));
    if (ok) {
      // The thread is rebuilt with the reply in it: keep it open, where the user was reading and writing.
      this.threads.expandNext(target.doc.uri, target.thread.anchor.start);
      await this.rebuild(target.doc);
    }
    return ok;
  }

  private async resolve(arg?: unknown, mode?: 'mark' | 'remove'): Promise<boolean> {
    const target = await this.target(arg);
    if (!target) return false;
    const ok = await applyToDocument(target.doc, resolveThread(target.thread, mode ?? this.services.config.feedback().resolve));
    if (ok) await this.rebuild(target.doc);
    return ok;
  }

  private async reopen(arg?: unknown): Promise<boolean> {
    const target = await this.target(arg);
    if (!target) return false;
    const ok = await applyToDocument(target.doc, setState(target.thread.root, 'open'));
    if (ok) await this.rebuild(target.doc);
    return ok;
  }

  private async suggestion(accept: boolean): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return false;
    const doc = editor.document;
    const m = markAt(doc.getText(), doc.offsetAt(editor.selection.active), await marksOf(this.analysis, doc));
    if (!m || !isSuggestion(m)) {
      void vscode.window.showInformationMessage('There is no suggested change here. Put the cursor inside {++…++}, {--…--} or {~~…~>…~~}.');
      return false;
    }
    const ok = await applyToDocument(doc, accept ? acceptSuggestion(m) : rejectSuggestion(m));
    if (ok) await this.rebuild(doc);
    return ok;
  }

  private async all(accept: boolean): Promise<boolean> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) return false;
    const marks = await marksOf(this.analysis, doc);
    const edits = accept ? acceptAll(doc.getText(), {}, marks) : rejectAll(doc.getText(), {}, marks);
    if (!edits.length) {
      void vscode.window.showInformationMessage('This file has no suggested changes.');
      return false;
    }
    const ok = await applyToDocument(doc, edits);
    if (ok) await this.rebuild(doc);
    return ok;
  }

  /** The feedback thread a command is about: from a comment thread, else at the cursor. */
  private async target(arg?: unknown): Promise<{ doc: vscode.TextDocument; thread: FeedbackThread } | undefined> {
    let doc: vscode.TextDocument | undefined;
    let offset: number | undefined;
    const th = threadArg(arg);
    if (th) {
      doc = await vscode.workspace.openTextDocument(th.uri);
      offset = this.threads.anchorOf(th) ?? doc.offsetAt(th.range.start);
    } else {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      doc = editor.document;
      offset = doc.offsetAt(editor.selection.active);
    }
    const text = doc.getText();
    const threads = feedbackThreads(text, await marksOf(this.analysis, doc));
    const thread = threads.find((t) => t.anchor.start === offset) ?? threads.find((t) => offset! >= t.span.start && offset! <= t.span.end) ?? threads.find((t) => offset! >= t.anchor.start && offset! <= t.anchor.end);
    if (!thread) {
      void vscode.window.showInformationMessage('There is no feedback comment here. Put the cursor inside a comment {>>…<<} or its highlighted text.');
      return undefined;
    }
    return { doc, thread };
  }

  /** Add a comment on `span` (highlighting it when it is not empty), keeping out of the front matter. */
  private async addAt(doc: vscode.TextDocument, span: Span, body: string, author: FeedbackAuthor): Promise<boolean> {
    const r = this.analysis.peek(doc) ?? (this.analysis.isAccount(doc) ? await this.analysis.analyse(doc) : undefined);
    const avoid: { span: Span; what: string }[] = [];
    if (r?.frontMatter) avoid.push({ span: r.frontMatter, what: 'the front matter' });
    const result = addFeedback(doc.getText(), span, body, author, { marks: await marksOf(this.analysis, doc), avoid });
    if (result.error !== undefined) {
      void vscode.window.showWarningMessage(result.error);
      return false;
    }
    const ok = await applyToDocument(doc, result.edits);
    if (ok) {
      // Where the new thread's anchor is now: inside the inserted `{==`, or at the new comment.
      this.threads.expandNext(doc.uri, result.edits[0].span.start + (result.edits.length === 2 ? 3 : 0));
      await this.rebuild(doc);
    }
    return ok;
  }
}

function threadArg(arg: unknown): vscode.CommentThread | undefined {
  return arg && typeof arg === 'object' && 'uri' in arg && 'range' in arg && 'comments' in arg ? (arg as vscode.CommentThread) : undefined;
}

function isReply(arg: unknown): arg is vscode.CommentReply {
  return !!arg && typeof arg === 'object' && 'thread' in arg && 'text' in arg;
}
