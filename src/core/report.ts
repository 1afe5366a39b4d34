import { computeCoverage, coverageSummary } from './coverage';
import type { CriteriaCatalog } from './criteria';
import { counted, findingsByRule, groupBy, TEMPLATE_REASON_TEXT, type AccountSummary } from './portfolio';
import { DEPTH_GRADES, DEPTH_TEXT, MOVE_TEXT, type DepthGrade } from './reflection';
import type { Severity } from './types';

/**
 * The quality-assurance report: one row per account and a summary, built from portfolio summaries and
 * rendered as Markdown, CSV, JSON or a standalone HTML page. Pure: the CLI and the editor share it.
 */

export interface ReportRow {
  uri: string;
  /** How to show the account: a path relative to the portfolio, or the URI. */
  path: string;
  title: string;
  learner: string;
  unit: string;
  date: string;
  status: string;
  framework: string;
  /** Each framework section with its initial (S T A R R) and whether it is present. */
  sections: { id: string; name: string; letter: string; present: boolean; words: number }[];
  /** How deep the reflection goes ('' when not known), and what a deep one would add. */
  reflection: DepthGrade | '';
  reflectionMissing: string[];
  words: number;
  errors: number;
  warnings: number;
  /** Information and hints together. */
  info: number;
  criteria: string[];
  openFeedback: number;
  /** Why the account was sampled (only in a sample). */
  reason?: string;
}

/** An account left out of the figures because it is still a template or its front matter is unfinished. */
export interface TemplateRow {
  uri: string;
  path: string;
  title: string;
  /** Why it is not counted, in words: "no learner id in the front matter", "no writing yet". */
  reasons: string[];
}

export interface CriteriaGap {
  learner: string;
  unit: string;
  /** Criteria of the unit no account of this learner evidences. */
  missing: string[];
  /** Criteria evidenced only weakly (see the Coverage view), when known. */
  weak?: string[];
  /** How many criteria the unit has. */
  total: number;
}

export interface ReportSummary {
  /** Accounts counted: templates and accounts with unfinished front matter are listed apart (`templates`). */
  accounts: number;
  /** Accounts not counted because they are still templates (see QualityReport.templates). */
  templates: number;
  learners: number;
  units: number;
  words: number;
  findings: Record<Severity, number>;
  accountsWithErrors: number;
  openFeedback: number;
  accountsWithOpenFeedback: number;
  /** Rules by the number of accounts they fire in, most first (top 10). */
  commonFindings: { ruleId: string; accounts: number; findings: number }[];
  /** How many accounts lack each section, by section name. */
  missingSections: { name: string; accounts: number }[];
  /** How many accounts have each depth of reflection. */
  reflectionDepths: Record<DepthGrade, number>;
  /** Criteria gaps per learner and unit, when criteria sets are available; otherwise undefined. */
  gaps?: CriteriaGap[];
}

export interface SampleInfo {
  seed: string;
  size: number;
  /** Learners and units in the whole portfolio and how many of each the sample reaches. */
  learners: { total: number; covered: number };
  units: { total: number; covered: number };
  /** Accounts left out of the pool because they are still templates. */
  templates: number;
}

export interface QualityReport {
  title: string;
  /** ISO date-time the report was made. */
  generated: string;
  rows: ReportRow[];
  /** Accounts left out of the rows and the summary: still templates, or front matter unfinished. */
  templates: TemplateRow[];
  summary: ReportSummary;
  sample?: SampleInfo;
  /** Set when only the accounts matching a filter are shown: the filter's text and how many accounts there are in all. */
  filter?: { text: string; total: number };
}

export interface ReportOptions {
  title?: string;
  now?: Date;
  /** Turn a URI into the path shown; default: the URI as given. */
  relative?: (uri: string) => string;
  /**
   * Criteria gaps for one learner's accounts, supplied by an adapter that has criteria sets loaded
   * (from the coverage module). Left out, the report has no gaps section.
   */
  gaps?: (learner: string, accounts: AccountSummary[]) => CriteriaGap[];
  /**
   * The criteria set a unit name stands for (aliases resolved), or '' when no set has it. Given, `gaps` is
   * asked about one set of a learner's accounts at a time, and never about accounts whose unit no set has
   * (they can have no gaps), so a learner with thousands of accounts is never held in memory at once.
   */
  unitKey?: (unit: string | undefined) => string;
  /** Per-account reason (for a sample). */
  reasons?: Map<string, string>;
  sample?: SampleInfo;
}

