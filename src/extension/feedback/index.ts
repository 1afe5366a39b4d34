// Tutor feedback (CriticMarkup) in the editor: comment threads, commands, diagnostics and the Feedback view.
// Each concern registers itself; this module only wires them together.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { AuthorQuestion } from './author';
import { FeedbackCommands } from './feedback-commands';
import { FeedbackSync } from './sync';
import { FeedbackThreads } from './threads';
import { FeedbackTree, registerFeedbackView } from './tree';

export function register(services: Services): vscode.Disposable[] {
  const threads = new FeedbackThreads(services);
  const sync = new FeedbackSync(services, threads);
  const rebuild = (doc: vscode.TextDocument) => sync.rebuild(doc);
  const tree = new FeedbackTree(services);
  const authors = new AuthorQuestion(services);
  services.probes.feedbackThreads = async (uri) => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await rebuild(doc);
    return threads.shown(doc.uri).map((t) => ({
      range: [t.range.start.line, t.range.start.character, t.range.end.line, t.range.end.character],
      label: t.label,
      state: t.state === vscode.CommentThreadState.Resolved ? 'resolved' : 'unresolved',
      expanded: t.collapsibleState === vscode.CommentThreadCollapsibleState.Expanded,
      comments: t.comments.map((c) => ({ author: c.author.name, body: typeof c.body === 'string' ? c.body : c.body.value, label: c.label })),
    }));
  };
  services.probes.feedbackView = async () => {
    const accounts = await tree.getChildren();
    return Promise.all(accounts.map(async (a) => ({
      ...pick(tree.getTreeItem(a)),
      comments: (await tree.getChildren(a)).map((c) => pick(tree.getTreeItem(c))),
    })));
  };
  return [
    threads,
    sync,
    ...registerFeedbackView(tree),
    ...new FeedbackCommands(services, authors, threads, rebuild).register(),
  ];
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
