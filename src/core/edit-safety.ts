// One set of rules for where a fix may change an account, used by the analysis for every rule's fixes (so by
// `starr check --fix` and the editor's quick fixes alike) and for the editor's "disable" actions. A fix that
// would break a feedback mark or the front matter is not offered at all.
import { misplacedFrontMatter } from './frontmatter';
import type { AccountModel, Fix, Span, TextEdit } from './types';

/** A part of the text a fix must keep whole. */
export interface LockedRegion {
  span: Span;
  /** Where a replacement may go: a mark's own text, the front matter's YAML. */
  open: Span[];
  /** Nothing may be inserted before it either: the front matter must stay at the very top. */
  top?: boolean;
  /** Where a fix that edits the YAML on purpose (`Fix.yaml`) may also insert. */
  yaml?: Span;
}

/**
 * The regions of an account no fix may insert into or cut across: each feedback mark (a highlight with its
 * comment as one), the front matter, and a front matter block written below something else with all
 * that comes before it.
 */
export function lockedRegions(account: AccountModel): LockedRegion[] {
  const out: LockedRegion[] = [];
  const fm = account.frontMatter;
  if (fm) out.push({ span: { start: 0, end: fm.span.end }, open: [fm.content], top: true, yaml: fm.content });
  else {
    const late = misplacedFrontMatter(account.text);
    if (late) out.push({ span: { start: 0, end: late.block.end }, open: [late.lead, late.content], top: true });
  }
  for (const m of account.critic) {
    const inner = m.inner!;
    if (m.kind === 'substitution') {
      const arrow = inner.start + m.oldText!.length;
      out.push({ span: m.span, open: [{ start: inner.start, end: arrow }, { start: arrow + 2, end: inner.end }] });
    } else if (m.comment) {
      out.push({ span: { start: m.span.start, end: m.comment.span.end }, open: [inner, m.comment.inner!] });
    } else out.push({ span: m.span, open: [inner] });
  }
  return out;
}

const within = (a: Span, b: Span) => b.start <= a.start && a.end <= b.end;

function editIsSafe(e: TextEdit, r: LockedRegion, yaml: boolean): boolean {
  const { start, end } = e.span;
  if (start === end) {
    if (yaml && r.yaml && within(e.span, r.yaml)) return true;
    return r.top ? start >= r.span.end : start <= r.span.start || start >= r.span.end;
  }
  if (end <= r.span.start || start >= r.span.end) return true;
  if (start <= r.span.start && end >= r.span.end) return true;
  return r.open.some((w) => within(e.span, w));
}

/** Whether every edit of a fix keeps the locked regions whole. */
export function isSafeFix(fix: Fix, regions: readonly LockedRegion[]): boolean {
  return fix.edits.every((e) => regions.every((r) => editIsSafe(e, r, fix.yaml === true)));
}

/** The finding a "disable" fix is for: its rule and where it starts. */
export interface DisableTarget {
  ruleId: string;
  span: Span;
}

/**
 * "Disable this rule for this line" (a directive on the line above) and "for this file" (a directive just
 * after the front matter, or at the very top), each only where the directive cannot break anything.
 * `frontMatterEnd` is the offset just after the front matter's closing fence (0 when there is none).
 */
export function disableFixes(text: string, f: DisableTarget, frontMatterEnd: number, regions: readonly LockedRegion[]): Fix[] {
  // Inside the front matter an HTML comment would break the YAML, and a directive only covers what follows it.
  if (f.span.start < frontMatterEnd) return [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let lineStart = f.span.start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  const atLineStart = frontMatterEnd === 0 || text[frontMatterEnd - 1] === '\n' || text[frontMatterEnd - 1] === '\r';
  const fileText = frontMatterEnd > 0 ? `${atLineStart ? '' : eol}<!-- starr-disable ${f.ruleId} -->${eol}` : `<!-- starr-disable ${f.ruleId} -->${eol}${eol}`;
  const fixes: Fix[] = [
    { title: `Disable ${f.ruleId} for this line`, edits: [{ span: { start: lineStart, end: lineStart }, newText: `${indent}<!-- starr-disable-next-line ${f.ruleId} -->${eol}` }] },
    { title: `Disable ${f.ruleId} for this file`, edits: [{ span: { start: frontMatterEnd, end: frontMatterEnd }, newText: fileText }] },
  ];
  return fixes.filter((x) => isSafeFix(x, regions));
}
