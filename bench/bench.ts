// `npm run bench`: generate the corpus, then run each section in turn and write .bench/results.json.
// Sections are separate modules; to add one, export a BenchSection from bench/<name>.ts and list it below.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeCorpus, type Corpus } from './corpus';
import { section as core } from './core';
import { section as processRows } from './process';
import { section as big } from './big';
import { section as cli } from './cli';
import { section as coverage } from './coverage';
import { section as report } from './report';
import { section as tricks } from './tricks';
import { section as scale } from './scale';
import { section as shapes } from './shapes';
import { section as word } from './word';

export interface BenchContext {
  /** The repository root (the benchmark runs from it). */
  root: string;
  /** `.bench/`: scratch space, gitignored. */
  dir: string;
  corpus: Corpus;
  /** The 1,000 accounts' texts, in corpus order. */
  texts: string[];
  /** The 2 MB list-heavy account. */
  bigText: string;
  /** Each section writes its figures under its own name; all of it goes to .bench/results.json. */
  results: Record<string, unknown>;
  log(line?: string): void;
}

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): void | Promise<void>;
}

/** In the order they run. */
export const sections: BenchSection[] = [
  core,
  tricks,
  processRows,
  big,
  shapes,
  cli,
  coverage,
  report,
  scale,
  word,
];

async function main(): Promise<void> {
  const root = process.cwd();
  const dir = path.join(root, '.bench');
  const only = process.argv.slice(2);
  const corpus = writeCorpus(dir);
  const texts = corpus.files.map((f) => fs.readFileSync(f, 'utf8'));
  const bigText = fs.readFileSync(corpus.bigFile, 'utf8');
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const ctx: BenchContext = { root, dir, corpus, texts, bigText, results: {}, log: (line = '') => console.log(line) };
  ctx.results.machine = { node: process.version, cpus: (await import('node:os')).cpus().length, date: new Date().toISOString() };
  ctx.results.corpus = { accounts: texts.length, bytes, bigBytes: Buffer.byteLength(bigText), bigListItems: (bigText.match(/^- /gm) ?? []).length };
  ctx.log(`Corpus: ${texts.length} accounts, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${path.relative(root, corpus.dir)}; plus ${(Buffer.byteLength(bigText) / 1024 / 1024).toFixed(1)} MB list-heavy account`);
  for (const s of sections) {
    if (only.length && !only.includes(s.name)) continue;
    ctx.log(`\n== ${s.name}`);
    await s.run(ctx);
  }
  fs.writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(ctx.results, null, 2)}\n`);
  ctx.log(`\nResults written to ${path.relative(root, path.join(dir, 'results.json'))}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
