// What every export format shares: the checks that must pass first, the account with its feedback settled, and the
// details that head the document. The formats themselves (Word, HTML, text) only render what this gives them.
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toString as mdToString } from 'mdast-util-to-string';
import { analyze, buildAccountFor } from '../analysis/analyze';
import type { ResolvedConfig } from '../core/config';
import { computeCoverage, STATE_TEXT } from '../core/coverage';
import type { CriteriaCatalog } from '../core/criteria';
import { acceptAll, feedbackThreads, openThreads } from '../core/feedback';
import { applyEdits } from '../core/edits';
import { summarise } from '../core/portfolio';
import type { TextEdit } from '../core/types';

export type ExportFormat = 'docx' | 'html' | 'txt';

export interface ExportOptions {
  format: ExportFormat;
  /** The settings in force for the account (framework, rule severities). */
  config: ResolvedConfig;
  /** The criteria sets the host has loaded: for unknown-criterion checks and the criteria table. */
  catalog?: CriteriaCatalog;
  /** The account's path or name: in messages, and its title when it has none. */
  path?: string;
  /** Keep tutor feedback: as Word comments in .docx, in brackets in HTML and text. */
  includeFeedback?: boolean;
  /** Export even when the account still has errors. */
  force?: boolean;
  /** Add a table of the criteria claimed and where in the account each is evidenced. */
  criteriaTable?: boolean;
  now?: Date;
}

export type ExportResult =
  | { ok: true; bytes: Uint8Array; notes: string[] }
  /** `errors`: the checks found errors (export with force); `feedback`: open comments (resolve them, or include them). */
  | { ok: false; why: 'errors' | 'feedback'; reasons: string[] };

/** One piece of tutor feedback kept in the export. */
export interface KeptComment {
  id: number;
  /** "tutor", "assessor"… */
  role: string;
  initials?: string;
  /** The comment, then each reply as "role: text". */
  paragraphs: string[];
}

export interface PreparedAccount {
  title: string;
  /** The details table: label → value (only those known). */
  details: [string, string][];
  /** The account's body, without front matter and title, as Markdown parsed with GFM. */
  body: RootContent[];
  /** Kept feedback; the body's text holds COMMENT_START/COMMENT_END markers with each id where it applies. */
  comments: KeptComment[];
  criteria?: { id: string; text: string; where: string; state: string }[];
  notes: string[];
}

/** Private-use characters around a comment's id: where its highlighted words start and end (or the same place). */
export const COMMENT_START = '\uE000';
export const COMMENT_END = '\uE002';
export const COMMENT_MARK = /([\uE000\uE002])(\d+)\uE001/g;

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** Parse Markdown as the export renders it (with GFM tables and strikethrough). */
function parseBody(text: string): Root {
  return processor.parse(text) as Root;
}

