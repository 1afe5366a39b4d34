import { coverageFacts, type CoverageFacts } from './coverage-facts';
import { reflectionDepth, type ReflectionDepth } from './reflection';
import type { AccountModel, CriticMark, CriterionRef, Finding, FrontMatterFields, Severity } from './types';

/** What the workspace-wide views (coverage, report, feedback) need of one account, kept without its tree. */
export interface AccountSummary {
  /** Path or URI string, as the host gave it. */
  uri: string;
  title: string;
  /** Front matter `learner`, else the account's folder name. */
  learner: string;
  unit?: string;
  date?: string;
  status?: FrontMatterFields['status'];
  framework: string;
  /** Every framework section, in order; `inferred` when no heading or label marks it (read from the writing). */
  sections: { id: string; name: string; present: boolean; words: number; line?: number; inferred?: boolean }[];
  words: number;
  /** Empty in a compact summary (see compactSummary), which keeps only `findingsByRule`. */
  findings: Finding[];
  counts: Record<Severity, number>;
  /** How many findings each rule gave; set by compactSummary in place of `findings`. */
  findingsByRule?: Record<string, number>;
  criteria: CriterionRef[];
  /** Open tutor comments (CriticMarkup), with line numbers. */
  feedback: (CriticMark & { line: number })[];
  /** The text's length and a cheap hash, so an unchanged file is not re-analysed. */
  fingerprint: string;
  /** Where each criterion reference sits and which command-verb cues the text shows (criteria coverage). */
  evidence?: CoverageFacts;
  /** How deep the reflection goes, and the moves it makes (see reflectionDepth). */
  reflection?: ReflectionDepth;
  /**
   * Set when the account is still a template or its front matter is unfinished (see templateReasons): the report,
   * coverage and the spot-check sample list it apart and leave it out of their figures.
   */
  template?: TemplateReason[];
}

/**
 * Why an account is not counted yet:
 * - `learner-empty`: the front matter has a `learner:` field with nothing in it;
 * - `placeholder`: the title, learner, unit or criteria still hold a template's placeholder (`<learner id>`, `TBC`,
 *   `${1}`, "Title of the event");
 * - `no-writing`: no section holds any of the learner's own words (prompts in comments, or left as they were, do
 *   not count).
 */
export type TemplateReason = 'learner-empty' | 'placeholder' | 'no-writing';

export const TEMPLATE_REASON_TEXT: Record<TemplateReason, string> = {
  'learner-empty': 'no learner id in the front matter',
  placeholder: 'template placeholders in the front matter',
  'no-writing': 'no writing yet',
};