const NO_UNIT = '(no unit)';
/** Without ReportOptions.unitKey, a learner's accounts are asked about together. */
const ALL_UNITS = '*';

// One collator for every comparison: creating one per call (localeCompare with options) is slow.
let collator: Intl.Collator | undefined;
const naturalCollator = () => (collator ??= new Intl.Collator('en', { numeric: true }));

/** Criteria ids in a natural order: 1.2 before 1.10, 2 before 2.1. */
export function compareIds(a: string, b: string): number {
  return naturalCollator().compare(a, b);
}

export function openFeedbackCount(s: AccountSummary): number {
  return s.feedback.filter((f) => (f.state ?? 'open') === 'open').length;
}

export function buildReport(all: AccountSummary[], options: ReportOptions = {}): QualityReport {
  const src = reportSource(all, (s) => s, options);
  return { ...src.head, rows: [...src.rows()] };
}

/** What a report reads of an account to order and group it; the rest can be loaded when its turn comes. */
export type SummaryRef = Pick<AccountSummary, 'uri' | 'learner' | 'unit' | 'template'>;

/**
 * A report whose rows come one at a time: `head` is the report without its rows (`rows` empty), `rows()` gives
 * them in order, `count` how many there are, `reasons` whether they say why they were picked (a sample).
 */
export interface ReportSource {
  head: QualityReport;
  rows(): Iterable<ReportRow>;
  count: number;
  reasons: boolean;
}

/** A report built in memory, as a source for the renderers. */
export function sourceOf(r: QualityReport): ReportSource {
  return { head: r, rows: () => r.rows, count: r.rows.length, reasons: r.rows.some((x) => x.reason !== undefined) };
}

function reportRow(s: AccountSummary, rel: (uri: string) => string, options: ReportOptions): ReportRow {
  return {
    uri: s.uri,
    path: rel(s.uri),
    title: s.title,
    learner: s.learner,
    unit: s.unit ?? '',
    date: s.date ?? '',
    status: s.status ?? '',
    framework: s.framework,
    sections: s.sections.map((x) => ({ id: x.id, name: x.name, letter: x.name.charAt(0).toUpperCase(), present: x.present, words: x.words })),
    reflection: s.reflection?.depth ?? '',
    reflectionMissing: s.reflection && s.reflection.depth !== 'none' ? s.reflection.missing : [],
    words: s.words,
    errors: s.counts.error,
    warnings: s.counts.warning,
    info: s.counts.info + s.counts.hint,
    criteria: [...new Set(s.criteria.map((c) => c.id))].sort(compareIds),
    openFeedback: openFeedbackCount(s),
    ...(options.reasons?.has(s.uri) ? { reason: options.reasons.get(s.uri) } : {}),
  };
}

/**
 * The report over `all`, each account's summary got through `load` when it is needed, a learner's at a time
 * for the criteria gaps and a row at a time for the table: so an archive's summaries need not all be held at
 * once. `all` in the order the report lists them before sorting (the portfolio's).
 */
