import type { Root } from 'mdast';

/** Severity as the user sees it; `off` only appears in configuration. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** UTF-16 offsets into the original text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Zero-based line and column (UTF-16 code units), as editors count them. */
export interface Pos {
  line: number;
  column: number;
}

/** An editor-neutral text edit: replace `span` of the original text with `newText`. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A fix described once, applied by the CLI (`--fix`) and offered by editors as a code action. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a tool may apply without asking. */
  preferred?: boolean;
  /** It edits the front matter's YAML on purpose and keeps it valid; no other fix may insert there. */
  yaml?: boolean;
}

export interface RelatedInfo {
  message: string;
  span: Span;
  start: Pos;
  end: Pos;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  start: Pos;
  end: Pos;
  /** Fixes in order of preference. */
  fixes?: Fix[];
  related?: RelatedInfo[];
  /** Rule-specific data for adapters (e.g. the phrase matched, the section id). */
  data?: Record<string, unknown>;
  /** What a tool behind the check said, word for word (the YAML parser); `starr check --verbose` shows it. */
  detail?: string;
  docsUrl: string;
}

/** What kind of writing a section holds; rules key off this, not the section's name. */
export type SectionKind = 'context' | 'task' | 'action' | 'outcome' | 'reflective';

export interface FrameworkSection {
  id: string;
  name: string;
  kind: SectionKind;
  aliases: string[];
  minWords: number;
  guidance: string;
  prompt: string;
}

export interface Framework {
  id: string;
  name: string;
  /** Where the name is long: a word for tight spaces such as the status bar. */
  shortName?: string;
  description: string;
  sections: FrameworkSection[];
}

export type StructureStyle = 'headings' | 'labels' | 'mixed' | 'unstructured';

export interface SectionHeading {
  /** The heading or label as written. */
  text: string;
  span: Span;
  style: 'heading' | 'label';
  depth?: number;
}

export interface Section {
  /** The framework section id (e.g. `result`). */
  id: string;
  def: FrameworkSection;
  heading: SectionHeading;
  /** From the heading to just before the next section (or the end). */
  span: Span;
  /** The body only: after the heading or label. */
  body: Span;
  words: number;
  /** The second and later occurrence of a section id are marked. */
  duplicate: boolean;
  /**
   * True when no heading or label marks the section and it was read from the writing itself; its heading is then
   * empty, at the start of its first paragraph (or sentence).
   */
  inferred?: boolean;
  /** Sentences of the body's prose, computed on first use. */
  readonly sentences: Span[];
  /** The first of them, without finding the rest. */
  readonly firstSentence: Span | undefined;
}

export interface FrontMatterFields {
  title?: string;
  learner?: string;
  unit?: string;
  criteria?: string[];
  date?: string;
  framework?: string;
  word_target?: number;
  status?: 'draft' | 'submitted' | 'assessed';
}

export interface YamlProblem {
  message: string;
  span: Span;
  /** `syntax` for unparsable YAML, `field` for a value of the wrong type. */
  kind: 'syntax' | 'field';
  field?: string;
  /** The YAML parser's own words, when the message explains them. */
  detail?: string;
  /** An edit to the YAML that makes the line readable, when the cause is clear. */
  fix?: { title: string; span: Span; newText: string; preferred?: boolean };
}

export interface FrontMatter {
  /** The whole block, fences included. */
  span: Span;
  /** The YAML between the fences. */
  content: Span;
  raw: string;
  /** Every field as parsed, unknown ones kept. */
  data: Record<string, unknown>;
  fields: FrontMatterFields;
  /** Where each top-level field's value sits. */
  fieldSpans: Record<string, Span>;
  problems: YamlProblem[];
}

export interface CriterionRef {
  id: string;
  span: Span;
  source: 'front-matter' | 'inline';
  /** The section the inline reference sits in, if any. */
  sectionId?: string;
}

export type CriticKind = 'comment' | 'highlight' | 'addition' | 'deletion' | 'substitution';

export interface CriticMark {
  kind: CriticKind;
  /** The whole mark, delimiters included. For a highlight followed by a comment, the highlight only. */
  span: Span;
  /** The text inside the delimiters (for a substitution, old and new). */
  text: string;
  oldText?: string;
  newText?: string;
  /** For a highlight: the comment that follows it, if any. */
  comment?: CriticMark;
  /** Parsed `[author state]` prefix of a comment. */
  author?: string;
  state?: string;
  /** The comment text without its prefix. */
  body?: string;
  /** Between the delimiters (for a highlight with a comment, the highlight's own text). */
  inner?: Span;
  /** A comment's author: role (`tutor`) and initials (`AB`), from the prefix. */
  role?: string;
  initials?: string;
  /** The whole `[…]` prefix, brackets included, and the state word inside it, when written. */
  prefix?: Span;
  stateSpan?: Span;
}

export interface CriticProblem {
  message: string;
  span: Span;
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Empty means every rule. */
  rules: string[];
  span: Span;
}

export interface Block {
  type: string;
  span: Span;
}

export interface AccountModel {
  text: string;
  /** Path or URI the text came from, if known; used only in messages. */
  path?: string;
  tree: Root;
  frontMatter?: FrontMatter;
  framework: Framework;
  structure: StructureStyle;
  /** Detected sections in document order (duplicates included). */
  sections: Section[];
  /** First occurrence of each framework section. */
  sectionById: Map<string, Section>;
  /** Text before the first section. */
  preamble: Span;
  /** The document's prose: same length as `text`, with everything that is not prose blanked to spaces. */
  prose: string;
  words: number;
  criteria: CriterionRef[];
  critic: CriticMark[];
  criticProblems: CriticProblem[];
  directives: Directive[];
  /** Paragraphs, in order (computed on first use). */
  readonly paragraphs: Block[];
  /** Offset -> line/column. */
  positionAt(offset: number): Pos;
  offsetAt(pos: Pos): number;
}

/** Cancellation as every host can provide it. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}
