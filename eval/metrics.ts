// Accuracy measures for `npm run eval`: plain counting, no analysis code, so the measures cannot drift with
// the checks they measure.

export interface Binary {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export const binary = (): Binary => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

export function tally(b: Binary, gold: boolean, predicted: boolean): void {
  if (gold && predicted) b.tp++;
  else if (!gold && predicted) b.fp++;
  else if (gold && !predicted) b.fn++;
  else b.tn++;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function precision(b: Pick<Binary, 'tp' | 'fp'>): number | null {
  return ratio(b.tp, b.tp + b.fp);
}
export function recall(b: Pick<Binary, 'tp' | 'fn'>): number | null {
  return ratio(b.tp, b.tp + b.fn);
}
export function f1(b: Pick<Binary, 'tp' | 'fp' | 'fn'>): number | null {
  const p = precision(b);
  const r = recall(b);
  if (p === null || r === null) return null;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
/** Mean of the true-positive and true-negative rates: fair when one class is rare. */
export function balancedAccuracy(b: Binary): number | null {
  const tpr = ratio(b.tp, b.tp + b.fn);
  const tnr = ratio(b.tn, b.tn + b.fp);
  if (tpr === null || tnr === null) return tpr ?? tnr;
  return (tpr + tnr) / 2;
}

export interface Span {
  start: number;
  end: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * Span matching by overlap: a gold span is found when any predicted span overlaps it; a predicted span is
 * right when it overlaps any gold span. Recall counts gold spans, precision counts predicted ones.
 */
export function spanCounts(gold: Span[], predicted: Span[]): { tp: number; fn: number; fp: number; predictedRight: number } {
  let tp = 0;
  for (const g of gold) if (predicted.some((p) => overlaps(p, g))) tp++;
  let right = 0;
  for (const p of predicted) if (gold.some((g) => overlaps(p, g))) right++;
  return { tp, fn: gold.length - tp, fp: predicted.length - right, predictedRight: right };
}

/** Span precision and recall kept apart: they count different things (predicted spans, gold spans). */
export interface SpanTally {
  goldFound: number;
  goldMissed: number;
  predictedRight: number;
  predictedWrong: number;
}

export const spanTally = (): SpanTally => ({ goldFound: 0, goldMissed: 0, predictedRight: 0, predictedWrong: 0 });

export function addSpans(t: SpanTally, gold: Span[], predicted: Span[]): void {
  const c = spanCounts(gold, predicted);
  t.goldFound += c.tp;
  t.goldMissed += c.fn;
  t.predictedRight += c.predictedRight;
  t.predictedWrong += c.fp;
}

export function spanScores(t: SpanTally): { precision: number | null; recall: number | null; f1: number | null } {
  const p = ratio(t.predictedRight, t.predictedRight + t.predictedWrong);
  const r = ratio(t.goldFound, t.goldFound + t.goldMissed);
  return { precision: p, recall: r, f1: p === null || r === null ? null : p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Cohen's kappa over a square confusion matrix (rows gold, columns predicted). */
export function cohensKappa(m: number[][]): number | null {
  const n = m.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  if (!n) return null;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < m.length; i++) {
    observed += m[i][i];
    const rowSum = m[i].reduce((a, b) => a + b, 0);
    const colSum = m.reduce((a, row) => a + row[i], 0);
    expected += (rowSum * colSum) / n;
  }
  observed /= n;
  expected /= n;
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/** Index of the paragraph (blocks split by blank lines) that holds `offset`. */
export function paragraphIndex(text: string, offset: number): number {
  let index = 0;
  const re = /\n[ \t]*\r?\n(?=[ \t]*\S)/g;
  for (let m = re.exec(text); m && m.index < offset; m = re.exec(text)) {
    if (m.index + m[0].length <= offset) index++;
  }
  return index;
}
