import { CRITIC_DELIMITERS, formatComment, scanCritic, type FeedbackState } from './critic';
import { applyEdits } from './edits';
import type { CriticMark, Span, TextEdit } from './types';

/**
 * Tutor feedback as editor-neutral edits. Every transform returns TextEdits against the text it was given;
 * apply them with `applyEdits` (here, the CLI, tests) or as one undoable WorkspaceEdit (VS Code).
 * Only markup is ever removed or inserted: the learner's own text is kept byte-for-byte.
 */

export interface FeedbackAuthor {
  role: string;
  initials?: string;
}

/** A comment with its highlight (if any) and the replies written straight after it. */
export interface FeedbackThread {
  /** The first comment; its prefix holds the thread's author and state. */
  root: CriticMark;
  replies: CriticMark[];
  /** The highlighted text the comment is about, if any. */
  highlight?: CriticMark;
  /** All the thread's markup, from the highlight (or root) to the last reply. */
  span: Span;
  /** What the thread is about: the highlighted words, or the comment itself. */
  anchor: Span;
  state: FeedbackState;
  author?: string;
}

export type FeedbackResult = { edits: TextEdit[]; error?: undefined } | { edits?: undefined; error: string };

/** Marks of `text`, or those the caller already has (the account model's, which skip code). */
function marksOf(text: string, marks?: CriticMark[]): CriticMark[] {
  return marks ?? scanCritic(text).marks;
}

/** Group comments into threads: a comment whose state is `reply`, written right after another (spaces or tabs between), joins its thread. */
export function feedbackThreads(text: string, marks?: CriticMark[]): FeedbackThread[] {
  const threads: FeedbackThread[] = [];
  let last: FeedbackThread | undefined;
  for (const m of marksOf(text, marks)) {
    const comment = m.kind === 'comment' ? m : m.kind === 'highlight' ? m.comment : undefined;
    if (!comment) {
      last = undefined;
      continue;
    }
    if (m.kind === 'comment' && m.state === 'reply' && last && /^[ \t]*$/.test(text.slice(last.span.end, m.span.start))) {
      last.replies.push(m);
      last.span = { start: last.span.start, end: m.span.end };
      continue;
    }
    const highlight = m.kind === 'highlight' ? m : undefined;
    last = {
      root: comment,
      replies: [],
      highlight,
      span: { start: m.span.start, end: comment.span.end },
      anchor: highlight ? highlight.inner! : comment.span,
      state: (comment.state ?? 'open') as FeedbackState,
      author: comment.author,
    };
    threads.push(last);
  }
  return threads;
}

/** Threads still waiting for the learner: state `open` (replies, notes and resolved ones are not). */
export function openThreads(text: string, marks?: CriticMark[]): FeedbackThread[] {
  return feedbackThreads(text, marks).filter((t) => t.state === 'open');
}

/** Set a comment's state in its prefix, adding a prefix if it has none. */
export function setState(comment: CriticMark, state: FeedbackState): TextEdit[] {
  if (comment.stateSpan) return [{ span: comment.stateSpan, newText: state }];
  if (comment.prefix) {
    const at = comment.prefix.end - 1;
    return [{ span: { start: at, end: at }, newText: ` ${state}` }];
  }
  const at = comment.inner!.start;
  const spaced = /^\s/.test(comment.text);
  return [{ span: { start: at, end: at }, newText: `[${state}]${spaced ? '' : ' '}` }];
}

/**
 * Resolve a thread: `mark` sets its state to resolved (the feedback stays in the file, closed);
 * `remove` deletes the comments and replies and unwraps the highlight, leaving only the learner's text.
 */
export function resolveThread(thread: FeedbackThread, mode: 'mark' | 'remove'): TextEdit[] {
  if (mode === 'mark') return setState(thread.root, 'resolved');
  return removeThread(thread);
}

/** Delete a thread's markup, keeping any highlighted words. */
export function removeThread(thread: FeedbackThread): TextEdit[] {
  if (!thread.highlight) return [{ span: thread.span, newText: '' }];
  const h = thread.highlight;
  return [
    { span: { start: h.span.start, end: h.inner!.start }, newText: '' },
    { span: { start: h.inner!.end, end: thread.span.end }, newText: '' },
  ];
}

/** Append a reply after the thread's last comment: `{>>[learner reply] …<<}`. */
export function replyTo(thread: FeedbackThread, body: string, author: FeedbackAuthor = { role: 'learner' }): TextEdit[] {
  return [{ span: { start: thread.span.end, end: thread.span.end }, newText: formatComment(body, author, 'reply') }];
}

export interface AddOptions {
  /** The marks of the text, if the caller has them (the account model's skip code). */
  marks?: CriticMark[];
  /** Places feedback must not go, with why (front matter, code blocks). */
  avoid?: { span: Span; what: string }[];
}

// Block markers a highlight must not swallow: `{==## Result==}` would no longer be a heading.
const BLOCK_PREFIX = /^(?:[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))+/;

/**
 * Add feedback: around a span, `{==span==}{>>[role:ID open] text<<}`; at a point (empty span, or only
 * spaces selected), a bare comment. Refuses a span that overlaps existing marks, since marks cannot nest,
 * and one that runs over a blank line, since a mark stays within a paragraph.
 */
