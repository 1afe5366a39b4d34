import type { Content, Heading, Html, Paragraph, Root, Strong } from 'mdast';
import { scanCritic } from './critic';
import { readFrontMatter, frontMatterCriteriaSpans } from './frontmatter';
import { LineIndex } from './lines';
import { parseMarkdown } from './parse';
import { matchSection } from './sections';
import { findStructure, type SectionCandidate } from './structure';
import { isPhraseWordAt, eachSentence, sentenceSpans, spanContains } from './text';
import { countWords } from './fast-paths';
import type {
  AccountModel, Block, CriterionRef, Directive, Framework, FrameworkSection, FrontMatter, Pos, Section,
  SectionHeading, Span, StructureStyle,
} from './types';

export interface BuildOptions {
  /** The framework to use when the front matter does not name one. */
  framework: Framework;
  /** Look up a framework named in front matter. */
  resolveFramework?: (id: string) => Framework | undefined;
  path?: string;
}

type Candidate = SectionCandidate;

type Node = Root | Content;

/** Turn the text of a reflective account into its model. Parses once; everything else reads the tree. */
export function buildAccount(text: string, options: BuildOptions): AccountModel {
  // micromark skips a byte-order mark without counting it, so parse without it and shift offsets back.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = parseMarkdown(shift ? text.slice(1) : text);
  const lines = new LineIndex(text);
  const spanOf = (n: Node): Span => ({
    start: (n.position?.start.offset ?? 0) + shift,
    end: (n.position?.end.offset ?? 0) + shift,
  });

  let frontMatter: FrontMatter | undefined;
  const headings: Heading[] = [];
  const paragraphs: Block[] = [];
  const labelCandidates: Paragraph[] = [];
  const htmlNodes: Html[] = [];
  // Prose = text nodes outside headings; everything else (code, HTML, front matter, URLs, markers) is blanked.
  const proseParts: string[] = [];
  let proseEnd = 0;
  const blank = (from: number, to: number) => {
    if (to > from) proseParts.push(blanked(text, from, to));
  };

  // Iterative walk: deeply nested lists must not overflow the stack.
  const stack: Node[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'yaml': {
        const s = spanOf(node);
        frontMatter = readFrontMatter(text, s.start, s.end, node.value);
        continue;
      }
      case 'heading':
        headings.push(node);
        continue;
      case 'html':
        htmlNodes.push(node);
        continue;
      case 'text': {
        // Offsets read directly: this runs for every text node, so no span object.
        const start = (node.position?.start.offset ?? 0) + shift;
        const end = (node.position?.end.offset ?? 0) + shift;
        if (start >= proseEnd && end > start) {
          blank(proseEnd, start);
          proseParts.push(text.slice(start, end));
          proseEnd = end;
        }
        continue;
      }
      case 'code':
      case 'inlineCode':
      case 'image':
      case 'imageReference':
      case 'definition':
        continue;
      case 'paragraph':
        paragraphs.push({ type: 'paragraph', span: spanOf(node) });
        if (node.children[0]?.type === 'strong' || node.children[0]?.type === 'text') labelCandidates.push(node);
        break;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
  }
  blank(proseEnd, text.length);
  let prose = proseParts.join('');

  // CriticMarkup: only where it sits in prose (not in code), and never counted as the learner's words.
  // Marks on a heading line (a tutor's note on the heading) count too; headings are blanked from prose.
  const headingSpans = headings.map(spanOf).sort((a, b) => a.start - b.start);
  const critic = scanCritic(text, (o) => prose.charCodeAt(o) === 123 /* { */ || (text.charCodeAt(o) === 123 && spanContains(headingSpans, o)));
  if (critic.marks.length) {
    const parts: string[] = [];
    let at = 0;
    const cut = (from: number, to: number) => {
      parts.push(prose.slice(at, from), blanked(prose, from, to));
      at = to;
    };
    for (const m of critic.marks) {
      if (m.kind === 'highlight') {
        // The highlighted words are the learner's: keep them, blank the delimiters and any comment.
        cut(m.span.start, m.span.start + 3);
        cut(m.span.end - 3, m.comment ? m.comment.span.end : m.span.end);
      } else cut(m.span.start, m.span.end);
    }
    parts.push(prose.slice(at));
    prose = parts.join('');
  }

  // A heading or label inside a feedback mark (a tutor's comment running over several lines) is the tutor's
  // text, not a section of the account.
  let sectionHeadings = headings;
  let sectionLabels = labelCandidates;
  let markSpans: Span[] | undefined;
  if (critic.marks.length) {
    markSpans = critic.marks.flatMap((m) => (m.comment ? [m.span, m.comment.span] : [m.span]));
    const outside = (n: Node) => !spanContains(markSpans!, spanOf(n).start);
    sectionHeadings = headings.filter(outside);
    sectionLabels = labelCandidates.filter(outside);
  }

  // Framework: front matter may choose one.
  let framework = options.framework;
  const named = frontMatter?.fields.framework;
  if (named && options.resolveFramework) framework = options.resolveFramework(named) ?? framework;

  // Section candidates: headings at any level, and bold or "Label:" paragraph starts.
  let candidates: Candidate[] = [];
  const otherHeadings: { text: string; span: Span; depth: number }[] = [];
  for (const h of sectionHeadings) {
    const raw = nodeText(h);
    const m = matchSection(framework, raw, 'heading');
    const s = spanOf(h);
    if (m) candidates.push({ def: m.def, heading: { text: raw.trim(), span: s, style: 'heading', depth: h.depth }, bodyStart: s.end });
    else otherHeadings.push({ text: raw, span: s, depth: h.depth });
  }
  for (const p of sectionLabels) {
    const c = labelOf(p, framework, text, spanOf);
    if (c) candidates.push(c);
  }
  candidates.sort((a, b) => a.heading.span.start - b.heading.span.start);
  // Labels anywhere in a line or sentence, form questions, titles, and sections read from unmarked writing.
  candidates = findStructure({ text, prose, framework, candidates, paragraphs: paragraphs.map((p) => p.span), otherHeadings, marks: markSpans, bodyStart: frontMatter ? frontMatter.span.end : shift });
  // A sub-heading ("### Background" under "## Situation") that names a section already seen is part of
  // the current section, not a new one.
  const seen = new Set<string>();
  let current: Candidate | undefined;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const deeper = current?.heading.depth !== undefined && c.heading.depth !== undefined && c.heading.depth > current.heading.depth;
    if (deeper && seen.has(c.def.id)) {
      candidates.splice(i--, 1);
      continue;
    }
    seen.add(c.def.id);
    current = c;
  }

  const sections: Section[] = [];
  const sectionById = new Map<string, Section>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const end = i + 1 < candidates.length ? candidates[i + 1].heading.span.start : text.length;
    const body = { start: Math.min(c.bodyStart, end), end };
    const section = new SectionImpl(c.def, c.heading, { start: c.heading.span.start, end }, body, countWords(prose, body.start, body.end), sectionById.has(c.def.id), prose, c.inferred === true);
    sections.push(section);
    if (!section.duplicate) sectionById.set(c.def.id, section);
  }
  // Inferred sections have no heading of their own: an account with nothing else is still unstructured.
  const styles = new Set(sections.filter((s) => !s.inferred).map((s) => s.heading.style));
  const structure: StructureStyle = styles.size === 0 ? 'unstructured' : styles.size === 2 ? 'mixed' : styles.has('label') ? 'labels' : 'headings';
  const bodyStart = frontMatter ? frontMatter.span.end : shift;
  const preamble = { start: bodyStart, end: sections[0]?.span.start ?? text.length };

  // Words that start in each stretch, added up: the sections' bodies are counted already.
  let words = countWords(prose, 0, preamble.end);
  for (const s of sections) words += countWords(prose, s.span.start, s.body.start) + s.words;

  const criteria: CriterionRef[] = [];
  if (frontMatter?.fields.criteria) {
    for (const c of frontMatterCriteriaSpans(frontMatter, text)) criteria.push({ id: c.id, span: c.span, source: 'front-matter' });
  }
  for (const r of inlineCriteria(prose)) {
    const sec = sections.find((s) => r.span.start >= s.span.start && r.span.start < s.span.end);
    criteria.push({ ...r, source: 'inline', sectionId: sec?.id });
  }

  const directives = readDirectives(htmlNodes, spanOf);

  return {
    text,
    path: options.path,
    tree,
    frontMatter,
    framework,
    structure,
    sections,
    sectionById,
    preamble,
    prose,
    words,
    criteria,
    critic: critic.marks,
    criticProblems: critic.problems,
    directives,
    paragraphs,
    positionAt: (o: number): Pos => lines.positionAt(o),
    offsetAt: (p: Pos): number => lines.offsetAt(p),
  };
}

