// Tutor feedback (CriticMarkup) in the editor: comment threads, commands, diagnostics and the Feedback view.
import * as vscode from 'vscode';
import {
  acceptAll, acceptSuggestion, addFeedback, feedbackThreads, isSuggestion, markAt, parseAuthor, rejectAll,
  rejectSuggestion, replyTo, resolveThread, scanCritic, setState,
  type CriticMark, type FeedbackAuthor, type FeedbackThread, type Span,
} from '../../core';
import type { Services } from '../services';
import { isViewOfAnotherFile } from '../uri-utils';
import { applyToDocument } from './edits';
import { FeedbackTree } from './tree';

export const FEEDBACK_SOURCE = 'starr-feedback';
const CONTROLLER_ID = 'starr-feedback';
const REBUILD_MS = 300;

/** What the commands need of a built thread: the document and where its anchor started. */
interface ThreadInfo {
  uri: string;
  anchorStart: number;
}

function settings() {
  const c = vscode.workspace.getConfiguration('starr.feedback');
  return {
    author: c.get<string>('author', '').trim(),
    resolve: c.get<'mark' | 'remove'>('resolve', 'mark'),
  };
}

/** Who is writing: the `starr.feedback.author` setting, else the usual role for the action. */
function authorFor(fallback: string): FeedbackAuthor | undefined {
  const s = settings().author;
  if (!s) return { role: fallback };
  const a = parseAuthor(s);
  if (!a) {
    void vscode.window.showWarningMessage(`The setting starr.feedback.author ("${s}") should look like tutor:AB — a role, then optionally a colon and your initials. Using "${fallback}" for now.`);
    return { role: fallback };
  }
  return a;
}

function isFeedbackDoc(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && !isViewOfAnotherFile(doc.uri);
}

