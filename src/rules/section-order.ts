import { defineRule } from '../core/rule';
import type { Section } from '../core/types';
import { eolOf } from './util/sections';
import { listing, trimEnd } from './util/text';

/** The sections that form the longest run already in framework order; the others are the ones to move. */
function inOrder(sections: Section[], rank: (s: Section) => number): Set<Section> {
  const n = sections.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  // n is at most a handful of sections, so the quadratic form is the clearest.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (rank(sections[j]) < rank(sections[i]) && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    }
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (len[i] > len[best]) best = i;
  const keep = new Set<Section>();
  for (let i = best; i >= 0; i = prev[i]) keep.add(sections[i]);
  return keep;
}

export default defineRule(
  {
    id: 'section-order',
    defaultSeverity: 'warning',
    title: 'Sections follow the order of the framework.',
    rationale:
      'Assessors read a STARR account as a story: the situation, what you had to do, what you did, what came of it, and what you learned. Sections out of order make the reader hunt for the evidence and can hide the link between your actions and the result.',
    fixable: true,
  },
  ({ account, report }) => {
    const defs = account.framework.sections;
    const index = new Map(defs.map((d, i) => [d.id, i]));
    const rank = (s: Section) => index.get(s.id) ?? 0;
    const firsts = account.sections.filter((s) => !s.duplicate);
    if (firsts.length < 2) return;
    const keep = inOrder(firsts, rank);
    if (keep.size === firsts.length) return;
    const anchors = firsts.filter((s) => keep.has(s));
    const order = listing(defs.map((d) => d.name));
    const text = account.text;
    const eol = eolOf(text);
    for (const s of firsts) {
      if (keep.has(s)) continue;
      // Where it belongs: before the first in-order section that comes later in the framework, else after the last.
      const before = anchors.find((a) => rank(a) > rank(s));
      const after = before ? undefined : anchors[anchors.length - 1];
      const target = before ?? after!;
      const where = before ? `before ${before.def.name}` : `after ${after!.def.name}`;
      // The section moves whole; keep a blank line on each side of it.
      const moved = text.slice(s.span.start, trimEnd(text, s.span.start, s.span.end));
      const at = before ? before.span.start : after!.span.end;
      const insert = before ? `${moved}${eol}${eol}` : at === text.length ? `${/\n\s*$/.test(text) ? '' : eol}${eol}${moved}${eol}` : `${moved}${eol}${eol}`;
      report({
        message: `The ${s.def.name} section is out of order: it should come ${where}. ${account.framework.name} reads ${order} — move this section (heading and text) there.`,
        span: s.heading.span,
        related: [{ message: `Move the ${s.def.name} section ${where}`, span: target.heading.span }],
        fixes: [{ title: `Move ${s.def.name} ${where}`, edits: [{ span: s.span, newText: '' }, { span: { start: at, end: at }, newText: insert }] }],
        data: { section: s.id, [before ? 'before' : 'after']: target.id },
      });
    }
  },
);
