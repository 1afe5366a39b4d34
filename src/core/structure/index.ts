// Finding an account's sections however it is written: labels at the start of any line or sentence, table rows,
// form questions, single letters, a title told apart from a heading, and sections read from the writing itself
// where nothing marks them.
import { matchSection } from '../sections';
import { sentenceSpans, spanContains } from '../text';
import type { Framework, FrameworkSection, Span } from '../types';
import { nameClass } from './cues';
import { assignSections } from './infer';
import { paragraphLabels, sectionForClass, type FoundLabel, type SectionCandidate } from './labels';

export type { SectionCandidate } from './labels';

export interface StructureInput {
  text: string;
  /** The prose mask (same offsets as `text`): what the cues read. */
  prose: string;
  framework: Framework;
  /** Candidates from headings that name a section and from labels at a paragraph's start, in order. */
  candidates: SectionCandidate[];
  /** Every paragraph, in document order. */
  paragraphs: Span[];
  /** Headings that name no section by their aliases: a form's question, "How I felt", or a title. */
  otherHeadings: { text: string; span: Span; depth: number }[];
  /** Feedback marks, in order: a label written inside one is the tutor's, not a section. */
  marks?: Span[];
  /** Where the account's body begins (after any front matter). */
  bodyStart: number;
}

/** Every section candidate, labelled or inferred, in document order. */
export function findStructure(input: StructureInput): SectionCandidate[] {
  const { text, framework } = input;
  const all: Pending[] = [...input.candidates];
  // A question heading is named by its key words unless it is exactly an alias: "What happened as a result?"
  // asks for the Result, though it starts with "what happened".
  for (const c of all) {
    if (c.heading.style !== 'heading' || !/\?\s*$/.test(c.heading.text)) continue;
    if (matchSection(framework, c.heading.text, 'heading')?.score === 3) continue;
    const def = sectionForClass(framework, nameClass(c.heading.text));
    if (def) c.def = def;
  }
  // The candidates so far, in order: a found label that overlaps one of them is the same label (one pointer, as
  // the labels are found in order too).
  const known = all.map((c) => c.heading.span).sort((a, b) => a.start - b.start);
  let k = 0;
  const taken = (s: Span) => {
    while (k < known.length && known[k].end <= s.start) k++;
    return k < known.length && known[k].start < s.end;
  };

  // Headings named by their words rather than an alias ("What were you thinking and feeling?", "How I felt").
  // Only a question or a short heading, and never a sub-heading of a section ("### Finding out why …" under Action).
  let parent: SectionCandidate | undefined;
  let next = 0;
  for (const h of input.otherHeadings) {
    if (!/\?\s*$/.test(h.text) && words(h.text) > 4) continue;
    while (next < input.candidates.length && input.candidates[next].heading.span.start < h.span.start) {
      if (input.candidates[next].heading.style === 'heading') parent = input.candidates[next];
      next++;
    }
    if (parent?.heading.depth !== undefined && h.depth > parent.heading.depth) continue;
    const def = sectionForClass(framework, nameClass(h.text));
    if (def) all.push({ def, heading: { text: h.text.trim(), span: h.span, style: 'heading', depth: h.depth }, bodyStart: h.span.end });
  }

  // Labels at the start of any line, or after a sentence, of every paragraph.
  const found: FoundLabel[] = [];
  for (const p of input.paragraphs) {
    // Most paragraphs are a single line of prose with no colon or dash: nothing to find there.
    paragraphLabels(framework, text, p, found);
  }
  const letters = found.filter((f) => f.letters);
  // A single letter is a label only among others ("S: … T: … A: …"), never alone.
  const letterOk = new Set(letters.map((f) => f.heading.text)).size >= 2;
  for (const f of found) {
    if (taken(f.heading.span)) continue;
    if (input.marks && spanContains(input.marks, f.heading.span.start)) continue;
    if (f.letters && !letterOk) continue;
    all.push({ def: f.def ?? f.letters![0], heading: f.heading, bodyStart: f.bodyStart, letters: f.letters, question: f.question });
  }
  all.sort((a, b) => a.heading.span.start - b.heading.span.start);
  // A question that asks again for the section it sits in (a template's prompt under its heading) starts nothing.
  const kept = all.filter((c, i) => !(i > 0 && c.question && c.def === all[i - 1].def));
  all.length = 0;
  all.push(...kept);
  resolveLetters(framework, all);
  afterActionWhatHappened(framework, all);
  dropTitle(input, all);

  infer(input, all);
  return all.sort((a, b) => a.heading.span.start - b.heading.span.start).map(({ def, heading, bodyStart, inferred }) => (inferred ? { def, heading, bodyStart, inferred } : { def, heading, bodyStart }));
}

/** A candidate while it is being placed: a single letter's possible sections, and whether it is a question. */
type Pending = SectionCandidate & { letters?: FrameworkSection[]; question?: boolean };

/** "R: … R: …": each letter is the first section with that initial after the one before it. */
function resolveLetters(framework: Framework, all: Pending[]): void {
  const defs = framework.sections;
  let prev = -1;
  for (const c of all) {
    if (c.letters) c.def = c.letters.find((d) => defs.indexOf(d) > prev) ?? c.letters[0];
    prev = defs.indexOf(c.def);
  }
}

/**
 * "What happened?" names the Situation at the start of a form, but after "What did you do?" it asks for the
 * outcome: there it starts the framework's outcome section (Result), when it has one after the Action.
 */
