import { counted, groupBy, type AccountSummary } from './portfolio';
import { buildReport, type QualityReport, type ReportOptions, type SampleInfo, type SummaryRef } from './report';

/**
 * A seeded, reproducible spot-check sample, stratified by learner and unit: every learner and every unit
 * is represented before any account is picked for a learner and unit already covered. The same seed and
 * the same portfolio always give the same sample, whatever order the accounts were loaded in.
 */

export interface SamplePick {
  uri: string;
  learner: string;
  unit: string;
  reason: string;
}

export interface SampleResult extends SampleInfo {
  picks: SamplePick[];
  /** Strata the sample could not reach because it is smaller than the number of learners or units. */
  missedLearners: string[];
  missedUnits: string[];
}

const NO_UNIT = '(no unit)';

/** mulberry32: a tiny, well-distributed 32-bit PRNG; enough for sampling, and the same everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed may be any text ("2026-Q2", "42"); hash it to 32 bits (FNV-1a). */
export function seedFrom(seed: string | number): number {
  const s = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function sampleAccounts(summaries: readonly SummaryRef[], size: number, seed: string | number = 1): SampleResult {
  const random = mulberry32(seedFrom(seed));
  const unitOf = (s: SummaryRef) => s.unit || NO_UNIT;
  // Sort first so the input order never matters, then shuffle (Fisher–Yates).
  // Templates and accounts with no learner id have nothing to check yet, and would stand for a learner who is not there.
  const pool = summaries.filter(counted).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const learners = new Set(pool.map((s) => s.learner));
  const units = new Set(pool.map(unitOf));
  const want = Math.max(0, Math.min(Math.floor(size), pool.length));
  const picks: SamplePick[] = [];
  const taken = new Set<SummaryRef>();
  const coveredL = new Map<string, number>();
  const coveredU = new Map<string, number>();
  const take = (s: SummaryRef, reason: string) => {
    taken.add(s);
    coveredL.set(s.learner, (coveredL.get(s.learner) ?? 0) + 1);
    coveredU.set(unitOf(s), (coveredU.get(unitOf(s)) ?? 0) + 1);
    picks.push({ uri: s.uri, learner: s.learner, unit: unitOf(s), reason });
  };

  // 1. Cover the strata: each pick reaches as many new learners and units as possible (ties: shuffled order).
  while (picks.length < want && (coveredL.size < learners.size || coveredU.size < units.size)) {
    let best: SummaryRef | undefined;
    let bestScore = 0;
    for (const s of pool) {
      if (taken.has(s)) continue;
      const score = (coveredL.has(s.learner) ? 0 : 1) + (coveredU.has(unitOf(s)) ? 0 : 1);
      if (score > bestScore) {
        best = s;
        bestScore = score;
        if (score === 2) break;
      }
    }
    if (!best) break;
    const newL = !coveredL.has(best.learner);
    const newU = !coveredU.has(unitOf(best));
    take(best, newL && newU ? `first account for learner ${best.learner} and for unit ${unitOf(best)}` : newL ? `first account for learner ${best.learner}` : `first account for unit ${unitOf(best)}`);
  }

  // 2. Then round by round: learners in turn (fewest picks first), each giving the account whose unit has
  //    had fewest picks, so repeats stay spread out.
  const byLearner = groupBy(pool, (s) => s.learner);
  // Map keys keep first-seen order, i.e. the shuffled order of each learner's first account.
  const order = [...byLearner.keys()];
  while (picks.length < want) {
    let learner: string | undefined;
    for (const l of order) {
      if (!byLearner.get(l)!.some((s) => !taken.has(s))) continue;
      if (learner === undefined || (coveredL.get(l) ?? 0) < (coveredL.get(learner) ?? 0)) learner = l;
    }
    if (learner === undefined) break;
    let best: SummaryRef | undefined;
    for (const s of byLearner.get(learner)!) {
      if (taken.has(s)) continue;
      if (!best || (coveredU.get(unitOf(s)) ?? 0) < (coveredU.get(unitOf(best)) ?? 0)) best = s;
    }
    const round = (coveredL.get(learner) ?? 0) + 1;
    take(best!, `random repeat: account ${round} for learner ${learner}, every learner and unit already represented`);
  }

  const coveredLearners = new Set(picks.map((p) => p.learner));
  const coveredUnits = new Set(picks.map((p) => p.unit));
  return {
    seed: String(seed),
    size: want,
    picks,
    learners: { total: learners.size, covered: coveredLearners.size },
    units: { total: units.size, covered: coveredUnits.size },
    templates: summaries.length - pool.length,
    missedLearners: [...learners].filter((l) => !coveredLearners.has(l)).sort(),
    missedUnits: [...units].filter((u) => !coveredUnits.has(u)).sort(),
  };
}

/** The report of a sample: only the picked accounts, in pick order, each with why it was picked. */
export function sampleReport(summaries: AccountSummary[], size: number, seed: string | number, options: Omit<ReportOptions, 'reasons' | 'sample'> = {}): { sample: SampleResult; report: QualityReport } {
  return sampleReportFrom(summaries, (s) => s, size, seed, options);
}

/** sampleReport over what sampling reads of each account; `load` gives a picked one's whole summary. */
export function sampleReportFrom<R extends SummaryRef>(summaries: R[], load: (ref: R) => AccountSummary, size: number, seed: string | number, options: Omit<ReportOptions, 'reasons' | 'sample'> = {}): { sample: SampleResult; report: QualityReport } {
  const sample = sampleAccounts(summaries, size, seed);
  const byUri = new Map(summaries.map((s) => [s.uri, s]));
  const reasons = new Map(sample.picks.map((p) => [p.uri, p.reason]));
  const report = buildReport(sample.picks.map((p) => load(byUri.get(p.uri)!)), { ...options, reasons, sample });
  // Keep the pick order (strata first), not the report's usual learner order.
  const rank = new Map(sample.picks.map((p, i) => [p.uri, i]));
  report.rows.sort((a, b) => rank.get(a.uri)! - rank.get(b.uri)!);
  return { sample, report };
}
