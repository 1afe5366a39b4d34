// Criteria coverage: which criteria of each unit the accounts evidence, how well, and where.
import type { CommandVerb, CriteriaCatalog, CriteriaOrigin, CriteriaSet, CriterionDef, LearningOutcome } from './criteria';
import type { CueFamily } from './coverage-facts';
import { counted, findingsByRule, TEMPLATE_REASON_TEXT, type AccountSummary, type TemplateReason } from './portfolio';

export type CoverageState = 'covered' | 'weak' | 'uncovered';

/**
 * Why evidence is weak:
 * - `errors`: the account still has error findings;
 * - `claim-only`: the front matter claims the criterion but the text never references it (`AC 2.3`);
 * - `verb`: the criterion's command verb asks for evaluation, analysis or reasons and the account shows none;
 * - `no-measure`: the criterion asks for a measure or a comparison and the account's Result has no measure.
 */
export type WeakReason = 'errors' | 'claim-only' | 'verb' | 'no-measure';

// A criterion that asks for a measure or a comparison, by its verb or its words ("comparing results before and
// after against the standard", "monitor service against agreed standards").
const MEASURE_VERBS: ReadonlySet<CommandVerb> = new Set(['monitor', 'compare']);
const ASKS_FOR_MEASURE = /\b(?:measur\w*|compar\w*|before and after|against (?:the |agreed |our )?(?:standards?|targets?|SLAs?|KPIs?)|KPIs?|SLAs?)\b/i;

/** Whether a criterion can only be met with a measured outcome. */
export function asksForMeasure(def: CriterionDef): boolean {
  return MEASURE_VERBS.has(def.verb) || ASKS_FOR_MEASURE.test(def.text);
}

/** Which cue families meet a command verb (any one will do). Verbs not listed need no particular language. */
export const VERB_CUES: Partial<Record<CommandVerb, CueFamily[]>> = {
  evaluate: ['evaluate'],
  assess: ['evaluate'],
  review: ['evaluate'],
  analyse: ['analyse'],
  compare: ['analyse'],
  // Evaluative and analytical writing gives reasons too.
  explain: ['explain', 'evaluate', 'analyse'],
  justify: ['explain', 'evaluate'],
};

export interface EvidenceRef {
  source: 'front-matter' | 'inline';
  /** 0-based, when known. */
  line?: number;
  column?: number;
  span: { start: number; end: number };
  sectionId?: string;
  sectionName?: string;
}

/** One account's evidence for one criterion. */
export interface AccountEvidence {
  uri: string;
  title: string;
  learner: string;
  refs: EvidenceRef[];
  state: Exclude<CoverageState, 'uncovered'>;
  reasons: WeakReason[];
  errors: number;
}

export interface CriterionCoverage {
  unitId: string;
  outcomeId: string;
  criterion: CriterionDef;
  state: CoverageState;
  /** For a weak criterion: every reason its evidence is weak. */
  reasons: WeakReason[];
  /** Accounts that evidence it: covering ones first. */
  accounts: AccountEvidence[];
}

export interface Counts {
  covered: number;
  weak: number;
  uncovered: number;
  total: number;
}

export interface OutcomeCoverage {
  outcome: Omit<LearningOutcome, 'criteria'>;
  criteria: CriterionCoverage[];
  counts: Counts;
}

export interface OverClaim {
  uri: string;
  title: string;
  learner: string;
  unitId: string;
  claimed: string[];
  total: number;
  ratio: number;
}

export interface AccountRef {
  uri: string;
  title: string;
  learner: string;
  /** Short column label: the file name, with the folder when names clash. */
  label: string;
}

export interface UnitCoverage {
  unit: Omit<CriteriaSet, 'learningOutcomes'>;
  source: string;
  origin: CriteriaOrigin;
  outcomes: OutcomeCoverage[];
  counts: Counts;
  /** Accounts naming this unit, in path order. */
  accounts: AccountRef[];
  overClaims: OverClaim[];
  /** References to ids this unit does not have (the unknown-criterion rule reports them in the account). */
  unknown: { uri: string; id: string; line?: number }[];
}

export interface UnassignedAccount {
  uri: string;
  title: string;
  learner: string;
  unit?: string;
  reason: 'no-unit' | 'unknown-unit';
}

