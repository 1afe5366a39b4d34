// Who is writing feedback, and what Resolve does: the `starr.feedback.*` settings.
import * as vscode from 'vscode';
import { parseAuthor, type FeedbackAuthor } from '../../core';

export function feedbackSettings(): { author: string; resolve: 'mark' | 'remove' } {
  const c = vscode.workspace.getConfiguration('starr.feedback');
  return {
    author: c.get<string>('author', '').trim(),
    resolve: c.get<'mark' | 'remove'>('resolve', 'mark'),
  };
}

/** Who is writing: the `starr.feedback.author` setting, else the usual role for the action. */
export function authorFor(fallback: string): FeedbackAuthor | undefined {
  const s = feedbackSettings().author;
  if (!s) return { role: fallback };
  const a = parseAuthor(s);
  if (!a) {
    void vscode.window.showWarningMessage(`The setting starr.feedback.author ("${s}") should look like tutor:AB — a role, then optionally a colon and your initials. Using "${fallback}" for now.`);
    return { role: fallback };
  }
  return a;
}
