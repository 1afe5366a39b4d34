// Where the content checks look, whatever the account's structure: sections with headings or labels, sections
// the model inferred from the writing (`inferred: true`), or no sections at all.
import type { AccountModel, Section, SectionKind, Span } from '../../core/types';
import { countWords } from '../../core/fast-paths';
import { firstLine } from './text';

export { placeOf, PlaceOf } from '../../core/sections';

/** Where a finding about a whole section points: its heading or label, or the first sentence of an inferred section. */
export function anchorOf(account: AccountModel, s: Section): Span {
  if (!s.inferred && s.heading.span.end > s.heading.span.start) return s.heading.span;
  const first = s.firstSentence;
  if (first) return first;
  const line = firstLine(account.text, s.body.start, s.body.end);
  return line.end > line.start ? line : s.heading.span;
}

/** Where a finding about the whole account points: its first line of writing. */
export function accountAnchor(account: AccountModel): Span {
  return firstLine(account.text, account.preamble.start);
}

/** Sections of these kinds that hold any writing, in document order (duplicates included). */
export function withWords(account: AccountModel, ...kinds: SectionKind[]): Section[] {
  return account.sections.filter((s) => s.words > 0 && kinds.includes(s.def.kind));
}

/** The whole text after any front matter. */
export function wholeText(account: AccountModel): Span {
  return { start: account.preamble.start, end: account.text.length };
}

/**
 * The parts that tell what happened: the preamble and every section that is not reflective, merged where they
 * touch. With no sections at all, the whole text.
 */
/** The words of narrative(account), from the sections' own counts. */
export function narrativeWords(account: AccountModel): number {
  const prose = account.prose;
  if (!account.sections.length) {
    const whole = wholeText(account);
    return countWords(prose, whole.start, whole.end);
  }
  let n = countWords(prose, account.preamble.start, account.preamble.end);
  for (const s of account.sections) if (s.def.kind !== 'reflective') n += countWords(prose, s.span.start, s.body.start) + s.words;
  return n;
}

export function narrative(account: AccountModel): Span[] {
  if (!account.sections.length) return [wholeText(account)];
  const out: Span[] = [];
  const add = (span: Span) => {
    if (span.end <= span.start) return;
    const last = out[out.length - 1];
    if (last && last.end >= span.start) last.end = Math.max(last.end, span.end);
    else out.push({ ...span });
  };
  add(account.preamble);
  for (const s of account.sections) if (s.def.kind !== 'reflective') add(s.span);
  return out;
}
