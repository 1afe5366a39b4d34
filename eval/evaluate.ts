// Runs the analysis over a labelled split of the evaluation corpus and scores it against the labels.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { analyze, reflectionDepth, resolveConfig, type AccountModel, type Finding } from '../src/analysis';
import { resolveLabels, type Labels, type ResolvedLabels } from './labels';
import {
  addSpans, balancedAccuracy, binary, cohensKappa, f1, paragraphIndex, precision, recall, spanScores, spanTally, tally,
  type Binary, type Span, type SpanTally,
} from './metrics';

export const DEPTHS = ['none', 'descriptive', 'shallow', 'deep'] as const;
export type Depth = (typeof DEPTHS)[number];

/** Account-level checks scored as yes/no against a label. */
export const BINARY_CHECKS = {
  'missing-outcome-measure': 'Result has no measure',
  'collective-voice': '"we" carries the work',
  'shallow-reflection': 'reflection is descriptive or shallow',
  'no-real-event': 'no one real event',
  'third-person-account': 'third-person account',
} as const;
type BinaryCheck = keyof typeof BINARY_CHECKS;

export interface AccountResult {
  file: string;
  labels: Labels;
  gold: ResolvedLabels;
  account: AccountModel;
  findings: Finding[];
  depth: Depth;
  inferred: boolean;
}

export interface SplitScores {
  accounts: number;
  sectionPresence: { agree: number; cells: number; agreement: number | null };
  boundaries: { withinOne: number; exact: number; total: number; accuracy: number | null };
  binary: Record<BinaryCheck, Binary & { precision: number | null; recall: number | null; f1: number | null; balancedAccuracy: number | null }>;
  spans: Record<'vague' | 'personal-data', SpanTally & { precision: number | null; recall: number | null; f1: number | null }>;
  depth: { matrix: number[][]; agreement: number | null; kappa: number | null };
  strongAccounts: { count: number; warningsOrErrors: number };
}

/** The corpus's split folders: eval/corpus/dev and eval/corpus/test. */
export function corpusDir(root: string, split: string): string {
  return path.join(root, 'eval', 'corpus', split);
}

/** Every labelled account of a split; a label that does not resolve stops the run, naming the file. */
export function loadSplit(dir: string, onProblem?: (file: string, problems: string[]) => void): { file: string; text: string; labels: Labels; gold: ResolvedLabels }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const labels = parse(fs.readFileSync(path.join(dir, f.replace(/\.md$/, '.labels.yaml')), 'utf8')) as Labels;
      const gold = resolveLabels(text, labels);
      if (gold.problems.length) {
        if (!onProblem) throw new Error(`${f}: ${gold.problems.join('; ')}`);
        onProblem(f, gold.problems);
        return [];
      }
      return [{ file: f, text, labels, gold }];
    })
    .flat();
}

/** The depth the tool judged: the core's graded judgement. */
function judgedDepth(account: AccountModel): Depth {
  return reflectionDepth(account).depth;
}

/** The places the findings `counts` picks point at: each one's own, and the places a grouped finding lists as related. */
function findingSpans(findings: Finding[], counts: (f: Finding) => boolean): Span[] {
  const out: Span[] = [];
  for (const f of findings) {
    if (!counts(f)) continue;
    out.push(f.span);
    const more = (f.data as { occurrences?: Span[] } | undefined)?.occurrences;
    if (more) out.push(...more);
    else for (const r of f.related ?? []) out.push(r.span);
  }
  return out;
}

/** A phrase two checks flagged is one finding of the more severe, carrying the other's advice: it counts for both. */
const carries = (f: Finding, ruleId: string) => (f.data?.merged as { ruleId: string }[] | undefined)?.some((m) => m.ruleId === ruleId) ?? false;

/**
 * What tells a learner a phrase is vague: generic-language, and missing-outcome-measure on one claim ("the
 * customer was happy" in a Result with nothing to show for it), which generic-language leaves to it there and
 * which gives the same advice: show the evidence.
 */
const isVague = (f: Finding) => f.ruleId === 'generic-language' || (f.ruleId === 'missing-outcome-measure' && typeof f.data?.claim === 'string') || carries(f, 'generic-language');
const isPersonal = (f: Finding) => f.ruleId === 'personal-data';

export function analyseSplit(dir: string, onProblem?: (file: string, problems: string[]) => void): AccountResult[] {
  return loadSplit(dir, onProblem).map(({ file, text, labels, gold }) => {
    const config = resolveConfig({ framework: labels.framework });
    const { account, findings } = analyze(text, { config, path: file, now: new Date('2026-12-01T12:00:00Z') });
    const inferred = account.sections.some((s) => (s as { inferred?: boolean }).inferred === true);
    return { file, labels, gold, account, findings, depth: judgedDepth(account), inferred };
  });
}

const UNLABELLED_SHAPES = new Set(['prose', 'one-paragraph']);

