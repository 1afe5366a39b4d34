import type { CriticKind, CriticMark, CriticProblem, Span } from './types';

/**
 * CriticMarkup (criticmarkup.com) with an optional author/state prefix on comments.
 *
 *   comment      = "{>>" [prefix] body "<<}"
 *   highlight    = "{==" text "==}" [comment]          (the comment must follow at once)
 *   addition     = "{++" text "++}"
 *   deletion     = "{--" text "--}"
 *   substitution = "{~~" old "~>" new "~~}"
 *   prefix       = "[" ( author [ " "+ state ] | state ) "]"
 *   author       = role [ ":" initials ]               role: a word (tutor, assessor, iqa, learner …)
 *   state        = "open" | "resolved" | "reply" | "note"
 *
 * A bracket is only read as a prefix when it has initials, a state, or a known role, so `{>>[sic] …<<}`
 * stays a plain comment. Marks may run across lines but cannot nest: a mark that meets another opener
 * before its own closer is reported as unclosed and left as it is.
 */
export const FEEDBACK_STATES = ['open', 'resolved', 'reply', 'note'] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

/** Roles read as an author even without initials or a state (`[tutor]`). Any other word needs them. */
export const KNOWN_ROLES = ['tutor', 'assessor', 'iqa', 'eqa', 'learner', 'mentor', 'trainer', 'coach', 'manager', 'reviewer'];

export const CRITIC_DELIMITERS: Record<CriticKind, { open: string; close: string }> = {
  comment: { open: '{>>', close: '<<}' },
  highlight: { open: '{==', close: '==}' },
  addition: { open: '{++', close: '++}' },
  deletion: { open: '{--', close: '--}' },
  substitution: { open: '{~~', close: '~~}' },
};

const OPENERS: Record<string, CriticKind> = { '{>>': 'comment', '{==': 'highlight', '{++': 'addition', '{--': 'deletion', '{~~': 'substitution' };

const KIND_NAME: Record<CriticKind, string> = {
  comment: 'comment',
  highlight: 'highlight',
  addition: 'suggested addition',
  deletion: 'suggested deletion',
  substitution: 'suggested change',
};

const PREFIX = /^[ \t]*\[([A-Za-z][\w-]*)(?::([A-Za-z0-9][\w.-]*))?(?:[ \t]+([A-Za-z]+))?\][ \t]*/;
// Something that was clearly meant as a prefix ("[tutor:AB …]") but does not follow the grammar.
const LOOSE_PREFIX = /^[ \t]*\[([A-Za-z][\w-]*):[^\]\r\n]*\]/;

export interface CriticScan {
  marks: CriticMark[];
  problems: CriticProblem[];
}

/**
 * Find CriticMarkup in `text`. `accept(offset)` says whether a mark may start there (callers use it to
 * skip code). Linear in the text: each kind of closer and the next opener are looked up incrementally.
 */
export function scanCritic(text: string, accept: (offset: number) => boolean = () => true): CriticScan {
  const marks: CriticMark[] = [];
  const problems: CriticProblem[] = [];

  // The next accepted opener at or after `from` (cached, since `from` only grows).
  let openFrom = -1;
  let openAt = -1;
  const nextOpener = (from: number): number => {
    if (openFrom !== -1 && from >= openFrom && (openAt === -1 || openAt >= from)) return openAt;
    let i = text.indexOf('{', from);
    while (i !== -1 && !(OPENERS[text.slice(i, i + 3)] && accept(i))) i = text.indexOf('{', i + 1);
    openFrom = from;
    openAt = i;
    return i;
  };
  // The next closer of each kind at or after `from` (cached the same way).
  const closeCache = new Map<string, { from: number; at: number }>();
  const nextCloser = (close: string, from: number): number => {
    const c = closeCache.get(close);
    if (c && from >= c.from && (c.at === -1 || c.at >= from)) return c.at;
    const at = text.indexOf(close, from);
    closeCache.set(close, { from, at });
    return at;
  };

  let i = nextOpener(0);
  while (i !== -1) {
    const kind = OPENERS[text.slice(i, i + 3)];
    const { open, close } = CRITIC_DELIMITERS[kind];
    const closeAt = nextCloser(close, i + 3);
    const inner = nextOpener(i + 3);
    if (closeAt === -1 || (inner !== -1 && inner < closeAt)) {
      problems.push({
        span: { start: i, end: i + 3 },
        message: closeAt === -1
          ? `This ${KIND_NAME[kind]} starts with "${open}" but is never closed with "${close}", so it has been left as it is. Add "${close}" where it should end.`
          : `This ${KIND_NAME[kind]} starts with "${open}" but another mark begins before its "${close}". Marks cannot be put inside each other, so it has been left as it is. Close it with "${close}" before the next mark starts.`,
      });
      i = nextOpener(i + 3);
      continue;
    }
    const span: Span = { start: i, end: closeAt + 3 };
    const innerSpan: Span = { start: i + 3, end: closeAt };
    const body = text.slice(innerSpan.start, innerSpan.end);
    const mark: CriticMark = { kind, span, text: body, inner: innerSpan };
    if (kind === 'substitution') {
      const arrow = body.indexOf('~>');
      if (arrow === -1) {
        problems.push({ span, message: 'This suggested change has no "~>" between the old and the new text, so it has been left as it is. Write it as {~~old text~>new text~~}.' });
        i = nextOpener(span.end);
        continue;
      }
      mark.oldText = body.slice(0, arrow);
      mark.newText = body.slice(arrow + 2);
    }
    if (kind === 'comment') parsePrefix(mark, problems);
    if (kind === 'highlight' && text.startsWith('{>>', span.end) && accept(span.end)) {
      const cclose = nextCloser('<<}', span.end + 3);
      const cinner = nextOpener(span.end + 3);
      if (cclose !== -1 && (cinner === -1 || cinner > cclose)) {
        const comment: CriticMark = { kind: 'comment', span: { start: span.end, end: cclose + 3 }, text: text.slice(span.end + 3, cclose), inner: { start: span.end + 3, end: cclose } };
        parsePrefix(comment, problems);
        mark.comment = comment;
        marks.push(mark);
        i = nextOpener(comment.span.end);
        continue;
      }
    }
    marks.push(mark);
    i = nextOpener(span.end);
  }
  return { marks, problems };
}

