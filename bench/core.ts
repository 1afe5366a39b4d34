// Parse alone vs full analysis, per account, in one process.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { analyze } from '../src/core/analyze';
import { defaultConfig } from '../src/core/config';
import { CriteriaCatalog } from '../src/core/criteria';
import type { BenchSection } from './bench';
import { median, ms, now, ratio } from './util';

const PASSES = 5;

export const section: BenchSection = {
  name: 'core',
  run(ctx) {
    const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
    const options = { config: defaultConfig(), criteria: new CriteriaCatalog(), now: new Date('2026-11-22T12:00:00Z') };
    const parse = (t: string) => processor.parse(t);
    const full = (t: string) => analyze(t, options);
    const n = ctx.texts.length;
    const parseTimes: number[][] = Array.from({ length: n }, () => []);
    const fullTimes: number[][] = Array.from({ length: n }, () => []);
    // Warm up both paths (JIT, lazy data), then alternate whole passes so drift hits both alike.
    for (const t of ctx.texts) {
      parse(t);
      full(t);
    }
    for (let p = 0; p < PASSES; p++) {
      for (let i = 0; i < n; i++) {
        const t0 = now();
        parse(ctx.texts[i]);
        parseTimes[i].push(now() - t0);
      }
      for (let i = 0; i < n; i++) {
        const t0 = now();
        full(ctx.texts[i]);
        fullTimes[i].push(now() - t0);
      }
    }
    const parseMedian = median(parseTimes.map(median));
    const fullMedian = median(fullTimes.map(median));
    ctx.log(`median per account, unified parse (remark-parse + remark-frontmatter): ${ms(parseMedian, 3)}`);
    ctx.log(`median per account, full analysis (analyze(): parse, model, all rules):  ${ms(fullMedian, 3)}`);
    ctx.log(`analysis ÷ parse: ${ratio(fullMedian, parseMedian)} (target ≤ 1.25×)`);

    // A 900-word account, parse included.
    let best = 0;
    let bestDiff = Infinity;
    ctx.texts.forEach((t, i) => {
      const d = Math.abs(full(t).account.words - 900);
      if (d < bestDiff) {
        best = i;
        bestDiff = d;
      }
    });
    const t900 = ctx.texts[best];
    const words = full(t900).account.words;
    const runs: number[] = [];
    const parseRuns: number[] = [];
    for (let k = 0; k < 300; k++) {
      let t0 = now();
      full(t900);
      runs.push(now() - t0);
      t0 = now();
      parse(t900);
      parseRuns.push(now() - t0);
    }
    ctx.log(`${words}-word account (${ctx.corpus.files[best].split('/').pop()}), analysed with parse: ${ms(median(runs), 3)} median of 300 (parse alone ${ms(median(parseRuns), 3)}; target ~2 ms)`);
    ctx.results.core = {
      passes: PASSES,
      parseMedianMs: parseMedian,
      analyzeMedianMs: fullMedian,
      ratio: fullMedian / parseMedian,
      account900: { words, analyzeMedianMs: median(runs), parseMedianMs: median(parseRuns) },
    };
  },
};
