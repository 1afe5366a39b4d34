// Inputs no person writes but a paste or a generated file can hold: each shape repeated to 100 KB and to
// 1 MB and analysed in process, as `starr check` analyses a file, then the 1 MB file checked by the command
// line as a whole process (the promise: any file up to 1 MB in at most 2 s). The 1 MB runs are left out when
// 100 KB already took over 2 s (a shape no guard keeps in bounds), so the section never runs for minutes.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../src/analysis/analyze';
import type { BenchSection } from './bench';
import { childCpuMs, ms, now } from './util';

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

interface Row {
  kb100Ms: number;
  mb1Ms?: number;
  mb1CpuMs?: number;
  cliMs?: number;
  cliCpuMs?: number;
  /** Where the 1 MB file was read as plain text from, when it was (the guard against slow parses). */
  plainFrom?: number;
}

export const section: BenchSection = {
  name: 'shapes',
  run(ctx) {
    const options = { now: new Date('2026-11-22T12:00:00Z') };
    const cli = path.join(ctx.root, 'dist', 'cli.js');
    const dir = path.join(ctx.dir, 'shapes');
    fs.mkdirSync(dir, { recursive: true });
    analyze(ctx.texts[0], options);
    const rows: Record<string, Row> = {};
    ctx.log('Slow shapes: in process (parse, model and every check) 100 KB / 1 MB (CPU); `starr check` on the 1 MB file, wall (CPU)');
    for (const [name, unit] of SHAPES) {
      const piece = unit || `${ctx.texts[0]}\n\n`;
      const of = (size: number) => piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
      const t0 = now();
      analyze(of(100_000), options);
      const row: Row = { kb100Ms: now() - t0 };
      if (row.kb100Ms <= 2000) {
        const text = of(1_000_000);
        const c0 = process.cpuUsage();
        const t1 = now();
        const r = analyze(text, options);
        row.mb1Ms = now() - t1;
        const c = process.cpuUsage(c0);
        row.mb1CpuMs = (c.user + c.system) / 1000;
        const slow = r.account.tree.data?.defused?.find((d) => d.reason === 'slow-to-read');
        if (slow) row.plainFrom = slow.start;
        const file = path.join(dir, `${name.replace(/\W+/g, '-')}.md`);
        fs.writeFileSync(file, text);
        const k0 = childCpuMs();
        const t2 = now();
        const run = spawnSync(process.execPath, [cli, 'check', file, '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
        row.cliMs = now() - t2;
        row.cliCpuMs = childCpuMs() - k0;
        if (run.status !== 0 && run.status !== 1) throw new Error(`starr check ${file}: exit ${run.status}\n${run.stderr.toString()}`);
      }
      rows[name] = row;
      const mb = row.mb1Ms === undefined ? 'left out (100 KB took over 2 s)' : `${ms(row.mb1Ms, 0)} (${ms(row.mb1CpuMs!, 0)})`;
      const cliText = row.cliMs === undefined ? '' : `   CLI ${ms(row.cliMs, 0)} (${ms(row.cliCpuMs!, 0)})`;
      const plain = row.plainFrom === undefined ? '' : `   plain text from ${Math.round(row.plainFrom / 1000)} KB`;
      ctx.log(`  ${name.padEnd(38)} ${ms(row.kb100Ms, 0).padStart(9)} / ${mb}${cliText}${plain}`);
    }
    ctx.results.shapes = rows;
  },
};