export interface CoverageReport {
  /** Set when the report covers one learner's accounts. */
  learner?: string;
  units: UnitCoverage[];
  /** Accounts whose unit is missing or not loaded, so their criteria cannot be placed. */
  unassigned: UnassignedAccount[];
  /** Accounts not counted because they are still templates or their front matter is unfinished (no learner id). */
  templates: { uri: string; title: string; reasons: TemplateReason[] }[];
  learners: string[];
  counts: Counts;
}

export interface CoverageOptions {
  /** Only these units (ids or aliases); they are shown even with no accounts. */
  units?: string[];
  /** Show every loaded unit, even those no account names. */
  allUnits?: boolean;
  /** Only this learner's accounts. */
  learner?: string;
  /** An account claiming more than this share of a unit's criteria is flagged (default 0.6). */
  overClaimRatio?: number;
}

/** Code-unit order: deterministic and far cheaper than localeCompare over thousands of paths. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const zero = (): Counts => ({ covered: 0, weak: 0, uncovered: 0, total: 0 });
const add = (c: Counts, s: CoverageState) => {
  c[s]++;
  c.total++;
};

/** Criteria coverage of a set of accounts. Pure and cheap: it reads summaries only, never text. */
export function computeCoverage(summaries: readonly AccountSummary[], catalog: CriteriaCatalog, options: CoverageOptions = {}): CoverageReport {
  const ratioLimit = options.overClaimRatio ?? 0.6;
  // A template's claims are not evidence yet, and its empty learner is not a learner.
  const templates = options.learner === undefined ? summaries.filter((s) => !counted(s)).map((s) => ({ uri: s.uri, title: s.title, reasons: s.template! })).sort((a, b) => cmp(a.uri, b.uri)) : [];
  const accounts = summaries.filter((s) => counted(s) && (options.learner === undefined || s.learner === options.learner));
  const byUnit = new Map<string, AccountSummary[]>();
  const unassigned: UnassignedAccount[] = [];
  for (const s of accounts) {
    const u = catalog.unit(s.unit);
    if (!u) {
      unassigned.push({ uri: s.uri, title: s.title, learner: s.learner, unit: s.unit, reason: s.unit ? 'unknown-unit' : 'no-unit' });
      continue;
    }
    const list = byUnit.get(u.set.id);
    if (list) list.push(s);
    else byUnit.set(u.set.id, [s]);
  }
  let unitIds: string[];
  if (options.units?.length) unitIds = options.units.map((u) => catalog.unit(u)?.set.id).filter((u): u is string => !!u);
  else if (options.allUnits) unitIds = catalog.units().map((u) => u.set.id);
  else unitIds = [...byUnit.keys()];
  unitIds = [...new Set(unitIds)].sort(cmp);
  const labels = accountLabels(accounts);

  const units: UnitCoverage[] = [];
  const counts = zero();
  for (const id of unitIds) {
    const loaded = catalog.unit(id)!;
    const members = [...(byUnit.get(id) ?? [])].sort((a, b) => cmp(a.uri, b.uri));
    const unit = unitCoverage(loaded.set, members, ratioLimit);
    const { learningOutcomes: _lo, ...meta } = loaded.set;
    const uc: UnitCoverage = {
      unit: meta,
      source: loaded.source,
      origin: loaded.origin,
      ...unit,
      accounts: members.map((s) => ({ uri: s.uri, title: s.title, learner: s.learner, label: labels.get(s.uri)! })),
    };
    for (const k of ['covered', 'weak', 'uncovered', 'total'] as const) counts[k] += uc.counts[k];
    units.push(uc);
  }
  return {
    learner: options.learner,
    units,
    unassigned: unassigned.sort((a, b) => cmp(a.uri, b.uri)),
    templates,
    learners: [...new Set(accounts.map((s) => s.learner))].sort(cmp),
    counts,
  };
}

/** One report per learner (each learner must evidence every criterion themselves). */
export function coverageByLearner(summaries: readonly AccountSummary[], catalog: CriteriaCatalog, options: Omit<CoverageOptions, 'learner'> = {}): CoverageReport[] {
  const learners = [...new Set(summaries.filter(counted).map((s) => s.learner))].sort(cmp);
  return learners.map((learner) => computeCoverage(summaries, catalog, { ...options, learner }));
}

/** What one account contributes to its unit's coverage; cached per summary object (a new version is a new object). */
interface Contribution {
  /** Criterion id (as the set writes it) -> this account's evidence for it, in first-reference order. */
  evidence: Map<string, AccountEvidence>;
  unknown: UnitCoverage['unknown'];
}