export function reportSource<R extends SummaryRef>(all: R[], load: (ref: R) => AccountSummary, options: ReportOptions = {}): ReportSource {
  const rel = options.relative ?? ((u: string) => u);
  const cmp = naturalCollator().compare;
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const byRule = new Map<string, { accounts: number; findings: number }>();
  const missing = new Map<string, number>();
  const depths = Object.fromEntries(DEPTH_GRADES.map((d) => [d, 0])) as Record<DepthGrade, number>;
  const learners = new Set<string>();
  const units = new Set<string>();
  let words = 0;
  let accountsWithErrors = 0;
  let openFeedback = 0;
  let accountsWithOpenFeedback = 0;
  const templates: TemplateRow[] = [];
  const refs: R[] = [];
  for (const ref of all) {
    const s = load(ref);
    if (!counted(s)) {
      templates.push({ uri: s.uri, path: rel(s.uri), title: s.title, reasons: s.template!.map((t) => TEMPLATE_REASON_TEXT[t]) });
      continue;
    }
    refs.push(ref);
    if (s.reflection) depths[s.reflection.depth]++;
    for (const k of Object.keys(findings) as Severity[]) findings[k] += s.counts[k];
    for (const [ruleId, n] of findingsByRule(s)) {
      const r = byRule.get(ruleId) ?? { accounts: 0, findings: 0 };
      r.findings += n;
      r.accounts++;
      byRule.set(ruleId, r);
    }
    for (const x of s.sections) if (!x.present) missing.set(x.name, (missing.get(x.name) ?? 0) + 1);
    learners.add(s.learner);
    units.add(s.unit ?? NO_UNIT);
    words += s.words;
    if (s.counts.error > 0) accountsWithErrors++;
    const open = openFeedbackCount(s);
    openFeedback += open;
    if (open > 0) accountsWithOpenFeedback++;
  }
  templates.sort((a, b) => cmp(a.path, b.path));

  let gaps: CriteriaGap[] | undefined;
  if (options.gaps) {
    gaps = [];
    // A learner may have thousands of accounts: each is cut down to what coverage reads as it is loaded and,
    // with unitKey, only one unit's are loaded at a time (a unit's coverage depends on its own accounts alone).
    const lean = coverageSummary();
    const unitKey = options.unitKey ?? (() => ALL_UNITS);
    const byLearner = groupBy(refs, (r) => r.learner);
    for (const learner of [...byLearner.keys()].sort()) {
      const byUnit = groupBy(byLearner.get(learner)!, (r) => unitKey(r.unit));
      byUnit.delete('');
      // In coverage's own order of units (by set id).
      for (const k of [...byUnit.keys()].sort()) gaps.push(...options.gaps(learner, byUnit.get(k)!.map((r) => lean(load(r)))));
    }
  }

  // The rows' order: learner, unit, path (a stable sort, from the portfolio's order).
  const order = refs.map((r) => ({ r, path: rel(r.uri) }));
  order.sort((a, b) => cmp(a.r.learner, b.r.learner) || cmp(a.r.unit || NO_UNIT, b.r.unit || NO_UNIT) || cmp(a.path, b.path));

  const summary: ReportSummary = {
    accounts: refs.length,
    templates: templates.length,
    learners: learners.size,
    units: units.size,
    words,
    findings,
    accountsWithErrors,
    openFeedback,
    accountsWithOpenFeedback,
    commonFindings: [...byRule]
      .map(([ruleId, r]) => ({ ruleId, ...r }))
      .sort((a, b) => b.accounts - a.accounts || b.findings - a.findings || a.ruleId.localeCompare(b.ruleId))
      .slice(0, 10),
    missingSections: [...missing].map(([name, accounts]) => ({ name, accounts })).sort((a, b) => b.accounts - a.accounts || a.name.localeCompare(b.name)),
    reflectionDepths: depths,
    ...(gaps ? { gaps } : {}),
  };
  const head: QualityReport = {
    title: options.title ?? (options.sample ? 'STARR spot-check sample' : 'STARR quality report'),
    generated: (options.now ?? new Date()).toISOString(),
    rows: [],
    templates,
    summary,
    ...(options.sample ? { sample: options.sample } : {}),
  };
  return {
    head,
    *rows() {
      for (const { r } of order) yield reportRow(load(r), rel, options);
    },
    count: order.length,
    reasons: !!options.reasons && refs.some((r) => options.reasons!.has(r.uri)),
  };
}

/**
 * Criteria gaps from loaded criteria sets, by the same rules as the Coverage view: for each unit a learner
 * writes for, the criteria none of their accounts covers (missing), and those only weakly evidenced (weak:
 * claimed but never referenced, only in accounts with errors, or the command verb not met).
 * Units no set knows are left out.
 */
export function gapsFromCatalog(catalog: CriteriaCatalog): NonNullable<ReportOptions['gaps']> {
  return (learner, accounts) =>
    computeCoverage(accounts, catalog).units.map((u) => {
      const all = u.outcomes.flatMap((o) => o.criteria);
      return {
        learner,
        unit: u.unit.id,
        total: all.length,
        missing: all.filter((c) => c.state === 'uncovered').map((c) => c.criterion.id),
        weak: all.filter((c) => c.state === 'weak').map((c) => c.criterion.id),
      };
    });
}

/** "S T A – R" style: the initial of each section, or a dash when it is missing. */
export function sectionsCell(row: ReportRow): string {
  return row.sections.map((s) => (s.present ? s.letter : '–')).join(' ');
}

