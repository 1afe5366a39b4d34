// `npm run eval`: accuracy of the checks on the labelled corpus, per split.
//   npm run eval                      both splits
//   npm run eval -- --split dev       one split
//   npm run eval -- --details         also list each dev account's disagreements (never the test split's)
//   npm run eval -- --json FILE       also write the figures as JSON
//   npm run eval -- --split dev --only w6-   only the accounts whose file name starts so (a batch written since tuning);
//                                            several prefixes may be given, comma-separated (w7-001,w7-003)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseSplit, BINARY_CHECKS, corpusDir, DEPTHS, disagreements, score, type SplitScores } from './evaluate';

const args = process.argv.slice(2);
const valueOf = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const root = path.resolve(__dirname, '../..');
const splits = valueOf('--split') ? [valueOf('--split')!] : ['dev', 'test'];
const pct = (x: number | null) => (x === null ? '  n/a' : x.toFixed(2).padStart(5));
const all: Record<string, SplitScores> = {};

for (const split of splits) {
  const dir = corpusDir(root, split);
  if (!fs.existsSync(dir)) {
    console.error(`No split "${split}": ${path.relative(root, dir)} does not exist.`);
    process.exit(2);
  }
  let unreadable = 0;
  const only = valueOf('--only');
  const prefixes = only ? only.split(',').filter(Boolean) : [];
  const results = analyseSplit(dir, (file, problems) => {
    unreadable++;
    console.error(`${split}/${file}: left out, its labels do not resolve: ${problems.join('; ')}`);
  }).filter((r) => prefixes.length === 0 || prefixes.some((p) => r.file.startsWith(p)));
  if (unreadable) process.exitCode = 1;
  const s = score(results);
  all[split] = s;
  console.log(`\n== ${split}${only ? ` (${only}*)` : ''}: ${s.accounts} accounts ==`);
  console.log(`section presence agreement        ${pct(s.sectionPresence.agreement)}  (${s.sectionPresence.agree}/${s.sectionPresence.cells} account×section cells)`);
  console.log(`inferred boundaries within 1 para ${pct(s.boundaries.accuracy)}  (${s.boundaries.withinOne}/${s.boundaries.total}; same paragraph ${s.boundaries.exact})`);
  console.log('\ncheck                                     P     R    F1   bal.acc   tp  fp  fn  tn');
  for (const [id, label] of Object.entries(BINARY_CHECKS)) {
    const b = s.binary[id as keyof typeof BINARY_CHECKS];
    console.log(`${`${id} (${label})`.padEnd(38).slice(0, 38)} ${pct(b.precision)} ${pct(b.recall)} ${pct(b.f1)}   ${pct(b.balancedAccuracy)}   ${[b.tp, b.fp, b.fn, b.tn].map((n) => String(n).padStart(3)).join(' ')}`);
  }
  for (const [id, t] of Object.entries(s.spans)) {
    console.log(`${`${id} (spans)`.padEnd(38)} ${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)}             labelled ${t.goldFound + t.goldMissed}, found ${t.goldFound}; flagged ${t.predictedRight + t.predictedWrong}, right ${t.predictedRight}`);
  }
  console.log(`\nreflection depth: exact agreement ${pct(s.depth.agreement)}, Cohen's kappa ${pct(s.depth.kappa)}`);
  console.log(`  labelled \\ judged ${DEPTHS.map((d) => d.padStart(12)).join('')}`);
  DEPTHS.forEach((d, i) => console.log(`  ${d.padEnd(17)}${s.depth.matrix[i].map((n) => String(n).padStart(12)).join('')}`));
  console.log(`\nstrong accounts: ${s.strongAccounts.count}, with ${s.strongAccounts.warningsOrErrors} warnings or errors between them`);
  if (args.includes('--details')) {
    if (split === 'test') console.log('\n(details are not shown for the test split: it is kept unseen)');
    else console.log(`\n${disagreements(results).join('\n')}`);
  }
}

const jsonOut = valueOf('--json');
if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(all, null, 2) + '\n');