const contributions = new WeakMap<CriteriaSet, WeakMap<AccountSummary, Contribution>>();

function knownCriteria(set: CriteriaSet): Map<string, CriterionDef> {
  const known = new Map<string, CriterionDef>();
  for (const lo of set.learningOutcomes) for (const c of lo.criteria) known.set(c.id.toLowerCase(), c);
  return known;
}

function contributionOf(s: AccountSummary, set: CriteriaSet, known: Map<string, CriterionDef>): Contribution {
  let bySummary = contributions.get(set);
  if (!bySummary) contributions.set(set, (bySummary = new WeakMap()));
  const cached = bySummary.get(s);
  if (cached) return cached;
  const evidence = new Map<string, AccountEvidence>();
  const unknown: UnitCoverage['unknown'] = [];
  for (let i = 0; i < s.criteria.length; i++) {
    const ref = s.criteria[i];
    const pos = s.evidence?.refs[i];
    const def = known.get(ref.id.toLowerCase());
    if (!def) {
      unknown.push({ uri: s.uri, id: ref.id, line: pos?.line });
      continue;
    }
    let ev = evidence.get(def.id);
    if (!ev) evidence.set(def.id, (ev = { uri: s.uri, title: s.title, learner: s.learner, refs: [], state: 'covered', reasons: [], errors: s.counts.error }));
    ev.refs.push({
      source: ref.source,
      line: pos?.line,
      column: pos?.column,
      span: ref.span,
      sectionId: ref.sectionId,
      sectionName: ref.sectionId ? s.sections.find((x) => x.id === ref.sectionId)?.name : undefined,
    });
  }
  const families = new Set(s.evidence?.cues.map((c) => c.family) ?? []);
  // A compact summary (the CLI's portfolio commands) keeps only how many findings each rule gave.
  const unmeasured = findingsByRule(s).some(([ruleId]) => ruleId === 'missing-outcome-measure');
  for (const [id, ev] of evidence) {
    const def = known.get(id.toLowerCase())!;
    if (s.counts.error > 0) ev.reasons.push('errors');
    if (!ev.refs.some((r) => r.source === 'inline')) ev.reasons.push('claim-only');
    const needs = VERB_CUES[def.verb];
    // Without facts (a summary from elsewhere) the verb cannot be judged, so it is not held against the account.
    if (needs && s.evidence && !needs.some((f) => families.has(f))) ev.reasons.push('verb');
    if (unmeasured && asksForMeasure(def)) ev.reasons.push('no-measure');
    ev.state = ev.reasons.length ? 'weak' : 'covered';
  }
  const c = { evidence, unknown };
  bySummary.set(s, c);
  return c;
}

/** Members come sorted by path, so each criterion's accounts are too; covering accounts are listed first. */
function unitCoverage(set: CriteriaSet, members: AccountSummary[], ratioLimit: number): Pick<UnitCoverage, 'outcomes' | 'counts' | 'overClaims' | 'unknown'> {
  const known = knownCriteria(set);
  const covering = new Map<string, AccountEvidence[]>();
  const weak = new Map<string, AccountEvidence[]>();
  const overClaims: OverClaim[] = [];
  const unknown: UnitCoverage['unknown'] = [];
  const total = known.size;
  for (const s of members) {
    const c = contributionOf(s, set, known);
    if (c.unknown.length) unknown.push(...c.unknown);
    for (const [id, ev] of c.evidence) {
      const to = ev.state === 'covered' ? covering : weak;
      const list = to.get(id);
      if (list) list.push(ev);
      else to.set(id, [ev]);
    }
    if (total >= 3 && c.evidence.size / total > ratioLimit) {
      overClaims.push({ uri: s.uri, title: s.title, learner: s.learner, unitId: set.id, claimed: [...c.evidence.keys()], total, ratio: c.evidence.size / total });
    }
  }

  const counts = zero();
  const outcomes: OutcomeCoverage[] = set.learningOutcomes.map((lo) => {
    const { criteria, ...outcome } = lo;
    const oc = zero();
    const list = criteria.map((criterion): CriterionCoverage => {
      const good = covering.get(criterion.id) ?? [];
      const poor = weak.get(criterion.id) ?? [];
      const accounts = good.length && poor.length ? [...good, ...poor] : good.length ? [...good] : [...poor];
      const state: CoverageState = good.length ? 'covered' : poor.length ? 'weak' : 'uncovered';
      const reasons = state === 'weak' ? [...new Set(poor.flatMap((a) => a.reasons))] : [];
      add(oc, state);
      add(counts, state);
      return { unitId: set.id, outcomeId: lo.id, criterion, state, reasons, accounts };
    });
    return { outcome, criteria: list, counts: oc };
  });
  return { outcomes, counts, overClaims, unknown };
}

