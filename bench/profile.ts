// Where analysis time goes, per account, relative to the bare parse: `node out/bench/profile.js` after
// `node scripts/build.mjs --bench` (needs the corpus `npm run bench` writes). Not part of `npm run bench`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseMarkdown } from '../src/core/parse';
import { analyze, buildAccountFor, runRules } from '../src/analysis/analyze';
import { defaultConfig } from '../src/core/config';
import { CriteriaCatalog } from '../src/core/criteria';
import { rules } from '../src/rules';
import { median, now } from './util';
import { parseAlone } from './baselines';

const dir = path.join(process.cwd(), '.bench', 'corpus');
const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
const config = defaultConfig();
const options = { config, criteria: new CriteriaCatalog(), now: new Date('2026-11-22T12:00:00Z') };
const PASSES = Number(process.argv[2] ?? 5);

const rows = new Map<string, number[][]>();
const record = (name: string, i: number, t: number) => {
  let r = rows.get(name);
  if (!r) rows.set(name, (r = texts.map(() => [])));
  r[i].push(t);
};

for (let p = 0; p <= PASSES; p++) {
  texts.forEach((t, i) => {
    let t0 = now();
    parseMarkdown(t);
    const parse = now() - t0;
    t0 = now();
    parseAlone(t);
    const parse2 = now() - t0;
    t0 = now();
    analyze(t, options);
    const whole = now() - t0;
    t0 = now();
    const account = buildAccountFor(t, config);
    const build = now() - t0;
    t0 = now();
    runRules(account, options);
    const all = now() - t0;
    if (p === 0) return; // warm-up
    record('parse', i, parse);
    record('analyze (whole)', i, whole);
    record('parse (own processor)', i, parse2);
    record('model (build − parse)', i, build - parse);
    record('runRules (all)', i, all);
    // Each rule on a fresh model, in registry order, so shared per-account work (quotes) is paid where it
    // is first needed, as in a real run.
    const fresh = buildAccountFor(t, config);
    for (const rule of rules) {
      t0 = now();
      runRules(fresh, { ...options, rules: [rule] });
      record(`  ${rule.meta.id}`, i, now() - t0);
    }
  });
}

const parseMedian = median(rows.get('parse')!.map(median));
for (const [name, r] of rows) {
  const m = median(r.map(median));
  console.log(`${name.padEnd(28)} ${m.toFixed(4)} ms  ${(m / parseMedian).toFixed(3)}× parse`);
}
