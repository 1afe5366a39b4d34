// Inputs no person writes but a paste or a generated file can hold: each shape repeated to 100 KB and to
// 1 MB and analysed in process, as `starr check` analyses a file. The 1 MB run is left out when 100 KB
// already took over 400 ms: at ten times the size that is over 4 s even if the cost only grows with the size.
import { analyze } from '../src/analysis/analyze';
import type { BenchSection } from './bench';
import { ms, now } from './util';

const SHAPES: [string, string][] = [
  ['prose (a sample account, repeated)', ''],
  ['nested lists, four deep', '- a\n  - b\n    - c\n      - d\n'],
  ['nested quotes with lazy lines', '> a\n> > b\n'],
  ['one list of many items', '- I rang the depot and agreed a slot.\n'],
  ['unclosed links', '[a]('],
  ['links in one paragraph', '[x](http://e.com) '],
  ['nested emphasis', '*a **a '],
  ['unclosed feedback marks', '{>> '],
  ['closed feedback marks', '{>>[tutor:AB] why<<} I rang. '],
  ['a run of phone numbers', '0712345678 '],
  ['names with titles', 'Mrs Jane Smith rang. '],
  ['headings', '## Situation\n\nI was on the desk.\n\n'],
  ['labels on every line', 'Situation: I was on the desk.\nTask: to answer.\n'],
  ['character references', '&amp; '],
];

export const section: BenchSection = {
  name: 'shapes',
  run(ctx) {
    const options = { now: new Date('2026-11-22T12:00:00Z') };
    analyze(ctx.texts[0], options);
    const rows: Record<string, { kb100Ms: number; mb1Ms?: number }> = {};
    ctx.log('Slow shapes, analysed in process (parse, model and every check): 100 KB / 1 MB');
    for (const [name, unit] of SHAPES) {
      const piece = unit || `${ctx.texts[0]}\n\n`;
      const of = (size: number) => piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
      const time = (text: string) => {
        const t0 = now();
        analyze(text, options);
        return now() - t0;
      };
      const kb100Ms = time(of(100_000));
      const mb1Ms = kb100Ms <= 400 ? time(of(1_000_000)) : undefined;
      rows[name] = { kb100Ms, ...(mb1Ms === undefined ? {} : { mb1Ms }) };
      ctx.log(`  ${name.padEnd(38)} ${ms(kb100Ms, 0).padStart(9)} / ${mb1Ms === undefined ? 'left out (100 KB took over 0.4 s)' : ms(mb1Ms, 0)}`);
    }
    ctx.results.shapes = rows;
  },
};