export function score(results: AccountResult[]): SplitScores {
  const presence = { agree: 0, cells: 0 };
  const bounds = { withinOne: 0, exact: 0, total: 0 };
  const bins = Object.fromEntries(Object.keys(BINARY_CHECKS).map((k) => [k, binary()])) as Record<BinaryCheck, Binary>;
  const spans = { vague: spanTally(), 'personal-data': spanTally() };
  const matrix = DEPTHS.map(() => DEPTHS.map(() => 0));
  const strong = { count: 0, warningsOrErrors: 0 };

  for (const r of results) {
    const { labels, gold, account, findings } = r;
    const has = (id: string) => findings.some((f) => f.ruleId === id);
    const predicted = new Map<string, number>();
    for (const s of account.sections) if (!s.duplicate && s.words > 0) predicted.set(s.id, s.span.start);
    const goldIds = new Set(gold.sections.map((s) => s.id));
    for (const def of account.framework.sections) {
      presence.cells++;
      if (goldIds.has(def.id) === predicted.has(def.id)) presence.agree++;
    }
    // Boundaries where the sections had to be found without headings or labels.
    if (r.inferred || UNLABELLED_SHAPES.has(labels.shape)) {
      for (const g of gold.sections) {
        bounds.total++;
        const at = predicted.get(g.id);
        if (at === undefined) continue;
        const d = Math.abs(paragraphIndex(account.text, at) - paragraphIndex(account.text, g.start));
        if (d <= 1) bounds.withinOne++;
        if (d === 0) bounds.exact++;
      }
    }
    if (labels.result_measure !== null) tally(bins['missing-outcome-measure'], labels.result_measure === false, has('missing-outcome-measure'));
    tally(bins['collective-voice'], labels.we_carries_work, has('collective-voice'));
    if (labels.depth !== 'none') tally(bins['shallow-reflection'], labels.depth === 'descriptive' || labels.depth === 'shallow', has('shallow-reflection'));
    tally(bins['no-real-event'], labels.no_real_event, has('no-real-event'));
    tally(bins['third-person-account'], labels.third_person, has('third-person-account'));
    addSpans(spans.vague, gold.vague, findingSpans(findings, isVague));
    addSpans(spans['personal-data'], gold.personal, findingSpans(findings, isPersonal));
    matrix[DEPTHS.indexOf(labels.depth as Depth)][DEPTHS.indexOf(r.depth)]++;
    if (labels.quality === 'strong') {
      strong.count++;
      strong.warningsOrErrors += findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
    }
  }

  const diag = DEPTHS.reduce((s, _d, i) => s + matrix[i][i], 0);
  return {
    accounts: results.length,
    sectionPresence: { ...presence, agreement: presence.cells ? presence.agree / presence.cells : null },
    boundaries: { ...bounds, accuracy: bounds.total ? bounds.withinOne / bounds.total : null },
    binary: Object.fromEntries(
      Object.entries(bins).map(([k, b]) => [k, { ...b, precision: precision(b), recall: recall(b), f1: f1(b), balancedAccuracy: balancedAccuracy(b) }]),
    ) as SplitScores['binary'],
    spans: {
      vague: { ...spans.vague, ...spanScores(spans.vague) },
      'personal-data': { ...spans['personal-data'], ...spanScores(spans['personal-data']) },
    },
    depth: { matrix, agreement: results.length ? diag / results.length : null, kappa: cohensKappa(matrix) },
    strongAccounts: strong,
  };
}

/** Per-account disagreements, to read while tuning (dev split only). */
export function disagreements(results: AccountResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const { labels, gold, account, findings } = r;
    const has = (id: string) => findings.some((f) => f.ruleId === id);
    const lines: string[] = [];
    const goldIds = gold.sections.map((s) => s.id).join(',');
    const predIds = account.sections.filter((s) => !s.duplicate && s.words > 0).map((s) => s.id + ((s as { inferred?: boolean }).inferred ? '*' : '')).join(',');
    if (goldIds !== predIds.replace(/\*/g, '')) lines.push(`sections: labelled ${goldIds || '-'} · found ${predIds || '-'}`);
    if (labels.result_measure !== null && (labels.result_measure === false) !== has('missing-outcome-measure')) lines.push(`outcome measure: labelled ${labels.result_measure ? 'present' : 'absent'}`);
    if (labels.we_carries_work !== has('collective-voice')) lines.push(`"we" carries the work: labelled ${labels.we_carries_work}`);
    if (labels.no_real_event !== has('no-real-event')) lines.push(`no real event: labelled ${labels.no_real_event}`);
    if (labels.third_person !== has('third-person-account')) lines.push(`third person: labelled ${labels.third_person}`);
    if (labels.depth !== r.depth) lines.push(`depth: labelled ${labels.depth} · judged ${r.depth}`);
    const vague = findingSpans(findings, isVague);
    for (const g of gold.vague) if (!vague.some((p) => p.start < g.end && g.start < p.end)) lines.push(`vague missed: "${g.text}"`);
    for (const p of vague) if (!gold.vague.some((g) => p.start < g.end && g.start < p.end)) lines.push(`vague extra: "${account.text.slice(p.start, p.end)}"`);
    const pd = findingSpans(findings, isPersonal);
    for (const g of gold.personal) if (!pd.some((p) => p.start < g.end && g.start < p.end)) lines.push(`personal data missed: "${g.text}"`);
    for (const p of pd) if (!gold.personal.some((g) => p.start < g.end && g.start < p.end)) lines.push(`personal data extra: "${account.text.slice(p.start, p.end)}"`);
    if (lines.length) out.push(`${r.file} (${labels.shape}, ${labels.framework})\n  ${lines.join('\n  ')}`);
  }
  return out;
}