const PLACEHOLDER =
  /^(?:<[^<>]*>|\[[^[\]]*\]|\{[^{}]*\}|\$\{?\d.*|\.{3}|…|x{2,}|todo|tbc|tbd|tba|fixme|changeme|placeholder|n\/?a|(?:your|the) (?:name|id|learner(?: id)?|unit(?: id)?|title)|learner(?: id| name)?|unit(?: id)?|criteria|title(?: of (?:the|your) (?:event|account))?)$/i;

/** Whether a front-matter value is a template's placeholder rather than a real value. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim()) || /\$\{\d/.test(value);
}

/** Why an account is still a template or unfinished, for the portfolio views; empty when it counts. */
export function templateReasons(account: AccountModel): TemplateReason[] {
  const reasons: TemplateReason[] = [];
  const fm = account.frontMatter;
  if (fm && Object.prototype.hasOwnProperty.call(fm.data, 'learner') && !fm.fields.learner) reasons.push('learner-empty');
  if (fm) {
    const f = fm.fields;
    const values = [f.title, f.learner, f.unit, ...(f.criteria ?? [])].filter((v): v is string => typeof v === 'string' && v !== '');
    if (values.some(isPlaceholder)) reasons.push('placeholder');
  }
  if (ownWords(account) === 0) reasons.push('no-writing');
  return reasons;
}

/** The learner's words in the sections, not counting a section that holds only its framework prompt. */
function ownWords(account: AccountModel): number {
  if (!account.sections.length) return account.words;
  const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  let n = 0;
  for (const s of account.sections) {
    if (!s.words) continue;
    // Only a section about as long as its prompt can be the prompt: a long one is never read again here.
    const promptWords = s.def.prompt.split(/\s+/).length;
    if (s.words <= promptWords + 2 && squash(account.prose.slice(s.body.start, s.body.end)) === squash(s.def.prompt)) continue;
    n += s.words;
  }
  return n;
}

/** Whether the portfolio views count an account (it is not still a template). */
export function counted(s: Pick<AccountSummary, 'template'>): boolean {
  return !s.template?.length;
}

/** Summarise an analysed account. */
export function summarise(uri: string, account: AccountModel, findings: Finding[]): AccountSummary {
  const fm = account.frontMatter?.fields ?? {};
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  const firstHeading = account.tree.children.find((n) => n.type === 'heading' && n.depth === 1);
  const template = templateReasons(account);
  const headingTitle = firstHeading ? account.text.slice(firstHeading.position!.start.offset!, firstHeading.position!.end.offset!).replace(/^#+\s*/, '').trim() : undefined;
  return {
    uri,
    title: fm.title ?? headingTitle ?? baseName(uri),
    learner: fm.learner ?? folderName(uri),
    unit: fm.unit,
    date: fm.date,
    status: fm.status,
    framework: account.framework.id,
    sections: account.framework.sections.map((d) => {
      const s = account.sectionById.get(d.id);
      const line = s ? account.positionAt(s.heading.span.start).line : undefined;
      return { id: d.id, name: d.name, present: !!s, words: s?.words ?? 0, line, ...(s?.inferred ? { inferred: true } : {}) };
    }),
    words: account.words,
    findings,
    counts,
    criteria: account.criteria,
    feedback: account.critic
      .flatMap((m) => (m.kind === 'comment' ? [m] : m.comment ? [{ ...m.comment, span: m.span }] : []))
      // Open only: resolved comments, replies and notes need nothing from the learner.
      .filter((m) => (m.state ?? 'open') === 'open')
      .map((m) => ({ ...m, line: account.positionAt(m.span.start).line })),
    fingerprint: fingerprint(account.text),
    evidence: coverageFacts(account),
    reflection: reflectionDepth(account),
    ...(template.length ? { template } : {}),
  };
}

/** How far a section is written: a heading with nothing under it is not done, nor is one under its minimum. */
export type SectionState = 'missing' | 'empty' | 'thin' | 'written';

export function sectionState(s: AccountSummary, section: AccountSummary['sections'][number]): { state: SectionState; min?: number } {
  if (!section.present) return { state: 'missing' };
  const thin = s.findings.find((f) => f.ruleId === 'thin-section' && f.data?.section === section.id);
  const min = typeof thin?.data?.min === 'number' ? thin.data.min : undefined;
  if (section.words === 0) return { state: 'empty', min };
  return thin ? { state: 'thin', min } : { state: 'written' };
}

/**
 * The summary without its findings, only how many each rule gave: what a portfolio-wide report needs, at a
 * fraction of the size, for command-line runs over thousands of accounts.
 */
export function compactSummary(s: AccountSummary): AccountSummary {
  const byRule: Record<string, number> = {};
  for (const f of s.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  return { ...s, findings: [], findingsByRule: byRule };
}

/** Items grouped by a key, each group and the groups in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** How many findings each rule gave, from a full or a compact summary, in the order the rules first appear. */
export function findingsByRule(s: AccountSummary): [string, number][] {
  if (s.findingsByRule) return Object.entries(s.findingsByRule);
  const byRule = new Map<string, number>();
  for (const f of s.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  return [...byRule];
}

/** FNV-1a over the text plus its length: enough to tell "unchanged" without keeping the text. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

function segments(uri: string): string[] {
  return uri.replace(/[?#].*$/, '').split(/[\\/]/).filter(Boolean);
}

function baseName(uri: string): string {
  return decodeURIComponent(segments(uri).pop() ?? uri).replace(/\.(md|markdown)$/i, '');
}

function folderName(uri: string): string {
  const s = segments(uri);
  return s.length >= 2 ? decodeURIComponent(s[s.length - 2]) : '(unknown)';
}