/** Short labels for matrix columns: the file name, with its folder when two files share a name. */
function accountLabels(accounts: readonly AccountSummary[]): Map<string, string> {
  const split = accounts.map((a) => {
    const parts = a.uri.replace(/[?#].*$/, '').split(/[\\/]/).filter(Boolean);
    const base = safeDecode(parts[parts.length - 1] ?? a.uri).replace(/\.(md|markdown)$/i, '');
    return { uri: a.uri, base, folder: parts.length >= 2 ? safeDecode(parts[parts.length - 2]) : undefined };
  });
  const seen = new Map<string, number>();
  for (const x of split) seen.set(x.base, (seen.get(x.base) ?? 0) + 1);
  return new Map(split.map((x) => [x.uri, (seen.get(x.base) ?? 0) > 1 && x.folder ? `${x.folder}/${x.base}` : x.base]));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** What each reason means, in the words the views and the CLI use. */
export const WEAK_REASON_TEXT: Record<WeakReason, string> = {
  errors: 'the account still has errors to fix',
  'claim-only': 'claimed in the front matter but never referenced in the text (add "AC x.y" where the evidence is)',
  verb: 'the command verb asks for evaluation, analysis or reasons, and the account shows none',
  'no-measure': 'the criterion asks for a measure or a comparison, and the Result gives no figure, date or quoted feedback',
};

export const STATE_TEXT: Record<CoverageState, string> = { covered: 'covered', weak: 'weak', uncovered: 'not covered' };

// ---- Exports: the coverage matrix (criteria × accounts) -------------------------------------------------

export interface MatrixRow {
  unitId: string;
  outcomeId: string;
  criterionId: string;
  verb: string;
  text: string;
  state: CoverageState;
  /** One cell per column: how that account evidences the criterion. */
  cells: ('' | 'covered' | 'weak')[];
}

export interface CoverageMatrix {
  columns: AccountRef[];
  rows: MatrixRow[];
}

/** The matrix of every unit in a report: one row per criterion, one column per account. */
export function coverageMatrix(report: CoverageReport): CoverageMatrix {
  const columns: AccountRef[] = [];
  const seen = new Set<string>();
  for (const u of report.units) for (const a of u.accounts) if (!seen.has(a.uri)) {
    seen.add(a.uri);
    columns.push(a);
  }
  const rows: MatrixRow[] = [];
  for (const u of report.units) {
    for (const o of u.outcomes) {
      for (const c of o.criteria) {
        const by = new Map(c.accounts.map((a) => [a.uri, a.state]));
        rows.push({
          unitId: u.unit.id,
          outcomeId: o.outcome.id,
          criterionId: c.criterion.id,
          verb: c.criterion.verb,
          text: c.criterion.text,
          state: c.state,
          cells: columns.map((col) => by.get(col.uri) ?? ''),
        });
      }
    }
  }
  return { columns, rows };
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The matrix as CSV (RFC 4180: quoted where needed, CRLF line ends). */
export function coverageCsv(report: CoverageReport): string {
  const m = coverageMatrix(report);
  const lines = [['Unit', 'Outcome', 'Criterion', 'Verb', 'Criterion text', 'State', 'Accounts', ...m.columns.map((c) => c.label)]];
  for (const r of m.rows) {
    lines.push([r.unitId, r.outcomeId, r.criterionId, r.verb, r.text, r.state, String(r.cells.filter(Boolean).length), ...r.cells]);
  }
  return lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const mdCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const MD_STATE: Record<CoverageState, string> = { covered: '✅ covered', weak: '⚠️ weak', uncovered: '❌ not covered' };
const MD_CELL = { '': '', covered: '✓', weak: '~' } as const;

/** The matrix as Markdown: one table per unit, columns numbered with a key below. */
export function coverageMarkdown(report: CoverageReport, title = 'Criteria coverage'): string {
  const out: string[] = [`# ${title}${report.learner ? ` — ${report.learner}` : ''}`, ''];
  if (!report.units.length) out.push('No units to show: no account names a unit that has a criteria set.', '');
  const m = coverageMatrix(report);
  for (const u of report.units) {
    const cols = m.columns.filter((c) => u.accounts.some((a) => a.uri === c.uri));
    const idx = cols.map((c) => m.columns.indexOf(c));
    out.push(`## ${u.unit.id} — ${mdCell(u.unit.title)}`, '');
    out.push(`${u.counts.covered}/${u.counts.total} covered · ${u.counts.weak} weak · ${u.counts.uncovered} not covered · ${u.accounts.length} account${u.accounts.length === 1 ? '' : 's'}`, '');
    out.push(`| Criterion | Verb | State |${cols.map((_, i) => ` ${i + 1} |`).join('')}`);
    out.push(`|---|---|---|${cols.map(() => ':-:|').join('')}`);
    for (const r of m.rows.filter((x) => x.unitId === u.unit.id)) {
      out.push(`| **${r.criterionId}** ${mdCell(r.text)} | ${r.verb} | ${MD_STATE[r.state]} |${idx.map((i) => ` ${MD_CELL[r.cells[i]]} |`).join('')}`);
    }
    out.push('');
    if (cols.length) {
      out.push('Accounts:', '');
      cols.forEach((c, i) => out.push(`${i + 1}. ${mdCell(c.title)} (${mdCell(c.label)}, ${mdCell(c.learner)})`));
      out.push('');
    }
    for (const o of u.overClaims) out.push(`> **Over-claiming:** "${mdCell(o.title)}" claims ${o.claimed.length} of ${o.total} criteria of ${u.unit.id}. Evidence each criterion properly, usually across several accounts.`, '');
  }
  if (report.units.length) out.push('Key: ✓ evidenced · ~ weak evidence (errors, a claim the text never references, or a command verb not met).', '');
  if (report.unassigned.length) {
    out.push('## Accounts not placed', '');
    for (const a of report.unassigned) out.push(`- ${mdCell(a.title)} (${mdCell(a.learner)}): ${a.reason === 'no-unit' ? 'no `unit:` in the front matter' : `unit "${mdCell(a.unit ?? '')}" has no criteria set`}`);
    out.push('');
  }
  if (report.templates.length) {
    out.push('## Not counted yet', '', 'Still templates, or the front matter is unfinished: their criteria do not count until they are filled in.', '');
    for (const t of report.templates) out.push(`- ${mdCell(t.title || t.uri)}: ${t.reasons.map((r) => TEMPLATE_REASON_TEXT[r]).join('; ')}`);
    out.push('');
  }
  return out.join('\n');
}

/**
 * A projection that keeps of each account only what coverage reads, each repeated string (learner, unit,
 * section, criterion, cue) once for all the accounts it is given: coverage holds every account it is asked
 * about until it is done, so a whole portfolio's full summaries would not fit in memory.
 */
export function coverageSummary(): (s: AccountSummary) => AccountSummary {
  const strings = new Map<string, string>();
  const one = <T extends string | undefined>(x: T): T => {
    if (x === undefined) return x;
    const known = strings.get(x);
    if (known !== undefined) return known as T;
    strings.set(x, x);
    return x;
  };
  return (s) => {
    const measure = findingsByRule(s).find(([id]) => id === 'missing-outcome-measure');
    return {
      uri: s.uri,
      title: s.title,
      learner: one(s.learner),
      unit: one(s.unit),
      framework: one(s.framework),
      sections: s.sections.map((x) => ({ id: one(x.id), name: one(x.name), present: x.present, words: x.words })),
      words: s.words,
      findings: [],
      counts: s.counts,
      // Coverage reads one rule's count (no-measure).
      findingsByRule: measure ? { [measure[0]]: measure[1] } : {},
      criteria: s.criteria.map((c) => ({ id: one(c.id), span: c.span, source: c.source, ...(c.sectionId !== undefined ? { sectionId: one(c.sectionId) } : {}) })),
      feedback: [],
      fingerprint: '',
      ...(s.evidence ? { evidence: { refs: s.evidence.refs, cues: s.evidence.cues.map((c) => ({ family: c.family, text: one(c.text), line: c.line })) } } : {}),
      ...(s.template ? { template: s.template } : {}),
    };
  };
}