/** Check the account, settle its feedback and collect what the formats render; or the reasons it may not be exported yet. */
export function prepareExport(text: string, options: ExportOptions): { ok: true; account: PreparedAccount } | Extract<ExportResult, { ok: false }> {
  const { account, findings } = analyze(text, { config: options.config, path: options.path, criteria: options.catalog, now: options.now });
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length && !options.force) {
    return { ok: false, why: 'errors', reasons: errors.map((f) => `line ${f.start.line + 1}: ${f.message}`) };
  }
  const open = openThreads(text, account.critic);
  if (open.length && !options.includeFeedback) {
    return {
      ok: false,
      why: 'feedback',
      reasons: open.map((t) => `line ${account.positionAt(t.span.start).line + 1}: ${t.author ?? 'feedback'}: ${oneLine(t.root.body ?? t.root.text)}`),
    };
  }

  const notes: string[] = [];
  if (errors.length) notes.push(`Exported with ${errors.length === 1 ? 'an error' : `${errors.length} errors`} still in the account, as asked.`);
  // Suggested changes are taken as accepted; then comments are either dropped or kept as markers.
  let clean = applyEdits(text, acceptAll(text, { removeFeedback: !options.includeFeedback }, account.critic));
  const comments: KeptComment[] = [];
  if (options.includeFeedback) {
    const edits: TextEdit[] = [];
    for (const t of feedbackThreads(clean)) {
      const id = comments.length;
      const mark = (m: string) => `${m}${id}\uE001`;
      const paragraphs = [oneLine(t.root.body ?? t.root.text), ...t.replies.map((r) => `${r.author ?? 'reply'}: ${oneLine(r.body ?? r.text)}`)];
      comments.push({ id, role: t.root.role ?? 'tutor', initials: t.root.initials, paragraphs });
      edits.push({ span: t.span, newText: `${mark(COMMENT_START)}${t.highlight?.text ?? ''}${mark(COMMENT_END)}` });
    }
    clean = applyEdits(clean, edits);
    if (comments.length) notes.push(`${comments.length === 1 ? 'One piece' : `${comments.length} pieces`} of feedback kept${options.format === 'docx' ? ' as Word comments' : ''}.`);
  }

  const tree = parseBody(clean);
  keepSafeLinks(tree);
  let body = tree.children.filter((n) => n.type !== 'yaml' && n.type !== 'html');
  const fm = account.frontMatter?.fields ?? {};
  const first = body[0];
  let title = fm.title;
  // A first level-1 heading is the title, unless it is a section's own heading ("# Situation").
  const sectionHeadings = new Set(account.sections.filter((s) => s.heading.style === 'heading').map((s) => s.heading.text.trim()));
  if (first?.type === 'heading' && first.depth === 1 && !sectionHeadings.has(mdToString(first).trim())) {
    title ??= mdToString(first).replace(COMMENT_MARK, '').trim();
    body = body.slice(1);
  }
  title ||= baseName(options.path) || 'Reflective account';

  const unitSet = options.catalog?.unit(fm.unit);
  const details: [string, string][] = [];
  if (fm.learner) details.push(['Learner', fm.learner]);
  if (fm.unit) details.push(['Unit', unitSet ? `${unitSet.set.id} – ${unitSet.set.title}` : fm.unit]);
  if (fm.criteria?.length) details.push(['Criteria claimed', fm.criteria.join(', ')]);
  if (fm.date) details.push(['Date', fm.date]);
  // The words the learner wrote, as the checks count them: without feedback.
  const words = buildAccountFor(options.includeFeedback ? applyEdits(text, acceptAll(text, { removeFeedback: true }, account.critic)) : clean, options.config).words;
  details.push(['Word count', words.toLocaleString('en-GB')]);

  let criteria: PreparedAccount['criteria'];
  if (options.criteriaTable) {
    if (!unitSet || !options.catalog) notes.push(fm.unit ? `No criteria table: I have no criteria set for unit ${fm.unit}.` : 'No criteria table: the account names no unit in its front matter.');
    else {
      const uri = options.path ?? 'account.md';
      const report = computeCoverage([summarise(uri, account, findings)], options.catalog, { units: [unitSet.set.id] });
      criteria = [];
      for (const o of report.units[0]?.outcomes ?? []) {
        for (const c of o.criteria) {
          const mine = c.accounts.find((a) => a.uri === uri);
          if (!mine) continue;
          const sections = [...new Set(mine.refs.filter((r) => r.sectionName).map((r) => r.sectionName!))];
          criteria.push({ id: c.criterion.id, text: c.criterion.text, where: sections.length ? sections.join(', ') : 'Claimed in the details only', state: STATE_TEXT[c.state] });
        }
      }
      if (!criteria.length) notes.push('No criteria table: the account claims no criteria of its unit.');
    }
  }
  return { ok: true, account: { title, details, body, comments, criteria, notes } };
}

/** Links keep their words; only web and email addresses stay links (a `javascript:` one must not reach a Word or HTML file). */
function keepSafeLinks(node: Root | RootContent): void {
  if (!('children' in node)) return;
  const children = node.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if ((c.type === 'link' && !/^(?:https?:|mailto:)/i.test(c.url.trim())) || c.type === 'linkReference') {
      children.splice(i, 1, ...(c.children as RootContent[]));
      i--;
      continue;
    }
    keepSafeLinks(c);
  }
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function baseName(p: string | undefined): string {
  if (!p) return '';
  return decodeURIComponent(p.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')).replace(/[-_]+/g, ' ').trim();
}

/** "Tutor AB", "Assessor": how a comment's author is named in the export. */
export function authorName(c: KeptComment): string {
  const role = c.role[0].toUpperCase() + c.role.slice(1);
  return c.initials ? `${role} ${c.initials}` : role;
}
