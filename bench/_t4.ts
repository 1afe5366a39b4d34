import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildAccountFor, runRules } from '../src/analysis/analyze';
import { defaultConfig } from '../src/core/config';
import { CriteriaCatalog } from '../src/core/criteria';
import { rules } from '../src/rules';
const dir = path.join(process.cwd(), '.bench', 'corpus');
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const config = defaultConfig();
const options = { config, criteria: new CriteriaCatalog(), now: new Date('2026-11-22T12:00:00Z') };
const only = process.argv[2].split(',');
const sel = rules.filter((r) => only.includes(r.meta.id));
const accounts = texts.map((t) => buildAccountFor(t, config));
for (let p = 0; p < 8; p++) {
  let total = 0;
  // fresh models each pass so per-model caches are not reused
  const fresh = p === 0 ? accounts : texts.map((t) => buildAccountFor(t, config));
  for (const a of fresh) { const t0 = performance.now(); runRules(a, { ...options, rules: sel }); total += performance.now() - t0; }
  console.log(only.join(','), (total / texts.length).toFixed(4));
}