export function register(services: Services): vscode.Disposable[] {
  const { analysis, log } = services;
  const controller = vscode.comments.createCommentController(CONTROLLER_ID, 'STARR feedback');
  controller.options = { prompt: 'Write feedback, or a reply…', placeHolder: 'Say what to add or change' };
  controller.commentingRangeProvider = {
    // The gutter "+" only on reflective accounts, not on every README.
    provideCommentingRanges: (doc) => (isFeedbackDoc(doc) && analysis.isAccount(doc) && doc.lineCount > 0 ? [new vscode.Range(0, 0, doc.lineCount - 1, 0)] : []),
  };
  const diagnostics = vscode.languages.createDiagnosticCollection(FEEDBACK_SOURCE);
  const built = new Map<string, Map<string, vscode.CommentThread[]>>();
  const info = new WeakMap<vscode.CommentThread, ThreadInfo>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const rebuilt = new vscode.EventEmitter<vscode.Uri>();
  // A thread the user has just written opens expanded, so they see it landed; the rest start collapsed.
  const expandAt = new Map<string, number>();

  /** The marks of a document: the account model's (which skip code) when it is an account, else a plain scan. */
  const marksOf = async (doc: vscode.TextDocument): Promise<CriticMark[]> => {
    const text = doc.getText();
    if (!/\{(>>|==|\+\+|--|~~)/.test(text)) return [];
    const r = analysis.peek(doc) ?? (analysis.isAccount(doc) ? await analysis.analyse(doc) : undefined);
    return r?.account && r.version === doc.version ? r.account.critic : scanCritic(text).marks;
  };

  const toRange = (doc: vscode.TextDocument, s: Span) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));

  const commentsOf = (t: FeedbackThread): vscode.Comment[] =>
    [t.root, ...t.replies].map((c) => ({
      body: new vscode.MarkdownString(c.body ?? c.text),
      mode: vscode.CommentMode.Preview,
      author: { name: c.author ?? (c === t.root ? 'Feedback' : 'Reply') },
      label: c === t.root ? t.state : c.state,
      contextValue: `starr-comment:${c.state ?? 'open'}`,
    }));

  /** Rebuild a document's threads from its text, reusing unchanged threads so open widgets stay put. */
  const rebuild = async (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    if (doc.isClosed || !isFeedbackDoc(doc)) return;
    const version = doc.version;
    const marks = await marksOf(doc);
    if (doc.isClosed || doc.version !== version) return;
    const text = doc.getText();
    const threads = feedbackThreads(text, marks);
    log.time('building feedback threads', () => {
      const old = built.get(key) ?? new Map<string, vscode.CommentThread[]>();
      const next = new Map<string, vscode.CommentThread[]>();
      const diags: vscode.Diagnostic[] = [];
      for (const t of threads) {
        const sig = JSON.stringify([t.state, t.highlight?.text, [t.root, ...t.replies].map((c) => [c.author, c.state, c.body])]);
        const range = toRange(doc, t.anchor);
        let thread = old.get(sig)?.shift();
        if (thread) {
          if (!thread.range.isEqual(range)) thread.range = range;
        } else {
          thread = controller.createCommentThread(doc.uri, range, commentsOf(t));
          thread.canReply = true;
          thread.label = t.highlight ? `Feedback on “${shorten(doc.getText(range), 40)}”` : 'Feedback';
          thread.contextValue = `starr-thread:${t.state}`;
          thread.state = t.state === 'resolved' ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
          const fresh = expandAt.get(key) === t.anchor.start;
          if (fresh) expandAt.delete(key);
          thread.collapsibleState = fresh ? vscode.CommentThreadCollapsibleState.Expanded : vscode.CommentThreadCollapsibleState.Collapsed;
        }
        info.set(thread, { uri: key, anchorStart: t.anchor.start });
        next.set(sig, [...(next.get(sig) ?? []), thread]);
        if (t.state === 'open') {
          const d = new vscode.Diagnostic(range, `Feedback${t.author ? ` from ${t.author}` : ''}: ${t.root.body ?? t.root.text}`, vscode.DiagnosticSeverity.Information);
          d.source = FEEDBACK_SOURCE;
          d.code = 'open-feedback';
          diags.push(d);
        }
      }
      for (const rest of old.values()) for (const th of rest) th.dispose();
      built.set(key, next);
      diagnostics.set(doc.uri, diags);
    });
    rebuilt.fire(doc.uri);
  };

  const schedule = (doc: vscode.TextDocument) => {
    const key = doc.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => void rebuild(doc), REBUILD_MS));
  };

  const forget = (uri: vscode.Uri) => {
    const key = uri.toString();
    clearTimeout(timers.get(key));
    timers.delete(key);
    for (const list of built.get(key)?.values() ?? []) for (const th of list) th.dispose();
    built.delete(key);
    diagnostics.delete(uri);
  };

  /** The feedback thread a command is about: from a comment thread, else at the cursor. */
  const resolveTarget = async (arg?: unknown): Promise<{ doc: vscode.TextDocument; thread: FeedbackThread } | undefined> => {
    let doc: vscode.TextDocument | undefined;
    let offset: number | undefined;
    const th = threadArg(arg);
    if (th) {
      doc = await vscode.workspace.openTextDocument(th.uri);
      const i = info.get(th);
      offset = i ? i.anchorStart : doc.offsetAt(th.range.start);
    } else {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      doc = editor.document;
      offset = doc.offsetAt(editor.selection.active);
    }
    const text = doc.getText();
    const threads = feedbackThreads(text, await marksOf(doc));
    const thread = threads.find((t) => t.anchor.start === offset) ?? threads.find((t) => offset! >= t.span.start && offset! <= t.span.end) ?? threads.find((t) => offset! >= t.anchor.start && offset! <= t.anchor.end);
    if (!thread) {
      void vscode.window.showInformationMessage('There is no feedback comment here. Put the cursor inside a comment {>>…<<} or its highlighted text.');
      return undefined;
    }
    return { doc, thread };
  };

  const addAt = async (doc: vscode.TextDocument, span: Span, body: string): Promise<boolean> => {
    const r = analysis.peek(doc) ?? (analysis.isAccount(doc) ? await analysis.analyse(doc) : undefined);
    const avoid: { span: Span; what: string }[] = [];
    if (r?.frontMatter) avoid.push({ span: r.frontMatter, what: 'the front matter' });
    const result = addFeedback(doc.getText(), span, body, authorFor('tutor'), { marks: await marksOf(doc), avoid });
    if (result.error !== undefined) {
      void vscode.window.showWarningMessage(result.error);
      return false;
    }
    const ok = await applyToDocument(doc, result.edits);
    if (ok) {
      // Where the new thread's anchor is now: inside the inserted `{==`, or at the new comment.
      expandAt.set(doc.uri.toString(), result.edits[0].span.start + (result.edits.length === 2 ? 3 : 0));
      await rebuild(doc);
    }
    return ok;
  };

  const commands = {
    /** STARR: Add feedback — wrap the selection (or comment at the cursor), asking for the text. */
    add: async (text?: string) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown') {
        void vscode.window.showWarningMessage('Open a Markdown account and select the words your feedback is about.');
        return false;
      }
      const body = typeof text === 'string' ? text : await vscode.window.showInputBox({ title: 'Add feedback', prompt: 'Your feedback for the learner', placeHolder: 'e.g. Say which KPI moved, and by how much', validateInput: (v) => (v.trim() ? undefined : 'Write some feedback first.') });
      if (!body) return false;
      const doc = editor.document;
      return addAt(doc, { start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) }, body);
    },
    /** From the comment widget: a new thread started with the gutter "+" (or reply box of an empty thread). */
    create: async (reply: vscode.CommentReply) => {
      const doc = await vscode.workspace.openTextDocument(reply.thread.uri);
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
      const sel = editor?.selection;
      const range = sel && !sel.isEmpty && reply.thread.range.contains(sel) ? sel : doc.validateRange(new vscode.Range(reply.thread.range.start.line, 0, reply.thread.range.end.line, Number.MAX_SAFE_INTEGER));
      reply.thread.dispose();
      return addAt(doc, { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) }, reply.text);
    },
    reply: async (arg?: unknown, text?: string) => {
      const body = isReply(arg) ? arg.text : typeof text === 'string' ? text : undefined;
      const target = await resolveTarget(isReply(arg) ? arg.thread : arg);
      if (!target) return false;
      const answer = body ?? (await vscode.window.showInputBox({ title: 'Reply to feedback', prompt: `Reply to: ${shorten(target.thread.root.body ?? '', 80)}`, validateInput: (v) => (v.trim() ? undefined : 'Write a reply first.') }));
      if (!answer?.trim()) return false;
      const ok = await applyToDocument(target.doc, replyTo(target.thread, answer.trim(), authorFor('learner')));
      if (ok) await rebuild(target.doc);
      return ok;
    },
    resolve: async (arg?: unknown, mode?: 'mark' | 'remove') => {
      const target = await resolveTarget(arg);
      if (!target) return false;
      const ok = await applyToDocument(target.doc, resolveThread(target.thread, mode ?? settings().resolve));
      if (ok) await rebuild(target.doc);
      return ok;
    },
    reopen: async (arg?: unknown) => {
      const target = await resolveTarget(arg);
      if (!target) return false;
      const ok = await applyToDocument(target.doc, setState(target.thread.root, 'open'));
      if (ok) await rebuild(target.doc);
      return ok;
    },
    suggestion: async (accept: boolean) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const doc = editor.document;
      const m = markAt(doc.getText(), doc.offsetAt(editor.selection.active), await marksOf(doc));
      if (!m || !isSuggestion(m)) {
        void vscode.window.showInformationMessage('There is no suggested change here. Put the cursor inside {++…++}, {--…--} or {~~…~>…~~}.');
        return false;
      }
      const ok = await applyToDocument(doc, accept ? acceptSuggestion(m) : rejectSuggestion(m));
      if (ok) await rebuild(doc);
      return ok;
    },
    all: async (accept: boolean) => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) return false;
      const marks = await marksOf(doc);
      const edits = accept ? acceptAll(doc.getText(), {}, marks) : rejectAll(doc.getText(), {}, marks);
      if (!edits.length) {
        void vscode.window.showInformationMessage('This file has no suggested changes.');
        return false;
      }
      const ok = await applyToDocument(doc, edits);
      if (ok) await rebuild(doc);
      return ok;
    },
  };

  const tree = new FeedbackTree(services);
  const disposables: vscode.Disposable[] = [
    controller,
    diagnostics,
    rebuilt,
    tree,
    vscode.window.createTreeView('starr.feedback', { treeDataProvider: tree, showCollapseAll: true }),
    vscode.commands.registerCommand('starr.feedback.add', (text?: string) => commands.add(text)),
    vscode.commands.registerCommand('starr.feedback.create', (reply: vscode.CommentReply) => commands.create(reply)),
    vscode.commands.registerCommand('starr.feedback.reply', (arg?: unknown, text?: string) => commands.reply(arg, text)),
    vscode.commands.registerCommand('starr.feedback.resolve', (arg?: unknown, mode?: 'mark' | 'remove') => commands.resolve(arg, mode)),
    vscode.commands.registerCommand('starr.feedback.reopen', (arg?: unknown) => commands.reopen(arg)),
    vscode.commands.registerCommand('starr.feedback.acceptSuggestion', () => commands.suggestion(true)),
    vscode.commands.registerCommand('starr.feedback.rejectSuggestion', () => commands.suggestion(false)),
    vscode.commands.registerCommand('starr.feedback.acceptAll', () => commands.all(true)),
    vscode.commands.registerCommand('starr.feedback.rejectAll', () => commands.all(false)),
    vscode.commands.registerCommand('starr.feedback.refreshView', () => tree.refresh()),
    // For the in-host tests: the threads shown for a document, once rebuilt from its current text.
    vscode.commands.registerCommand('starr._feedbackThreads', async (uri: vscode.Uri) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      await rebuild(doc);
      return [...(built.get(doc.uri.toString())?.values() ?? [])].flat().map((t) => ({
        range: [t.range.start.line, t.range.start.character, t.range.end.line, t.range.end.character],
        label: t.label,
        state: t.state === vscode.CommentThreadState.Resolved ? 'resolved' : 'unresolved',
        comments: t.comments.map((c) => ({ author: c.author.name, body: typeof c.body === 'string' ? c.body : c.body.value, label: c.label })),
      }));
    }),
    // For the in-host tests: what the Feedback view lists.
    vscode.commands.registerCommand('starr._feedbackView', async () => {
      const accounts = await tree.getChildren();
      return Promise.all(accounts.map(async (a) => ({
        ...pick(tree.getTreeItem(a)),
        comments: (await tree.getChildren(a)).map((c) => pick(tree.getTreeItem(c))),
      })));
    }),
    vscode.workspace.onDidOpenTextDocument((d) => schedule(d)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) schedule(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => forget(d.uri)),
    analysis.onDidChange(() => vscode.workspace.textDocuments.forEach(schedule)),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  ];
  for (const d of vscode.workspace.textDocuments) schedule(d);
  return disposables;
}

function threadArg(arg: unknown): vscode.CommentThread | undefined {
  return arg && typeof arg === 'object' && 'uri' in arg && 'range' in arg && 'comments' in arg ? (arg as vscode.CommentThread) : undefined;
}

function isReply(arg: unknown): arg is vscode.CommentReply {
  return !!arg && typeof arg === 'object' && 'thread' in arg && 'text' in arg;
}

function pick(item: vscode.TreeItem) {
  return {
    label: typeof item.label === 'string' ? item.label : item.label?.label,
    description: typeof item.description === 'string' ? item.description : undefined,
    command: item.command?.command,
    uri: item.resourceUri?.toString() ?? (item.command?.arguments?.[0] as vscode.Uri | undefined)?.toString(),
    line: (item.command?.arguments?.[1] as vscode.TextDocumentShowOptions | undefined)?.selection?.start.line,
  };
}

function shorten(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}