/** Plain sentences for the summary, shared by every format. */
export function summaryLines(r: QualityReport, count = r.rows.length): string[] {
  const s = r.summary;
  const lines = [
    `${s.accounts} account${s.accounts === 1 ? '' : 's'} from ${s.learners} learner${s.learners === 1 ? '' : 's'} across ${s.units} unit${s.units === 1 ? '' : 's'}; ${s.words.toLocaleString('en-GB')} words in all.`,
    `${s.accountsWithErrors} account${s.accountsWithErrors === 1 ? ' has' : 's have'} errors. Findings: ${s.findings.error} error${s.findings.error === 1 ? '' : 's'}, ${s.findings.warning} warning${s.findings.warning === 1 ? '' : 's'}, ${s.findings.info + s.findings.hint} for information.`,
    `${s.openFeedback} open feedback comment${s.openFeedback === 1 ? '' : 's'} in ${s.accountsWithOpenFeedback} account${s.accountsWithOpenFeedback === 1 ? '' : 's'}.`,
  ];
  if (s.templates) {
    lines.push(`${s.templates} more account${s.templates === 1 ? ' is' : 's are'} not counted: still ${s.templates === 1 ? 'a template' : 'templates'} or missing the learner id (listed under Not counted yet).`);
  }
  const d = s.reflectionDepths;
  if (d && DEPTH_GRADES.some((g) => d[g])) {
    lines.push(`Reflection depth: ${d.deep} deep, ${d.shallow} shallow, ${d.descriptive} descriptive, ${d.none} with no reflection.`);
  }
  if (r.sample) {
    const left = r.sample.templates ? ` ${r.sample.templates} account${r.sample.templates === 1 ? '' : 's'} still ${r.sample.templates === 1 ? 'a template was' : 'templates were'} left out of the pool.` : '';
    lines.unshift(`Sample of ${r.filter?.total ?? count} with seed "${r.sample.seed}": ${r.sample.learners.covered} of ${r.sample.learners.total} learners and ${r.sample.units.covered} of ${r.sample.units.total} units represented.${left}`);
  }
  if (r.filter) lines.unshift(`Showing ${count} of ${r.filter.total} account${r.filter.total === 1 ? '' : 's'}: those matching "${r.filter.text}".`);
  return lines;
}

/** The words a filter looks for in a row: everything its line in the report shows. */
function rowText(x: ReportRow): string {
  return [x.learner, x.unit, x.date, x.status, sectionsCell(x), reflectionCell(x), x.words, x.errors, x.warnings, x.info, x.criteria.join(', '), x.openFeedback, x.title, x.path, x.reason ?? '']
    .join(' ')
    .toLowerCase();
}

/**
 * The report cut down to the accounts whose row holds every word of `text` (in any case), with the summary
 * recounted over those alone, so the figures describe what is shown. Rows keep their order. `summaries` are the
 * report's accounts; `options` those it was built with (for the criteria gaps and paths).
 */
export function filterReport(r: QualityReport, summaries: AccountSummary[], text: string, options: ReportOptions = {}): QualityReport {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return r;
  const keep = new Set(r.rows.filter((x) => { const t = rowText(x); return words.every((w) => t.includes(w)); }).map((x) => x.uri));
  const reasons = new Map(r.rows.flatMap((x) => (x.reason !== undefined ? [[x.uri, x.reason] as const] : [])));
  const sub = buildReport(summaries.filter((s) => keep.has(s.uri) || !counted(s)), { ...options, title: r.title, now: new Date(r.generated), reasons, sample: r.sample });
  const rank = new Map(r.rows.map((x, i) => [x.uri, i]));
  sub.rows.sort((a, b) => rank.get(a.uri)! - rank.get(b.uri)!);
  return { ...sub, filter: { text: text.trim(), total: r.rows.length } };
}

