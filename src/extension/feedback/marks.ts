// The feedback marks of a document, shared by the comment threads and the commands.
import type * as vscode from 'vscode';
import { scanCritic, type CriticMark } from '../../core';
import type { Services } from '../services';
import { isViewOfAnotherFile } from '../uri-utils';

/** Markdown the user edits (not a git diff or an output channel). */
export function isFeedbackDoc(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && !isViewOfAnotherFile(doc.uri);
}

/** The marks of a document: the account model's (which skip code) when it is an account, else a plain scan. */
export async function marksOf(analysis: Services['analysis'], doc: vscode.TextDocument): Promise<CriticMark[]> {
  const text = doc.getText();
  if (!/\{(>>|==|\+\+|--|~~)/.test(text)) return [];
  const r = analysis.peek(doc) ?? (analysis.isAccount(doc) ? await analysis.analyse(doc) : undefined);
  return r?.account && r.version === doc.version ? r.account.critic : scanCritic(text).marks;
}

/** Whitespace folded, cut to `n` characters with an ellipsis. */
export function shorten(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}
