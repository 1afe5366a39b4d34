// Word import and export: a 2,000-word .docx imported (goal ≤ 150 ms), one account exported in each format (goal
// ≤ 100 ms), and all 1,000 corpus accounts exported to .docx, in one process after a warm-up.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { BenchSection } from './bench';
import { median, ms, now, s } from './util';
import { defaultConfig } from '../src/analysis';
import { exportAccount, importDocx, type ExportFormat } from '../src/convert';
import { CriteriaCatalog } from '../src/core/criteria';

const RUNS = 15;

async function timeMedianAsync(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await fn();
    xs.push(now() - t0);
  }
  return median(xs);
}

const SENTENCES = [
  'On the Monday morning the returns queue had grown to 140 cases, twice its usual size for the time of year.',
  'I checked the service level report and saw that 38 of those cases were already past the 48-hour target.',
  'My team leader asked me to clear the oldest cases first and to tell each customer when they would hear from us.',
  'I sorted the queue by age, called the customers with the oldest cases and agreed a date with each of them.',
  'Where a refund was held by finance, I sent the case number and the amount so that they could release it that day.',
  'By Wednesday the queue was down to 52 cases and none of them was past the target.',
  'I learned that a customer minds the wait less when they know the date, so I now give a date on the first call.',
];

/** A Word document of about `words` words: a title, five section headings, paragraphs, a list and a table. */
async function draft(words: number): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: 'Clearing the returns backlog', heading: HeadingLevel.TITLE })];
  const perSection = Math.ceil(words / 5);
  let i = 0;
  for (const name of ['Situation', 'Task', 'Action', 'Result', 'Reflection']) {
    children.push(new Paragraph({ text: name, heading: HeadingLevel.HEADING_1 }));
    for (let n = 0; n < perSection; ) {
      const para: string[] = [];
      for (let k = 0; k < 4 && n < perSection; k++) {
        const sentence = SENTENCES[i++ % SENTENCES.length];
        para.push(sentence);
        n += sentence.split(' ').length;
      }
      children.push(new Paragraph({ children: [new TextRun(para.join(' '))] }));
    }
    if (name === 'Action') for (const step of ['Sorted the queue by age.', 'Called the oldest cases first.', 'Sent held refunds to finance.']) children.push(new Paragraph({ text: step, bullet: { level: 0 } }));
    if (name === 'Result') children.push(new Table({ rows: [['Day', 'Cases'], ['Monday', '140'], ['Wednesday', '52']].map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }));
  }
  return new Uint8Array(await Packer.toArrayBuffer(new Document({ sections: [{ children }] })));
}

export const section: BenchSection = {
  name: 'word',
  async run(ctx) {
    const config = defaultConfig();
    const catalog = new CriteriaCatalog();
    const options = { fileName: 'returns-backlog.docx', date: '2026-12-07' };

    const docx = await draft(2000);
    let t = now();
    const first = await importDocx(docx, options);
    const importFirstMs = now() - t;
    if (!first.ok) throw new Error(first.problem);
    const importedWords = first.markdown.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    const importMs = await timeMedianAsync(RUNS, () => importDocx(docx, options));
    ctx.log(`import of a ${importedWords}-word .docx (${(docx.length / 1024).toFixed(0)} KB): ${ms(importMs)} (median of ${RUNS}; first call, loading included, ${ms(importFirstMs)}; goal ≤ 150 ms)`);

    // The corpus account closest to 900 words, as in the core section.
    const words = ctx.texts.map((x) => x.split(/\s+/).length);
    const one = ctx.texts[words.reduce((b, w, i) => (Math.abs(w - 900) < Math.abs(words[b] - 900) ? i : b), 0)];
    const exportOne: Record<ExportFormat, number> = { docx: 0, html: 0, txt: 0 };
    for (const format of ['docx', 'html', 'txt'] as const) {
      const run = () => exportAccount(one, { format, config, catalog, force: true, includeFeedback: true, criteriaTable: true, path: 'one.md' });
      const r = await run();
      if (!r.ok) throw new Error(r.reasons.join('\n'));
      exportOne[format] = await timeMedianAsync(RUNS, run);
    }
    ctx.log(`export of one ${one.split(/\s+/).length}-word account (checks, criteria table included): .docx ${ms(exportOne.docx)}, .html ${ms(exportOne.html)}, .txt ${ms(exportOne.txt)} (medians of ${RUNS}; goal ≤ 100 ms)`);

    // The whole corpus: every account written (forced, feedback kept), then as `starr export <folder>` runs by
    // default, where the checks stop the accounts with errors or open feedback (file writes left out of both).
    t = now();
    let bytes = 0;
    for (const [i, text] of ctx.texts.entries()) {
      const r = await exportAccount(text, { format: 'docx', config, catalog, path: ctx.corpus.files[i], force: true, includeFeedback: true });
      if (!r.ok) throw new Error(r.reasons.join('\n'));
      bytes += r.bytes.length;
    }
    const exportAllMs = now() - t;
    t = now();
    let refused = 0;
    for (const [i, text] of ctx.texts.entries()) {
      const r = await exportAccount(text, { format: 'docx', config, catalog, path: ctx.corpus.files[i] });
      if (!r.ok) refused++;
    }
    const exportDefaultMs = now() - t;
    ctx.log(`export of all ${ctx.texts.length} accounts to .docx: ${s(exportAllMs)} (${ms(exportAllMs / ctx.texts.length)} each, ${(bytes / 1024 / 1024).toFixed(1)} MB)`);
    ctx.log(`the same without --force: ${s(exportDefaultMs)}; ${ctx.texts.length - refused} written, ${refused} refused for errors or open feedback`);
    ctx.results.word = { importWords: importedWords, importDocxBytes: docx.length, importMs, importFirstMs, exportOne, exportAllMs, exportAllBytes: bytes, exportDefaultMs, exportAllAccounts: ctx.texts.length, exportDefaultRefused: refused };
  },
};