/** [from, to) of text with every character but line breaks turned into a space. */
function blanked(text: string, from: number, to: number): string {
  let out = '';
  let run = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (i > run) out += spaces(i - run);
      out += c === 10 ? '\n' : '\r';
      run = i + 1;
    }
  }
  return to > run ? out + spaces(to - run) : out;
}

let SPACES = ' '.repeat(256);
function spaces(n: number): string {
  while (SPACES.length < n) SPACES += SPACES;
  return SPACES.slice(0, n);
}

/**
 * The plain text of a node, as mdast-util-to-string gives it, but without recursion: a heading of thousands of
 * nested emphasis marks must not overflow the stack.
 */
export function nodeText(node: Node): string {
  const out: string[] = [];
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if ('value' in n && typeof n.value === 'string') out.push(n.value);
    else if ('alt' in n && n.alt) out.push(n.alt);
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Node);
  }
  return out.join('');
}

class SectionImpl implements Section {
  private sentenceCache?: Span[];
  constructor(
    readonly def: FrameworkSection,
    readonly heading: SectionHeading,
    readonly span: Span,
    readonly body: Span,
    readonly words: number,
    readonly duplicate: boolean,
    private readonly prose: string,
    readonly inferred: boolean,
  ) {}
  get id(): string {
    return this.def.id;
  }
  get sentences(): Span[] {
    return (this.sentenceCache ??= sentenceSpans(this.prose, this.body.start, this.body.end));
  }
  get firstSentence(): Span | undefined {
    return this.sentenceCache ? this.sentenceCache[0] : eachSentence(this.prose, this.body.start, this.body.end).next().value ?? undefined;
  }
}