function afterActionWhatHappened(framework: Framework, all: Pending[]): void {
  const outcome = framework.sections.find((d) => d.kind === 'outcome');
  if (!outcome) return;
  const at = framework.sections.indexOf(outcome);
  for (let i = 1; i < all.length; i++) {
    const prev = all[i - 1].def;
    if (prev.kind !== 'action' || framework.sections.indexOf(prev) >= at) continue;
    if (/^what\s+happened\s*\??$/i.test(all[i].heading.text.trim()) && all[i].def.kind === 'context') all[i].def = outcome;
  }
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * "# What happened with the courier", "The background to a refund", "Reflection – fire alarm": the first line of
 * an account names it, and a section word in a title does not start that section. A section's own heading (exactly
 * its name), a form's question, or a label followed by the account's first sentences stay.
 */
function dropTitle(input: StructureInput, all: SectionCandidate[]): void {
  const first = firstBlock(input);
  if (first === undefined || !all.length) return;
  const c = all[0];
  if (c.inferred || c.heading.span.start < first || c.heading.span.start > lineEnd(input.text, first)) return;
  const { text, framework } = input;
  const line = text.slice(first, lineEnd(text, first)).trim();
  const exact = /\?\s*$/.test(c.heading.text) || matchSection(framework, c.heading.text, c.heading.style === 'heading' ? 'heading' : 'label')?.score === 3;
  const rest = c.heading.style === 'heading' ? '' : text.slice(c.bodyStart, lineEnd(text, first)).trim();
  const title = rest === '' ? !exact : words(line) <= 10 && !/[.!?:;]["”’)*_]*\s*$/.test(rest) && !/[.!?]\s/.test(rest);
  if (title) all.shift();
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}

/** Where the first heading or paragraph of the body begins. */
function firstBlock(input: StructureInput): number | undefined {
  let first: number | undefined;
  for (const p of input.paragraphs) {
    if (p.start >= input.bodyStart) {
      first = p.start;
      break;
    }
  }
  for (const c of input.candidates) if (c.heading.style === 'heading' && c.heading.span.start >= input.bodyStart && (first === undefined || c.heading.span.start < first)) first = c.heading.span.start;
  for (const h of input.otherHeadings) if (h.span.start >= input.bodyStart && (first === undefined || h.span.start < first)) first = h.span.start;
  return first;
}

/** A first paragraph that is one short line with no sentence in it: the account's title, not its Situation. */
function isTitleParagraph(text: string, p: Span): boolean {
  const s = text.slice(p.start, p.end).trim();
  return !s.includes('\n') && words(s) <= 12 && !/[.!?]["”’)]*(?:\s|$)/.test(s);
}

const MIN_WORDS = 12;
/** The most words read sentence by sentence when an account is one or two paragraphs (ten long accounts). */
const MAX_SPLIT_WORDS = 20_000;

/**
 * Sections read from the writing where no heading or label marks them: the whole account when it has none, the
 * text before the first label (when that label is not the first section), and the paragraphs after a label when
 * the next label skips sections (or there is no next label and sections remain). Labels always win.
 */
function infer(input: StructureInput, all: SectionCandidate[]): void {
  const { text, prose, framework } = input;
  const defs = framework.sections;
  const labelled = [...all];
  const end = text.length;
  const regions: { span: Span; lo: number; hi: number; forced: boolean }[] = [];
  const firstIdx = labelled.length ? defs.indexOf(labelled[0].def) : defs.length;
  if (firstIdx > 0) regions.push({ span: { start: input.bodyStart, end: labelled[0]?.heading.span.start ?? end }, lo: 0, hi: firstIdx - 1, forced: false });
  for (let i = 0; i < labelled.length; i++) {
    const a = defs.indexOf(labelled[i].def);
    const b = i + 1 < labelled.length ? defs.indexOf(labelled[i + 1].def) : defs.length;
    if (b > a + 1) regions.push({ span: { start: labelled[i].bodyStart, end: labelled[i + 1]?.heading.span.start ?? end }, lo: a, hi: b - 1, forced: true });
  }
  const first = firstBlock(input);
  const paragraphs = input.paragraphs;
  // Regions come in document order and do not overlap: one pointer over the paragraphs serves them all.
  let at = 0;
  for (const r of regions) {
    let units: Span[] = [];
    while (at < paragraphs.length && paragraphs[at].end <= r.span.start) at++;
    for (let i = at; i < paragraphs.length && paragraphs[i].start < r.span.end; i++) {
      const p = paragraphs[i];
      if (p.end <= r.span.start) continue;
      if (!r.forced && p.start === first && isTitleParagraph(text, p)) continue;
      const u = { start: Math.max(p.start, r.span.start), end: Math.min(p.end, r.span.end) };
      if (/\p{L}/u.test(prose.slice(u.start, u.end))) units.push(u);
    }
    if (!units.length) continue;
    if (!r.forced) {
      let w = 0;
      for (const u of units) w += words(prose.slice(u.start, u.end));
      if (w < MIN_WORDS) continue;
      // One or two paragraphs (a whole account, or the text before its first label): read them sentence by
      // sentence. Not past the length of any paragraph a person writes: a generated megabyte in one paragraph
      // would cost seconds of sentence splitting to place sections no one wrote.
      if (units.length < 3 && w <= MAX_SPLIT_WORDS) units = units.flatMap((u) => sentenceSpans(prose, u.start, u.end));
    } else if (units.length < 2) continue;
    const states = assignSections(framework, prose, units, r.lo, r.hi, r.forced);
    let prev = r.forced ? r.lo : -1;
    units.forEach((u, i) => {
      if (states[i] === prev) return;
      prev = states[i];
      const def = defs[states[i]];
      all.push({ def, heading: { text: def.name, span: { start: u.start, end: u.start }, style: 'label' }, bodyStart: u.start, inferred: true });
    });
  }
}