/** Read the `[role:initials state]` prefix of a comment (sets author, role, initials, state, body, spans). */
function parsePrefix(mark: CriticMark, problems: CriticProblem[]): void {
  const base = mark.inner!.start;
  const m = PREFIX.exec(mark.text);
  if (m) {
    const [all, word, initials, stateWord] = m;
    const wordIsState = !initials && !stateWord && isState(word);
    const state = stateWord?.toLowerCase();
    const knownRole = KNOWN_ROLES.includes(word.toLowerCase());
    const authorLike = !!initials || knownRole;
    const badState = authorLike && !!stateWord && !isState(stateWord);
    if (badState) {
      problems.push({
        span: { start: base + mark.text.indexOf('['), end: base + all.trimEnd().length },
        message: `"${stateWord}" is not a feedback state, so this comment is treated as open. Use one of: ${FEEDBACK_STATES.join(', ')} — for example [${word}${initials ? ':' + initials : ''} open].`,
      });
    }
    if (wordIsState || (state && isState(state)) || authorLike) {
      const open = mark.text.indexOf('[');
      const closeB = mark.text.indexOf(']', open);
      mark.prefix = { start: base + open, end: base + closeB + 1 };
      if (wordIsState) {
        mark.state = word.toLowerCase();
        mark.stateSpan = { start: base + open + 1, end: base + open + 1 + word.length };
      } else {
        mark.role = word;
        mark.initials = initials;
        mark.author = initials ? `${word}:${initials}` : word;
        mark.state = state && !badState ? state : 'open';
        if (stateWord) {
          const at = closeB - stateWord.length;
          mark.stateSpan = { start: base + at, end: base + closeB };
        }
      }
      mark.body = mark.text.slice(all.length).trim();
      return;
    }
  } else {
    const loose = LOOSE_PREFIX.exec(mark.text);
    if (loose) {
      problems.push({
        span: { start: base + mark.text.indexOf('['), end: base + loose[0].length },
        message: `The label "${loose[0].trim()}" at the start of this comment is not understood, so the comment is treated as open. Write it as [role:initials state], for example [tutor:AB open]; initials are letters or digits, and the state is one of: ${FEEDBACK_STATES.join(', ')}.`,
      });
    }
  }
  mark.state = 'open';
  mark.body = mark.text.trim();
}

function isState(s: string): s is FeedbackState {
  return (FEEDBACK_STATES as readonly string[]).includes(s.toLowerCase());
}

/** Write a comment with its prefix, e.g. `{>>[tutor:AB open] Say which KPI moved<<}`. */
export function formatComment(body: string, author?: { role: string; initials?: string }, state?: FeedbackState): string {
  const who = author ? (author.initials ? `${author.role}:${author.initials}` : author.role) : '';
  const label = [who, state].filter(Boolean).join(' ');
  return `{>>${label ? `[${label}] ` : ''}${sanitiseCritic(body)}<<}`;
}

/** Keep user-typed text from closing or opening marks by accident. */
export function sanitiseCritic(s: string): string {
  return s.replace(/\{(>>|==|\+\+|--|~~)/g, '{ $1').replace(/(<<|==|\+\+|--|~~)\}/g, '$1 }');
}

/** Parse a `role:initials` setting value into an author; undefined if it does not fit the grammar. */
export function parseAuthor(s: string): { role: string; initials?: string } | undefined {
  const m = /^\s*([A-Za-z][\w-]*)(?::([A-Za-z0-9][\w.-]*))?\s*$/.exec(s);
  return m ? { role: m[1], initials: m[2] } : undefined;
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
