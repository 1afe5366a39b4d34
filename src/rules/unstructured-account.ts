import type { Paragraph } from 'mdast';
import { defineRule } from '../core/rule';
import type { AccountModel, Fix, FrameworkSection, SectionKind, Span } from '../core/types';
import { eolOf } from './util/sections';
import { firstLine, listing } from './util/text';

// What a paragraph reads like, from cues a learner's own words carry. Each cue scores once per match.
const CUES: { kind: SectionKind; re: RegExp; weight: number }[] = [
  { kind: 'reflective', weight: 2, re: /\b(?:I\s+(?:have\s+|['’]ve\s+)?(?:learned|learnt|realised|realized)|I\s+now\s+(?:understand|know|realise|realize|check|make)|next\s+time|in\s+(?:the\s+)?future|going\s+forward|from\s+now\s+on|looking\s+back|on\s+reflection|in\s+hindsight|(?:went|worked)\s+well|could\s+have|should\s+have|(?:do|done)\s+differently)\b/giu },
  { kind: 'outcome', weight: 2, re: /(?:\d+(?:\.\d+)?\s?%|£\s?\d|\b(?:as\s+a\s+result|the\s+(?:result|outcome)\s+was|CSAT|NPS|FCR|first[\s-]contact\s+resolution|(?:rose|fell|dropped|increased|decreased|reduced|improved)\s+(?:from|to|by)|thanked\s+me|(?:she|he|they)\s+(?:said|wrote)\s*[,:]?\s*["“]))/giu },
  { kind: 'task', weight: 2, re: /\b(?:my\s+(?:task|role|responsibility|job|aim|objective|goal)|I\s+(?:needed|had|was\s+asked|was\s+expected)\s+to|I\s+was\s+responsible\s+for|it\s+was\s+my\s+(?:job|responsibility)|the\s+(?:SLA|target|standard)\s+(?:was|required|is))\b/giu },
  { kind: 'action', weight: 1, re: /\bI\s+(?:then\s+|first\s+|immediately\s+|also\s+)?(?:called|rang|phoned|emailed|contacted|arranged|checked|escalated|explained|apologised|apologized|offered|agreed|asked|spoke|sent|updated|organised|organized|booked|raised|logged|investigated|listened|reviewed|set\s+up|met|decided|followed\s+up|refunded|replaced|created|trained|reassured|chased|confirmed|negotiated|suggested|visited|wrote|gave|made\s+sure)\b/giu },
  { kind: 'context', weight: 1, re: /\b(?:(?:a|one|the)\s+customer\s+(?:contacted|called|rang|came|complained|emailed|wrote|phoned)|I\s+work(?:ed)?\s+(?:as|at|in|for)|I\s+am\s+(?:a|an|the)\s|was\s+(?:working|on\s+shift)|(?:last|one)\s+(?:week|month|morning|afternoon|day)|happened|(?:on|in)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december))\b/giu },
];

interface Guess {
  span: Span;
  def: FrameworkSection;
  index: number;
}

function classify(prose: string, span: Span, first: boolean): SectionKind | undefined {
  const piece = prose.slice(span.start, span.end);
  let best: SectionKind | undefined;
  let bestScore = 1; // "clearly" reads as one part: at least two points
  for (const cue of CUES) {
    cue.re.lastIndex = 0;
    let score = cue.kind === 'context' && first ? 1 : 0;
    while (cue.re.exec(piece)) score += cue.weight;
    if (score > bestScore) {
      best = cue.kind;
      bestScore = score;
    }
  }
  return best;
}

/** The framework section a kind of writing belongs in (CARL has no Task: it folds into Context). */
function sectionFor(account: AccountModel, kind: SectionKind): number {
  const defs = account.framework.sections;
  const i = defs.findIndex((d) => d.kind === kind);
  return i < 0 && kind === 'task' ? defs.findIndex((d) => d.kind === 'context') : i;
}

/** Top-level paragraphs (never inside a list or quote), where a heading can go in front. */
function topParagraphs(account: AccountModel): Span[] {
  const shift = account.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return account.tree.children
    .filter((n): n is Paragraph => n.type === 'paragraph')
    .map((n) => ({ start: n.position!.start.offset! + shift, end: n.position!.end.offset! + shift }));
}

function skeletonFix(account: AccountModel, guesses: Map<number, Guess>, paragraphs: Span[]): Fix {
  const eol = eolOf(account.text);
  const defs = account.framework.sections;
  const heading = (d: FrameworkSection, prompt: boolean) => `## ${d.name}${eol}${eol}${prompt ? `<!-- ${d.prompt} -->${eol}${eol}` : ''}`;
  const edits: Fix['edits'] = [];
  let cur = -1;
  for (const p of paragraphs) {
    const g = guesses.get(p.start);
    const target = g ? g.index : Math.max(cur, 0);
    if (target <= cur) continue;
    let block = '';
    for (let i = cur + 1; i <= target; i++) block += heading(defs[i], i < target);
    edits.push({ span: { start: p.start, end: p.start }, newText: block });
    cur = target;
  }
  if (cur < defs.length - 1) {
    const text = account.text;
    let at = text.length;
    while (at > account.preamble.start && /\s/.test(text[at - 1])) at--;
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let block = at > bom ? `${eol}${eol}` : '';
    for (let i = cur + 1; i < defs.length; i++) block += heading(defs[i], true);
    edits.push({ span: { start: at, end: text.length }, newText: block.replace(/(\r?\n)+$/, '') + eol });
  }
  return { title: paragraphs.length ? 'Add section headings where the text suggests (check each one)' : `Add the ${account.framework.name} headings`, edits };
}

export default defineRule(
  {
    id: 'unstructured-account',
    defaultSeverity: 'error',
    title: 'An account written as one block of prose, with no section headings.',
    rationale:
      'Assessors read an account part by part — what happened, what you had to do, what you did, what came of it and what you learned. Without headings they cannot find each part, and gaps (often a missing result or reflection) stay hidden. Text pasted from Word often loses its headings.',
    fixable: true,
  },
  ({ account, report }) => {
    if (account.structure !== 'unstructured') return;
    const defs = account.framework.sections;
    const names = listing(defs.map((d) => d.name));
    const paragraphs = topParagraphs(account);
    const guesses = new Map<number, Guess>();
    if (account.words === 0) {
      report({
        message: `This account has no writing yet. Start with the ${account.framework.name} headings — ${names} — and answer each one in your own words.`,
        span: firstLine(account.text, account.preamble.start),
        fixes: [skeletonFix(account, guesses, [])],
        data: { guesses: [] },
      });
      return;
    }
    account.paragraphs.forEach((p, i) => {
      const kind = classify(account.prose, p.span, i === 0);
      if (!kind) return;
      const index = sectionFor(account, kind);
      if (index >= 0) guesses.set(p.span.start, { span: p.span, def: defs[index], index });
    });
    const related = [...guesses.values()].slice(0, 20).map((g) => ({ message: `This paragraph reads like your ${g.def.name}`, span: g.span }));
    report({
      message: `This account has no section headings, so an assessor cannot see where its ${names} begin. Add a heading for each part (e.g. "## ${defs[0].name}") above the paragraphs that belong to it — the quick fix inserts them where the text suggests; check each one.`,
      span: firstLine(account.text, account.preamble.start),
      related,
      fixes: [skeletonFix(account, guesses, paragraphs)],
      data: { guesses: [...guesses.values()].map((g) => ({ section: g.def.id, span: g.span })) },
    });
  },
);
