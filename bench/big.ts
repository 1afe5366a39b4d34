// The 2 MB list-heavy account: micromark closes list containers in time that grows with the square of
// the items, so this file shows the cost any unified-based tool pays.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { analyze } from '../src/analysis/analyze';
import type { BenchSection } from './bench';
import { ms, now } from './util';

export const section: BenchSection = {
  name: 'big',
  run(ctx) {
    const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
    const items = (ctx.bigText.match(/^- /gm) ?? []).length;
    const best = (fn: () => unknown, runs: number) => {
      let m = Infinity;
      for (let i = 0; i < runs; i++) {
        const t0 = now();
        fn();
        m = Math.min(m, now() - t0);
      }
      return m;
    };
    const parseMs = best(() => processor.parse(ctx.bigText), 2);
    const analyzeMs = best(() => analyze(ctx.bigText, { now: new Date('2026-11-22T12:00:00Z') }), 2);
    // The same words without list markers: the difference is the quadratic list cost.
    const flat = ctx.bigText.replace(/^- /gm, '');
    const flatMs = best(() => processor.parse(flat), 1);
    ctx.log(`2 MB account (${items} list items): unified parse ${ms(parseMs, 0)}, full analysis ${ms(analyzeMs, 0)}; same text without list markers parses in ${ms(flatMs, 0)}`);
    ctx.results.big = { bytes: Buffer.byteLength(ctx.bigText), listItems: items, parseMs, analyzeMs, parseWithoutListsMs: flatMs };
  },
};
