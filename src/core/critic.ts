import type { CriticMark, CriticProblem, Span } from './types';

/**
 * CriticMarkup (criticmarkup.com): {>>comment<<}, {==highlight==}{>>comment<<}, {++addition++},
 * {--deletion--}, {~~old~>new~~}. A comment may start with an author/state prefix:
 *   {>>[tutor:AB open] Say which KPI moved<<}
 * i.e. `[` role[:initials] [state] `]`. Plain comments stay valid.
 */
const OPENERS: Record<string, { kind: CriticMark['kind']; close: string }> = {
  '{>>': { kind: 'comment', close: '<<}' },
  '{==': { kind: 'highlight', close: '==}' },
  '{++': { kind: 'addition', close: '++}' },
  '{--': { kind: 'deletion', close: '--}' },
  '{~~': { kind: 'substitution', close: '~~}' },
};

export const FEEDBACK_STATES = ['open', 'resolved', 'question', 'praise'] as const;
const PREFIX = /^\s*\[([A-Za-z][\w.-]*(?::[\w.-]+)?)(?:\s+([a-z]+))?\]\s*/;

export interface CriticScan {
  marks: CriticMark[];
  problems: CriticProblem[];
}

/**
 * Find CriticMarkup in `text`. `accept(offset)` says whether a mark may start there (callers use it to
 * skip code). Linear: each opener is looked for once and each closer once.
 */
export function scanCritic(text: string, accept: (offset: number) => boolean = () => true): CriticScan {
  const marks: CriticMark[] = [];
  const problems: CriticProblem[] = [];
  let i = text.indexOf('{');
  while (i !== -1 && i < text.length - 2) {
    const opener = OPENERS[text.slice(i, i + 3)];
    if (!opener || !accept(i)) {
      i = text.indexOf('{', i + 1);
      continue;
    }
    const close = text.indexOf(opener.close, i + 3);
    if (close === -1) {
      problems.push({ span: { start: i, end: i + 3 }, message: `This feedback mark "${text.slice(i, i + 3)}" is never closed with "${opener.close}", so it has been left as it is. Add "${opener.close}" where the mark should end.` });
      i = text.indexOf('{', i + 3);
      continue;
    }
    const span: Span = { start: i, end: close + 3 };
    const inner = text.slice(i + 3, close);
    const mark: CriticMark = { kind: opener.kind, span, text: inner };
    if (opener.kind === 'substitution') {
      const arrow = inner.indexOf('~>');
      if (arrow === -1) {
        problems.push({ span, message: 'This suggested change has no "~>" between the old and the new text, so it has been left as it is. Write it as {~~old~>new~~}.' });
        i = text.indexOf('{', span.end);
        continue;
      }
      mark.oldText = inner.slice(0, arrow);
      mark.newText = inner.slice(arrow + 2);
    }
    if (opener.kind === 'comment') parsePrefix(mark);
    if (opener.kind === 'highlight' && text.startsWith('{>>', span.end)) {
      const cclose = text.indexOf('<<}', span.end + 3);
      if (cclose !== -1) {
        const comment: CriticMark = { kind: 'comment', span: { start: span.end, end: cclose + 3 }, text: text.slice(span.end + 3, cclose) };
        parsePrefix(comment);
        mark.comment = comment;
        marks.push(mark);
        i = text.indexOf('{', comment.span.end);
        continue;
      }
    }
    marks.push(mark);
    i = text.indexOf('{', span.end);
  }
  return { marks, problems };
}

function parsePrefix(mark: CriticMark): void {
  const m = PREFIX.exec(mark.text);
  if (m && (!m[2] || (FEEDBACK_STATES as readonly string[]).includes(m[2]))) {
    mark.author = m[1];
    mark.state = m[2] ?? 'open';
    mark.body = mark.text.slice(m[0].length).trim();
  } else {
    mark.state = 'open';
    mark.body = mark.text.trim();
  }
}

/** Remove CriticMarkup from a short string (a heading, a label) before matching it. */
export function stripCritic(s: string): string {
  return s
    .replace(/\{>>[\s\S]*?<<\}/g, '')
    .replace(/\{\+\+[\s\S]*?\+\+\}/g, '')
    .replace(/\{--[\s\S]*?--\}/g, '')
    .replace(/\{~~([\s\S]*?)~>[\s\S]*?~~\}/g, '$1')
    .replace(/\{==([\s\S]*?)==\}/g, '$1');
}
