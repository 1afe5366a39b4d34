import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../src/analysis/analyze';
import { defaultConfig } from '../src/core/config';
import { CriteriaCatalog } from '../src/core/criteria';
const dir = path.join(process.cwd(), '.bench', 'corpus');
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const config = defaultConfig();
const options = { config, criteria: new CriteriaCatalog(), now: new Date('2026-11-22T12:00:00Z') };
for (let p = 0; p < 8; p++) {
  const t0 = performance.now();
  for (const t of texts) analyze(t, options);
  console.log('analyze', ((performance.now() - t0) / texts.length).toFixed(4));
}
