import { matchSection } from '../sections';
import type { Framework, FrameworkSection, SectionHeading, Span } from '../types';
import { cues, nameClass } from './cues';

/** A place where a section begins, found from a heading, a label, or (inferred) from the writing itself. */
export interface SectionCandidate {
  def: FrameworkSection;
  heading: SectionHeading;
  /** Where the section's body begins. */
  bodyStart: number;
  inferred?: boolean;
}

/** A label found at the start of a line or a sentence, not yet tied to a section when it is a single letter. */
export interface FoundLabel {
  /** The section, or undefined for a single letter (resolved by order: "R:" then "R:" is Result, then Reflection). */
  def?: FrameworkSection;
  /** For a single letter: the sections whose name begins with it. */
  letters?: FrameworkSection[];
  heading: SectionHeading;
  bodyStart: number;
  /** The label is the whole line (no separator, nothing after it). */
  alone: boolean;
  /** The label is a question ("What did you learn?"). */
  question?: boolean;
}

// A label at the start of a line: table bar, quote, list number or bullet, an emoji, bold, then the label and its
// separator (colon, dash, bar, question mark, a full stop closing bold), or the end of the line.
const LINE_LABEL =
  /^[ \t]*(?:\|[ \t]*)?(?:>[ \t]*)?(?:(?:\d{1,2}[.)]|[-*+])[ \t]+)?(?:[^\p{L}\p{N}\s(*_|>#]{1,8}[ \t]*)?(\*\*|__)?(?:\(([A-Z])\)|(\p{L}[\p{L}'’ /&]{0,48}?))[ \t]*(?:\*\*|__)?[ \t]*(\?|:|[–—]|-(?=[ \t])|\||\.(?=\*\*|__)|$|(?<=\([A-Z]\)[ \t]*))[ \t]*(?:\*\*|__)?[ \t]*/u;

// A label after the end of a sentence, inside a paragraph: "… at the time. Task: I had to …".
const MID_LABEL = /[.!?…]["”’)]*[ \t]+((?:\*\*|__)?)(\p{Lu}[\p{L}'’]*(?: [\p{L}'’]+){0,3})(?:\*\*|__)?[ \t]*(?::|[–—]|-(?=[ \t]))[ \t]*(?:\*\*|__)?[ \t]*/gu;

/** The section a label names: a framework alias first, then the words of a form's question or a heading. */
export function labelSection(framework: Framework, label: string, opts: { minScore: number; names: boolean }): FrameworkSection | undefined {
  const m = matchSection(framework, label, 'label');
  if (m && m.score >= opts.minScore) return m.def;
  if (!opts.names) return undefined;
  return sectionForClass(framework, nameClass(label));
}

/** The first framework section that reads as a class. */
export function sectionForClass(framework: Framework, cls: number | undefined): FrameworkSection | undefined {
  if (cls === undefined) return undefined;
  const c = cues();
  return framework.sections.find((d) => c.sectionClasses(framework, d).includes(cls));
}

/** A label at the start of the line at `pos` (which ends at `end`), if there is one. */
export function lineLabel(framework: Framework, text: string, pos: number, end: number): FoundLabel | undefined {
  const line = text.slice(pos, end);
  const m = LINE_LABEL.exec(line);
  if (!m) return undefined;
  const sep = m[4];
  const alone = sep === '' && m[0].length >= line.trimEnd().length;
  // A run of words with no separator that does not end the line is just the start of a sentence; "(S) …" needs none.
  if (sep === '' && !alone && !m[2]) return undefined;
  const labelStart = pos + m.index + m[0].search(/\S/);
  const heading = (label: string): SectionHeading => ({ text: label.trim(), span: { start: labelStart, end: pos + m[0].trimEnd().length }, style: 'label' });
  const bodyStart = pos + m[0].length;
  const letter = m[2] ?? (m[3] && /^\p{Lu}$/u.test(m[3]) ? m[3] : undefined);
  if (letter) {
    // "(S) …", "S: …", "S – Situation: …"; never a lone letter on its line.
    if (!m[2] && (sep === '' || sep === '?' || sep === '.')) return undefined;
    const letters = framework.sections.filter((d) => d.name[0]?.toUpperCase() === letter);
    if (!letters.length) return undefined;
    // A section name straight after the letter belongs to the label.
    const after = LINE_LABEL.exec(text.slice(bodyStart, end));
    if (after && after[3] && after[4] !== '') {
      const def = labelSection(framework, after[3], { minScore: 3, names: false });
      if (def && def.name[0]?.toUpperCase() === letter) {
        return { def, heading: { text: `${letter} ${after[3].trim()}`, span: { start: labelStart, end: bodyStart + after[0].trimEnd().length }, style: 'label' }, bodyStart: bodyStart + after[0].length, alone: false };
      }
    }
    return { letters, heading: heading(letter), bodyStart, alone };
  }
  const label = m[3];
  if (!label || GENRE.test(label)) return undefined;
  const question = sep === '?';
  // A form's question stands on its own line; one followed by more words is part of the writing.
  if (question && m[0].length < line.trimEnd().length) return undefined;
  // Alone on its line a label must be exactly a section's name (or a form's question); before a separator it may
  // start with one ("Action taken: …").
  // A question names its section by its key words ("What happened in the end?" asks for the Result), unless it
  // is exactly a section's alias ("What happened?").
  const def = question
    ? labelSection(framework, label, { minScore: 3, names: true }) ?? labelSection(framework, label, { minScore: 2, names: false })
    : alone
      ? labelSection(framework, label, { minScore: 3, names: false })
      : labelSection(framework, label, { minScore: 2, names: startsLikeQuestion(label) || label.trim().split(/\s+/).length <= 4 });
  if (!def) return undefined;
  return { def, heading: heading(question ? `${label.trim()}?` : label), bodyStart, alone, question };
}

// "Reflective account – a missed delivery": the kind of writing, as a title, not the Reflection's label.
const GENRE = /^reflective\s+(?:account|log|statement|diary|journal|essay|report|piece|writing|record|entry)s?\b/i;

const QUESTION_START = /^(?:what|how|why|when|where|who|which|if|did|do|was|were|describe|explain|tell)\b/i;

/** "What went well", "How I felt": worded like a form's prompt, so the words may name the section. */
export function startsLikeQuestion(label: string): boolean {
  return QUESTION_START.test(label.trim());
}

/** Labels at the start of every line of a paragraph, and after the end of a sentence inside it. */
export function paragraphLabels(framework: Framework, text: string, span: Span, out: FoundLabel[]): void {
  let pos = span.start;
  while (pos < span.end) {
    let end = text.indexOf('\n', pos);
    if (end < 0 || end > span.end) end = span.end;
    const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const found = lineLabel(framework, text, pos, lineEnd);
    if (found) out.push(found);
    midLabels(framework, text, found ? found.bodyStart : pos, lineEnd, out);
    pos = end + 1;
  }
}

function midLabels(framework: Framework, text: string, from: number, to: number, out: FoundLabel[]): void {
  if (to - from < 8) return;
  const piece = text.slice(from, to);
  MID_LABEL.lastIndex = 0;
  for (let m = MID_LABEL.exec(piece); m; m = MID_LABEL.exec(piece)) {
    const start = from + m.index + m[0].indexOf(m[1] + m[2]);
    const span = { start, end: from + m.index + m[0].trimEnd().length };
    if (m[2].length === 1) {
      // "… in June. T: I needed to …": a letter with a colon, kept only among other letters.
      const letters = framework.sections.filter((d) => d.name[0]?.toUpperCase() === m![2]);
      if (letters.length && m[0].trimEnd().endsWith(':')) out.push({ letters, heading: { text: m[2], span, style: 'label' }, bodyStart: from + m.index + m[0].length, alone: false });
      continue;
    }
    const def = labelSection(framework, m[2], { minScore: 3, names: false });
    if (!def) continue;
    out.push({ def, heading: { text: m[2], span, style: 'label' }, bodyStart: from + m.index + m[0].length, alone: false });
  }
}
