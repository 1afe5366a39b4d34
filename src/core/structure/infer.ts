import type { Framework, Span } from '../types';
import { cues, scoreText } from './cues';

/** How strongly the order prior and the evidence pull against each other (tuned on the development accounts). */
const ADVANCE = 0.6;
const SKIP = 1.2;
const LATE_START = 1.5;
const POSITION = 1.2;
const EVIDENCE = 3;

/**
 * Which framework section each unit of text (a paragraph, or a sentence of a one-paragraph account) belongs to,
 * for sections `lo`..`hi` of the framework. Each unit is scored against each section from the cues its words
 * carry; the order prior lets sections only stay or move on (skipping one costs more), and nudges the n-th of
 * N units towards the n-th of N sections. Viterbi finds the best assignment under both. `forced` pins the first
 * unit to `lo` (the unlabelled paragraphs after a label belong to it until the writing clearly moves on).
 */
export function assignSections(framework: Framework, prose: string, units: Span[], lo: number, hi: number, forced: boolean): number[] {
  const n = hi - lo + 1;
  const U = units.length;
  if (U === 0 || n <= 0) return [];
  const c = cues();
  const classesOf = framework.sections.slice(lo, hi + 1).map((d) => c.sectionClasses(framework, d));
  // Emissions: each section's best class share of the unit's evidence.
  const emit: Float64Array[] = units.map((u, i) => {
    const scores = scoreText(prose, u.start, u.end);
    let total = 0;
    for (const x of scores) total += x;
    const e = new Float64Array(n);
    const rel = U === 1 ? 0.5 : i / (U - 1);
    for (let s = 0; s < n; s++) {
      let best = 0;
      for (const cls of classesOf[s]) best = Math.max(best, scores[cls]);
      const srel = n === 1 ? 0.5 : s / (n - 1);
      e[s] = (EVIDENCE * best) / (1 + total) + (EVIDENCE * Math.min(best, 4)) / 8 - POSITION * Math.abs(rel - srel);
    }
    return e;
  });
  const score = new Float64Array(n).fill(-Infinity);
  const back: Int32Array[] = [];
  for (let s = 0; s < n; s++) {
    if (forced && s > 0) continue;
    score[s] = emit[0][s] - LATE_START * s;
  }
  back.push(new Int32Array(n).fill(-1));
  for (let u = 1; u < U; u++) {
    const next = new Float64Array(n).fill(-Infinity);
    const from = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      for (let p = 0; p <= s; p++) {
        if (score[p] === -Infinity) continue;
        const cost = p === s ? 0 : ADVANCE + SKIP * (s - p - 1);
        const v = score[p] - cost;
        if (v > next[s]) {
          next[s] = v;
          from[s] = p;
        }
      }
      next[s] += emit[u][s];
    }
    score.set(next);
    back.push(from);
  }
  let best = 0;
  for (let s = 1; s < n; s++) if (score[s] > score[best]) best = s;
  const out = new Array<number>(U);
  for (let u = U - 1; u >= 0; u--) {
    out[u] = lo + best;
    best = back[u][best];
  }
  return out;
}
