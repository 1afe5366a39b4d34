// Parse alone vs full analysis, per account, in one process.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import { parseDocument } from 'yaml';
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
    // The baselines document's "unified parse" row: the parse plus yaml for the front matter and
    // mdast-util-to-string over the tree.
    const baseline = (t: string) => {
      const tree = processor.parse(t);
      const fm = tree.children[0];
      if (fm?.type === 'yaml') parseDocument(fm.value).toJS();
      return toString(tree);
    };
    const full = (t: string) => analyze(t, options);
    const n = ctx.texts.length;
    const parseTimes: number[][] = Array.from({ length: n }, () => []);
    const fullTimes: number[][] = Array.from({ length: n }, () => []);
    // Warm up both paths (JIT, lazy data), then alternate whole passes so drift hits both alike.
    for (const t of ctx.texts) {
      parse(t);
      full(t);
    }
    // Per file, parse and analysis back to back (order alternating), so a busy machine slows both alike.
    const baseTimes: number[][] = Array.from({ length: n }, () => []);
    for (let p = 0; p < PASSES; p++) {
      for (let i = 0; i < n; i++) {
        const t = ctx.texts[i];
        const order = (p + i) % 2 ? [0, 1, 2] : [2, 1, 0];
        for (const k of order) {
          const t0 = now();
          if (k === 0) parse(t);
          else if (k === 1) full(t);
          else baseline(t);
          (k === 0 ? parseTimes : k === 1 ? fullTimes : baseTimes)[i].push(now() - t0);
        }
      }
    }
    const parseMedian = median(parseTimes.map(median));
    const fullMedian = median(fullTimes.map(median));
    const baseMedian = median(baseTimes.map(median));
    ctx.log(`median per account, unified parse (remark-parse + remark-frontmatter): ${ms(parseMedian, 3)}`);
    ctx.log(`median per account, full analysis (analyze(): parse, model, all rules):  ${ms(fullMedian, 3)}`);
    ctx.log(`analysis ÷ parse: ${ratio(fullMedian, parseMedian)} (target ≤ 1.25×)`);
    ctx.log(`(parse + yaml + mdast-util-to-string, the baselines' "unified parse" row: ${ms(baseMedian, 3)}; analysis ÷ that: ${ratio(fullMedian, baseMedian)})`);

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
      parseYamlToStringMedianMs: baseMedian,
      ratioToParseYamlToString: fullMedian / baseMedian,
      account900: { words, analyzeMedianMs: median(runs), parseMedianMs: median(parseRuns) },
    };
  },
};