export function addFeedback(text: string, span: Span, body: string, author?: FeedbackAuthor, options: AddOptions = {}): FeedbackResult {
  if (!body.trim()) return { error: 'Write some feedback first.' };
  let { start, end } = span;
  if (start < 0 || end > text.length || start > end) return { error: 'The selection is outside the document.' };
  // Do not wrap surrounding spaces or line breaks: `{==word==}`, not `{== word\n==}`.
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  // Nor a heading's hashes, a quote marker or a list bullet at the start of a line.
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0);
  if (start < end && /^[ \t]*$/.test(text.slice(lineStart, start))) {
    const m = BLOCK_PREFIX.exec(text.slice(lineStart, end));
    if (m && lineStart + m[0].length > start) start = Math.min(end, lineStart + m[0].length);
  }
  if (start === end) start = end = span.start;
  if (/\n[ \t]*\r?\n/.test(text.slice(start, end))) return { error: 'Feedback can cover one paragraph at most: select less text, or add feedback to each paragraph.' };
  if (text.slice(start, end).includes(CRITIC_DELIMITERS.highlight.close)) return { error: 'The selection contains "==}", which would end the highlight early: select text without it.' };
  for (const a of options.avoid ?? []) {
    const hit = start === end ? start > a.span.start && start < a.span.end : start < a.span.end && end > a.span.start;
    if (hit) return { error: `Feedback cannot go in ${a.what}: select text in the account's writing.` };
  }
  for (const m of marksOf(text, options.marks)) {
    const full = m.comment ? { start: m.span.start, end: m.comment.span.end } : m.span;
    const overlaps = start === end ? start > full.start && start < full.end : start < full.end && end > full.start;
    if (overlaps) return { error: 'The selection overlaps existing feedback. Feedback marks cannot be put inside each other: select text outside the marks, or reply to the existing comment.' };
  }
  const comment = formatComment(body.trim(), author, 'open');
  const edits: TextEdit[] = start === end
    ? [{ span: { start, end }, newText: comment }]
    : [
      { span: { start, end: start }, newText: CRITIC_DELIMITERS.highlight.open },
      { span: { start: end, end }, newText: `${CRITIC_DELIMITERS.highlight.close}${comment}` },
    ];
  // The learner's own braces or equals signs next to the new delimiters could join them ("{" + "==}" opens a
  // mark): check the result reads back as exactly one more mark, at the intended place.
  const before = scanCritic(text);
  const after = scanCritic(applyEdits(text, edits));
  const added = after.marks.find((m) => m.span.start === start);
  if (after.marks.length !== before.marks.length + 1 || after.problems.length !== before.problems.length || !added || added.kind !== (start === end ? 'comment' : 'highlight')) {
    return { error: 'The characters at the edge of the selection ({, }, =, < or >) would run into the feedback marks: select a little more or a little less.' };
  }
  return { edits };
}

/** Accept one suggestion: an addition keeps its text, a deletion goes, a change takes the new text; a highlight keeps its words. */
export function acceptSuggestion(mark: CriticMark): TextEdit[] {
  switch (mark.kind) {
    case 'addition':
      return [{ span: mark.span, newText: mark.text }];
    case 'deletion':
      return [{ span: mark.span, newText: '' }];
    case 'substitution':
      return [{ span: mark.span, newText: mark.newText ?? '' }];
    case 'highlight':
      return [{ span: mark.span, newText: mark.text }];
    default:
      return [];
  }
}

/** Reject one suggestion: an addition goes, a deletion keeps its text, a change keeps the old text; a highlight keeps its words. */
export function rejectSuggestion(mark: CriticMark): TextEdit[] {
  switch (mark.kind) {
    case 'addition':
      return [{ span: mark.span, newText: '' }];
    case 'deletion':
      return [{ span: mark.span, newText: mark.text }];
    case 'substitution':
      return [{ span: mark.span, newText: mark.oldText ?? '' }];
    case 'highlight':
      return [{ span: mark.span, newText: mark.text }];
    default:
      return [];
  }
}

export function isSuggestion(mark: CriticMark): boolean {
  return mark.kind === 'addition' || mark.kind === 'deletion' || mark.kind === 'substitution';
}

export interface AllOptions {
  /** Also remove every comment (with its replies) and unwrap highlights: a clean copy. Default: keep feedback. */
  removeFeedback?: boolean;
}

/** Accept every suggested addition, deletion and change. */
export function acceptAll(text: string, options: AllOptions = {}, marks?: CriticMark[]): TextEdit[] {
  return all(text, acceptSuggestion, options, marks);
}

/** Reject every suggested addition, deletion and change. */
export function rejectAll(text: string, options: AllOptions = {}, marks?: CriticMark[]): TextEdit[] {
  return all(text, rejectSuggestion, options, marks);
}

/** Resolve every open thread (mark or remove). */
export function resolveAll(text: string, mode: 'mark' | 'remove', marks?: CriticMark[]): TextEdit[] {
  const threads = feedbackThreads(text, marks);
  return (mode === 'mark' ? threads.filter((t) => t.state === 'open') : threads).flatMap((t) => resolveThread(t, mode));
}

function all(text: string, one: (m: CriticMark) => TextEdit[], options: AllOptions, marks?: CriticMark[]): TextEdit[] {
  const ms = marksOf(text, marks);
  const edits = ms.filter(isSuggestion).flatMap(one);
  if (options.removeFeedback) {
    edits.push(...feedbackThreads(text, ms).flatMap(removeThread));
    for (const m of ms) if (m.kind === 'highlight' && !m.comment) edits.push(...acceptSuggestion(m));
  }
  return edits;
}

/** The mark (of any kind) at `offset`, delimiters included. */
export function markAt(text: string, offset: number, marks?: CriticMark[]): CriticMark | undefined {
  return marksOf(text, marks).find((m) => offset >= m.span.start && offset <= (m.comment?.span.end ?? m.span.end));
}

/** Apply edits to text; re-exported so callers of this module need nothing else. */
export function applyFeedback(text: string, edits: TextEdit[]): string {
  return applyEdits(text, edits);
}