/** The summary section's inner HTML (the webview swaps it when the filter changes). */
export function renderSummaryHtml(r: QualityReport, count = r.rows.length): string {
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(`<h2 id="summary-h">Summary</h2><ul>${summaryLines(r, count).map((l) => `<li>${e(l)}</li>`).join('')}</ul>`);
  if (r.summary.commonFindings.length) {
    parts.push(`<h3>Most common findings</h3><table class="small"><thead><tr><th scope="col">Rule</th><th scope="col" class="num">Accounts</th><th scope="col" class="num">Findings</th></tr></thead><tbody>${r.summary.commonFindings.map((c) => `<tr><td><code>${e(c.ruleId)}</code></td><td class="num">${c.accounts}</td><td class="num">${c.findings}</td></tr>`).join('')}</tbody></table>`);
  }
  if (r.summary.missingSections.length) {
    parts.push(`<h3>Missing sections</h3><ul>${r.summary.missingSections.map((m) => `<li>${e(m.name)}: missing in ${m.accounts} account${m.accounts === 1 ? '' : 's'}</li>`).join('')}</ul>`);
  }
  if (r.summary.gaps) {
    parts.push(`<h3>Criteria gaps per learner</h3>${r.summary.gaps.length ? `<table class="small"><thead><tr><th scope="col">Learner</th><th scope="col">Unit</th><th scope="col">Gaps</th></tr></thead><tbody>${r.summary.gaps.map((g) => `<tr><td>${e(g.learner)}</td><td>${e(g.unit)}</td><td>${e(gapText(g))}</td></tr>`).join('')}</tbody></table>` : '<p>No criteria sets matched these accounts’ units.</p>'}`);
  }
  return parts.join('\n');
}

/** "Deep", or "Shallow: needs reasons and a concrete change", for a cell. */
export function reflectionCell(row: ReportRow): string {
  if (!row.reflection) return '';
  const label = DEPTH_TEXT[row.reflection].label;
  return row.reflectionMissing.length && row.reflection !== 'none' && row.reflection !== 'deep'
    ? `${label}: needs ${row.reflectionMissing.map((m) => MOVE_TEXT[m as keyof typeof MOVE_TEXT]?.short ?? m).join(' and ')}`
    : label;
}

function gapText(g: CriteriaGap): string {
  const parts = [g.missing.length ? `${g.missing.length} of ${g.total} not yet evidenced: ${g.missing.join(', ')}` : `all ${g.total} evidenced`];
  if (g.weak?.length) parts.push(`${g.weak.length} weak: ${g.weak.join(', ')}`);
  return parts.join('; ');
}

// ---------- Markdown ----------

const mdCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function renderMarkdown(r: QualityReport): string {
  return [...markdownParts(sourceOf(r))].join('');
}

/** Markdown lines, each ended. */
function* lines(...ls: string[]): Generator<string> {
  for (const l of ls) yield `${l}\n`;
}

/** The Markdown report, a line at a time. */
function* markdownParts(src: ReportSource): Generator<string> {
  const r = src.head;
  yield* lines(`# ${mdCell(r.title)}`, '', `Generated ${r.generated}.`, '');
  for (const l of summaryLines(r, src.count)) yield* lines(`- ${l}`);
  yield* lines('');
  if (r.summary.commonFindings.length) {
    yield* lines('## Most common findings', '', '| Rule | Accounts | Findings |', '| --- | ---: | ---: |');
    for (const c of r.summary.commonFindings) yield* lines(`| ${mdCell(c.ruleId)} | ${c.accounts} | ${c.findings} |`);
    yield* lines('');
  }
  if (r.summary.gaps) {
    yield* lines('## Criteria gaps per learner', '');
    if (!r.summary.gaps.length) yield* lines('No criteria sets matched these accounts\' units.', '');
    else {
      yield* lines('| Learner | Unit | Gaps |', '| --- | --- | --- |');
      for (const g of r.summary.gaps) yield* lines(`| ${mdCell(g.learner)} | ${mdCell(g.unit)} | ${mdCell(gapText(g))} |`);
      yield* lines('');
    }
  }
  const sample = src.reasons;
  if (r.templates.length) {
    yield* lines('## Not counted yet', '', 'Still templates, or the front matter is unfinished: left out of every figure above until they are filled in.', '');
    for (const t of r.templates) yield* lines(`- ${mdCell(t.path)}: ${mdCell(t.reasons.join('; '))}`);
    yield* lines('');
  }
  yield* lines('## Accounts', '');
  yield* lines(`| Learner | Unit | Date | Status | Sections | Reflection | Words | Errors | Warnings | Info | Criteria | Open feedback | Account |${sample ? ' Why picked |' : ''}`);
  yield* lines(`| --- | --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | --- |${sample ? ' --- |' : ''}`);
  for (const x of src.rows()) {
    yield* lines(`| ${[x.learner, x.unit, x.date, x.status, sectionsCell(x), reflectionCell(x)].map(mdCell).join(' | ')} | ${x.words} | ${x.errors} | ${x.warnings} | ${x.info} | ${mdCell(x.criteria.join(', '))} | ${x.openFeedback} | ${mdCell(x.path)} |${sample ? ` ${mdCell(x.reason ?? '')} |` : ''}`);
  }
}