/** `**Situation:** …`, `**Situation**` alone, or `Situation: …` at the start of a paragraph. */
function labelOf(p: Paragraph, framework: Framework, text: string, spanOf: (n: Node) => Span): Candidate | undefined {
  const first = p.children[0];
  if (first.type === 'strong') {
    const label = nodeText(first as Strong);
    if (label.length > 60) return undefined;
    const m = matchSection(framework, label, 'label');
    if (!m || m.score < 2) return undefined;
    const s = spanOf(first);
    let end = s.end;
    // A colon or dash just after the bold label belongs to the label.
    const after = /^\s*[:–—-]/.exec(text.slice(end, end + 4));
    if (after) end += after[0].length;
    return { def: m.def, heading: { text: label.replace(/[\s:–—-]+$/, ''), span: { start: s.start, end }, style: 'label' }, bodyStart: end };
  }
  if (first.type === 'text') {
    const colon = LABEL.exec(first.value);
    if (!colon) return undefined;
    const m = matchSection(framework, colon[1], 'label');
    if (!m || m.score < 3) return undefined;
    const s = spanOf(first);
    // Only when the source matches the text node exactly (no escapes), so offsets stay exact.
    if (text.slice(s.start, s.start + colon[0].length) !== colon[0]) return undefined;
    return { def: m.def, heading: { text: colon[1], span: { start: s.start, end: s.start + colon[0].length }, style: 'label' }, bodyStart: s.start + colon[0].length };
  }
  return undefined;
}

const LABEL = /^([A-Za-z][A-Za-z' ]{1,38}?)\s*:/;

// "AC 1.2", "ACs 1.1, 1.2 and 3.1", "(AC 2.3/2.4)", "AC2.1a".
const INLINE_CRITERIA = /\bACs?\s*:?\s*\d+(?:\.\d+)+[a-z]?(?:\s*(?:,|&|\/|\band\b|\bor\b)\s*\d+(?:\.\d+)+[a-z]?)*/gi;
const CRITERION_ID = /\d+(?:\.\d+)+[a-z]?/gi;

/** Criterion references in the prose, each starting a word (not "TRAC 1.2", nor "caféAC 1.3"). */
export function inlineCriteria(prose: string): { id: string; span: Span }[] {
  const out: { id: string; span: Span }[] = [];
  INLINE_CRITERIA.lastIndex = 0;
  for (let m = INLINE_CRITERIA.exec(prose); m; m = INLINE_CRITERIA.exec(prose)) {
    if (isPhraseWordAt(prose, m.index - 1)) {
      INLINE_CRITERIA.lastIndex = m.index + 1;
      continue;
    }
    CRITERION_ID.lastIndex = 0;
    for (let id = CRITERION_ID.exec(m[0]); id; id = CRITERION_ID.exec(m[0])) {
      const start = m.index + id.index;
      out.push({ id: id[0], span: { start, end: start + id[0].length } });
    }
  }
  return out;
}

const DIRECTIVE = /<!--\s*starr-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

function readDirectives(nodes: Html[], spanOf: (n: Node) => Span): Directive[] {
  const out: Directive[] = [];
  for (const n of nodes) {
    const s = spanOf(n);
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(n.value); m; m = DIRECTIVE.exec(n.value)) {
      const start = s.start + m.index;
      out.push({
        kind: m[1] as Directive['kind'],
        rules: m[2].split(/[\s,]+/).filter(Boolean),
        span: { start, end: start + m[0].length },
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
