import type { Paragraph } from 'mdast';
import { defineRule } from '../core/rule';
import type { AccountModel, Fix, FrameworkSection, Span } from '../core/types';
import { eolOf, headingEdits } from './util/sections';
import { firstLine, listing } from './util/text';

interface Guess {
  span: Span;
  def: FrameworkSection;
  index: number;
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
    // The model reads the parts from the writing when nothing marks them: say what it read, gently, and let the
    // other checks (missing-section among them) work on those parts.
    const read = account.sections.filter((x) => x.inferred && !x.duplicate);
    if (read.length) {
      const missing = defs.filter((d) => !account.sectionById.has(d.id));
      report({
        severity: 'info',
        message: `I've read this as ${listing(read.map((x) => x.def.name))}, from the way each part is written — add headings so your assessor sees them too. The quick fix puts each heading where that part seems to start; check each one.`,
        span: firstLine(account.text, account.preamble.start),
        related: read.slice(0, 20).map((x) => ({ message: `This reads like the start of your ${x.def.name}`, span: x.firstSentence ?? x.span })),
        fixes: [{ title: 'Add section headings where the parts seem to start (check each one)', edits: headingEdits(account, missing) }],
        data: { guesses: read.map((x) => ({ section: x.id, span: x.span })) },
      });
      return;
    }
    report({
      message: `This account has no section headings, so an assessor cannot see where its ${names} begin. Add a heading for each part (e.g. "## ${defs[0].name}") above the paragraphs that belong to it.`,
      span: firstLine(account.text, account.preamble.start),
      fixes: [skeletonFix(account, guesses, paragraphs)],
      data: { guesses: [] },
    });
  },
);
