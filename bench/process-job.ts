// One whole process over a folder, as the baselines document times its rows: start Node, read each file,
// do one job on it. `node out/bench/process-job.js <parse|row|naive|analyze> <folder>`; prints the count.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../src/analysis/analyze';
import { defaultConfig } from '../src/core/config';
import { naivePrototype, parseAlone, unifiedRow } from './baselines';

const [job, dir] = process.argv.slice(2);
const config = defaultConfig();
const jobs: Record<string, (text: string) => unknown> = {
  parse: parseAlone,
  row: unifiedRow,
  naive: naivePrototype,
  analyze: (text) => analyze(text, { config }),
};
const fn = jobs[job];
if (!fn || !dir) {
  console.error('usage: process-job.js <parse|row|naive|analyze> <folder>');
  process.exit(2);
}
let n = 0;
for (const f of fs.readdirSync(dir).sort()) {
  if (!f.endsWith('.md')) continue;
  fn(fs.readFileSync(path.join(dir, f), 'utf8'));
  n++;
}
console.log(n);