// ---------- CSV (RFC 4180) ----------

/** Quote a field when it holds a comma, quote, CR or LF; double any quotes. */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(r: QualityReport): string {
  return [...csvParts(sourceOf(r))].join('');
}

/** The CSV report, a record at a time. */
function* csvParts(src: ReportSource): Generator<string> {
  const sample = src.reasons;
  const header = ['learner', 'unit', 'date', 'status', 'sections', 'reflection', 'reflection_missing', 'words', 'errors', 'warnings', 'info', 'criteria', 'open_feedback', 'title', 'path'];
  if (sample) header.push('reason');
  // RFC 4180: records end with CRLF.
  yield `${header.join(',')}\r\n`;
  for (const x of src.rows()) {
    const f: (string | number)[] = [x.learner, x.unit, x.date, x.status, sectionsCell(x), x.reflection, x.reflectionMissing.join(' '), x.words, x.errors, x.warnings, x.info, x.criteria.join(' '), x.openFeedback, x.title, x.path];
    if (sample) f.push(x.reason ?? '');
    yield `${f.map(csvField).join(',')}\r\n`;
  }
}

// ---------- JSON ----------

export function renderJson(r: QualityReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}

/** JSON.stringify(report, null, 2), the rows written one at a time. */
function* jsonParts(src: ReportSource): Generator<string> {
  // The report without its rows, split where they go.
  const mark = '\u0000rows\u0000';
  const [before, after] = JSON.stringify({ ...src.head, rows: mark }, null, 2).split(JSON.stringify(mark));
  yield before;
  let first = true;
  for (const x of src.rows()) {
    yield `${first ? '[' : ','}\n    ${JSON.stringify(x, null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield first ? '[]' : '\n  ]';
  yield `${after}\n`;
}

// ---------- HTML ----------

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The body of the report (summary and table) as HTML, shared by the standalone file and the webview. */
export function renderHtmlBody(r: QualityReport, options: { links?: boolean; filtered?: QualityReport } = {}): string {
  return [...htmlBodyParts(sourceOf(r), options)].join('\n');
}

/** The body's parts, in order, to be joined with line breaks. */
function* htmlBodyParts(src: ReportSource, options: { links?: boolean; filtered?: QualityReport } = {}): Generator<string> {
  const e = escapeHtml;
  const r = src.head;
  const sample = src.reasons;
  // Filtered: the summary counts the accounts shown; the table keeps every row and hides the others.
  const visible = options.filtered && new Set(options.filtered.rows.map((x) => x.uri));
  yield `<section id="summary" aria-labelledby="summary-h">${options.filtered ? renderSummaryHtml(options.filtered) : renderSummaryHtml(r, src.count)}</section>`;
  const cols = ['Learner', 'Unit', 'Date', 'Status', 'Sections', 'Reflection', 'Words', 'Errors', 'Warnings', 'Info', 'Criteria', 'Open feedback', 'Account', ...(sample ? ['Why picked'] : [])];
  const numeric = new Set(['Words', 'Errors', 'Warnings', 'Info', 'Open feedback']);
  yield `<section aria-labelledby="accounts-h"><h2 id="accounts-h">Accounts</h2><table id="accounts"><caption>${e(`${src.count} account${src.count === 1 ? '' : 's'}, one per row`)}</caption><thead><tr>${cols.map((c, i) => `<th scope="col" data-col="${i}"${numeric.has(c) ? ' class="num" data-type="number"' : ''}>${e(c)}</th>`).join('')}</tr></thead><tbody>`;
  for (const x of src.rows()) {
    const sections = x.sections.map((s) => `<span class="${s.present ? 'present' : 'missing'}" title="${e(`${s.name}: ${s.present ? `${s.words} words` : 'missing'}`)}">${e(s.present ? s.letter : '–')}</span>`).join(' ');
    const missingNames = x.sections.filter((s) => !s.present).map((s) => s.name);
    const account = options.links
      ? `<a href="#" data-uri="${e(x.uri)}" class="open">${e(x.title)}</a><div class="path">${e(x.path)}</div>`
      : `${e(x.title)}<div class="path">${e(x.path)}</div>`;
    yield `<tr data-uri="${e(x.uri)}"${x.errors ? ' class="has-errors"' : ''}${!visible || visible.has(x.uri) ? '' : ' hidden'}><th scope="row">${e(x.learner)}</th><td>${e(x.unit)}</td><td>${e(x.date)}</td><td>${e(x.status)}</td><td class="sections" data-sort="${x.sections.filter((s) => s.present).length}" aria-label="${e(missingNames.length ? `Missing: ${missingNames.join(', ')}` : 'All sections present')}">${sections}</td><td class="depth depth-${e(x.reflection || 'unknown')}" data-sort="${x.reflection ? DEPTH_GRADES.indexOf(x.reflection) : -1}"${x.reflection ? ` title="${e(`${DEPTH_TEXT[x.reflection].label}: ${DEPTH_TEXT[x.reflection].explain}`)}"` : ''}>${e(reflectionCell(x))}</td><td class="num">${x.words}</td><td class="num">${x.errors}</td><td class="num">${x.warnings}</td><td class="num">${x.info}</td><td>${e(x.criteria.join(', '))}</td><td class="num">${x.openFeedback}</td><td>${account}</td>${sample ? `<td>${e(x.reason ?? '')}</td>` : ''}</tr>`;
  }
  yield '</tbody></table></section>';
  if (r.templates.length) {
    const item = (t: TemplateRow) => `<li>${options.links ? `<a href="#" data-uri="${e(t.uri)}" class="open">${e(t.path)}</a>` : e(t.path)}: ${e(t.reasons.join('; '))}</li>`;
    yield `<section aria-labelledby="templates-h"><h2 id="templates-h">Not counted yet</h2><p>Still templates, or the front matter is unfinished: left out of every figure above until they are filled in.</p><ul>${r.templates.map(item).join('')}</ul></section>`;
  }
}

/** Styles that follow the host's theme: VS Code variables when present, else the system's colours. */
export const REPORT_CSS = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 14px); color: var(--vscode-foreground, CanvasText); background: var(--vscode-editor-background, Canvas); margin: 1.5rem; line-height: 1.4; }
h1 { font-size: 1.5em; margin: 0 0 .25rem; } h2 { font-size: 1.2em; margin-top: 1.5rem; } h3 { font-size: 1em; }
.meta, .path { color: var(--vscode-descriptionForeground, GrayText); font-size: .9em; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
table.small { width: auto; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--vscode-panel-border, color-mix(in srgb, CanvasText 25%, transparent)); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--vscode-editorWidget-background, color-mix(in srgb, CanvasText 8%, Canvas)); position: sticky; top: 0; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
#accounts th[scope=row], #accounts td:nth-child(-n+5) { white-space: nowrap; }
.depth-descriptive, .depth-none { color: var(--vscode-errorForeground, #c62828); }
.sections span { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
.sections .missing { color: var(--vscode-errorForeground, #c62828); font-weight: 700; }
tr.has-errors th[scope=row] { border-left: 4px solid var(--vscode-errorForeground, #c62828); }
a { color: var(--vscode-textLink-foreground, LinkText); }
:focus-visible { outline: 2px solid var(--vscode-focusBorder, Highlight); outline-offset: 1px; }
@media print { thead th { position: static; } }
`;

/** A standalone, self-contained HTML file: no scripts, no remote resources, everything escaped. */
export function renderHtml(r: QualityReport): string {
  return [...htmlParts(sourceOf(r))].join('');
}

function* htmlParts(src: ReportSource): Generator<string> {
  const r = src.head;
  yield `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(r.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(r.title)}</h1>
<p class="meta">Generated ${escapeHtml(r.generated)} by STARR Reflect.</p>
`;
  let first = true;
  for (const part of htmlBodyParts(src)) {
    yield first ? part : `\n${part}`;
    first = false;
  }
  yield `
</main>
</body>
</html>
`;
}

export type ReportFormat = 'md' | 'csv' | 'json' | 'html';

export function renderReport(r: QualityReport, format: ReportFormat): string {
  return [...reportParts(sourceOf(r), format)].join('');
}

/** A report a piece at a time, the rows as they come: joined, the same text as renderReport. */
export function reportParts(src: ReportSource, format: ReportFormat): Generator<string> {
  const parts = { md: markdownParts, csv: csvParts, json: jsonParts, html: htmlParts };
  return parts[format](src);
}
