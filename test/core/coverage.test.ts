import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../src/analysis/analyze';
import { parseConfig, resolveConfig } from '../../src/core/config';
import { CriteriaCatalog } from '../../src/core/criteria';
import {
  computeCoverage, coverageByLearner, coverageCsv, coverageMarkdown, coverageMatrix, coverageSummary,
  type CoverageReport, type CriterionCoverage,
} from '../../src/core/coverage';
import { coverageFacts } from '../../src/core/coverage-facts';
import { PortfolioIndex, summarise, type AccountSummary } from '../../src/analysis';
import { compactSummary } from '../../src/core/portfolio';
import missingSection from '../../src/rules/missing-section';
import missingOutcomeMeasure from '../../src/rules/missing-outcome-measure';
import unknownCriterion from '../../src/rules/unknown-criterion';
import { buildAccount } from '../../src/core/model';
import { getFramework } from '../../src/core/data';

const root = join(process.cwd(), 'test/fixtures/coverage/portfolio');
const files = (dir: string, ext: string) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(ext)).sort();
const config = resolveConfig(parseConfig(readFileSync(join(root, '.starr.yaml'), 'utf8')).config);
const catalog = new CriteriaCatalog({
  centre: files(join(root, 'criteria'), '.yaml').map((f) => ({ source: `criteria/${f}`, text: readFileSync(join(root, 'criteria', f), 'utf8') })),
});

/** Summaries with a fixed set of rules, so the states below do not move when other rules change. */
function summaries(): AccountSummary[] {
  return files(root, '.md').map((f) => {
    const text = readFileSync(join(root, f), 'utf8');
    const { account, findings } = analyze(text, { config, criteria: catalog, rules: [missingSection, unknownCriterion], now: new Date('2026-11-01') });
    return summarise(f.split('\\').join('/'), account, findings);
  });
}

function criterion(report: CoverageReport, unit: string, id: string): CriterionCoverage {
  const c = report.units.find((u) => u.unit.id === unit)?.outcomes.flatMap((o) => o.criteria).find((x) => x.criterion.id === id);
  assert.ok(c, `${unit} ${id}`);
  return c;
}

describe('coverage', () => {
  // Built before each test, not while the file loads, so a mutation run knows which tests use this code.
  let all: AccountSummary[];
  let report: CoverageReport;
  beforeEach(() => {
    all = summaries();
    report = computeCoverage(all, catalog);
  });

  it('loads the centre sets and reports the broken one at its line', () => {
    assert.ok(catalog.hasUnit('CENTRE-CARE'));
    assert.ok(!catalog.hasUnit('BROKEN-UNIT'));
    assert.equal(catalog.problems.length, 1);
    assert.equal(catalog.problems[0].source, 'criteria/broken.yaml');
    assert.equal(catalog.problems[0].line, 3);
  });

  it('shows the units the accounts name, in id order', () => {
    assert.deepEqual(report.units.map((u) => u.unit.id), ['CENTRE-CARE', 'CS3-MON', 'CS3-SP']);
    assert.deepEqual(report.learners, ['L-101', 'L-202']);
  });

  it('marks a criterion covered by a clean account that references it in the text', () => {
    for (const id of ['2.1', '2.3', '3.3']) {
      const c = criterion(report, 'CS3-MON', id);
      assert.equal(c.state, 'covered', id);
      assert.equal(c.accounts[0].uri, 'learner-a/fcr-monitoring.md');
    }
  });

  it('records where the evidence is: source, section and line', () => {
    const c = criterion(report, 'CS3-MON', '2.3');
    const refs = c.accounts[0].refs;
    assert.deepEqual(refs.map((r) => r.source), ['front-matter', 'inline']);
    assert.equal(refs[0].line, 4);
    assert.equal(refs[1].sectionId, 'action');
    assert.equal(refs[1].sectionName, 'Action');
    const text = readFileSync(join(root, 'learner-a/fcr-monitoring.md'), 'utf8');
    assert.match(text.split('\n')[refs[1].line!], /\(AC 2\.3\)/);
  });

  it('marks a front-matter claim the text never references as weak (claim-only)', () => {
    const c = criterion(report, 'CS3-MON', '1.1');
    assert.equal(c.state, 'weak');
    assert.deepEqual(c.reasons, ['claim-only']);
  });

  it('marks evidence from an account with errors as weak (errors)', () => {
    const c = criterion(report, 'CS3-MON', '3.2');
    assert.equal(c.state, 'weak');
    assert.deepEqual(c.reasons, ['errors']);
    assert.ok(c.accounts[0].errors >= 1);
  });

  it('marks a command verb not met as weak (verb): justify with no reasons given', () => {
    const c = criterion(report, 'CS3-MON', '3.5');
    assert.equal(c.criterion.verb, 'justify');
    assert.equal(c.state, 'weak');
    assert.deepEqual(c.reasons, ['verb']);
  });

  it('marks a criterion that asks for a measure as weak (no-measure) when the Result has none', () => {
    const text = readFileSync(join(root, 'learner-a/fcr-monitoring.md'), 'utf8').replace(/## Result\n\n[^\n]+/, '## Result\n\nCustomers were much happier afterwards and the team was pleased with the change.');
    const rules = [missingSection, unknownCriterion, missingOutcomeMeasure];
    const { account, findings } = analyze(text, { config, criteria: catalog, rules, now: new Date('2026-11-01') });
    assert.ok(findings.some((f) => f.ruleId === 'missing-outcome-measure'));
    const weak = computeCoverage([summarise('learner-a/fcr-monitoring.md', account, findings)], catalog);
    // 3.3: "Evaluate the effect of the action, comparing results before and after against the standard."
    assert.deepEqual(criterion(weak, 'CS3-MON', '3.3').reasons, ['no-measure']);
    assert.equal(criterion(weak, 'CS3-MON', '3.3').state, 'weak');
    // 2.3 asks for a root cause, not a measure: still covered.
    assert.equal(criterion(weak, 'CS3-MON', '2.3').state, 'covered');
    // The same from a compact summary (findings counted per rule), as the CLI's portfolio commands keep them.
    const compact = computeCoverage([compactSummary(summarise('learner-a/fcr-monitoring.md', account, findings))], catalog);
    assert.deepEqual(criterion(compact, 'CS3-MON', '3.3').reasons, ['no-measure']);
    // With its figures the same account covers 3.3, with that rule on.
    const measured = analyze(readFileSync(join(root, 'learner-a/fcr-monitoring.md'), 'utf8'), { config, criteria: catalog, rules, now: new Date('2026-11-01') });
    assert.equal(criterion(computeCoverage([summarise('a.md', measured.account, measured.findings)], catalog), 'CS3-MON', '3.3').state, 'covered');
  });

  it('gives the same coverage from summaries cut down to what it reads, each repeated string kept once', () => {
    const all = summaries();
    // Every rule, so that the no-measure weakness (read from one rule's count) is in play too.
    const texts = files(root, '.md').map((f) => [f, readFileSync(join(root, f), 'utf8')]);
    texts.push(['learner-a/unmeasured.md', texts.find(([f]) => f.endsWith('fcr-monitoring.md'))![1].replace(/## Result\n\n[^\n]+/, '## Result\n\nCustomers were much happier afterwards.')]);
    const full = texts.map(([f, text]) => {
      const { account, findings } = analyze(text, { config, criteria: catalog, now: new Date('2026-11-01') });
      return summarise(f, account, findings);
    });
    for (const list of [all, full]) {
      const lean = coverageSummary();
      const cut = list.map(lean);
      assert.deepEqual(computeCoverage(cut, catalog), computeCoverage(list, catalog));
      assert.deepEqual(coverageByLearner(cut, catalog), coverageByLearner(list, catalog));
      assert.ok(cut.every((s) => s.findings.length === 0 && s.feedback.length === 0), 'no findings or feedback kept');
    }
    assert.ok(full.some((s) => (s.findingsByRule?.['missing-outcome-measure'] ?? s.findings.filter((f) => f.ruleId === 'missing-outcome-measure').length) > 0), 'a Result with no measure among them');
  });

  it('marks criteria no account mentions as uncovered, and counts per outcome and unit', () => {
    assert.equal(criterion(report, 'CS3-MON', '1.2').state, 'uncovered');
    const mon = report.units.find((u) => u.unit.id === 'CS3-MON')!;
    assert.deepEqual(mon.counts, { covered: 3, weak: 3, uncovered: 5, total: 11 });
    assert.deepEqual(mon.outcomes[2].counts, { covered: 1, weak: 2, uncovered: 2, total: 5 });
    assert.equal(mon.accounts.length, 4);
  });

  it('flags one account claiming most of a unit', () => {
    const sp = report.units.find((u) => u.unit.id === 'CS3-SP')!;
    assert.equal(sp.overClaims.length, 1);
    assert.equal(sp.overClaims[0].uri, 'learner-b/partnership-everything.md');
    assert.equal(sp.overClaims[0].claimed.length, 8);
    assert.equal(sp.overClaims[0].total, 10);
    assert.equal(report.units.find((u) => u.unit.id === 'CS3-MON')!.overClaims.length, 0);
    assert.equal(computeCoverage(all, catalog, { overClaimRatio: 0.9 }).units.find((u) => u.unit.id === 'CS3-SP')!.overClaims.length, 0);
  });

  it('uses the centre set for a centre unit', () => {
    const u = report.units.find((x) => x.unit.id === 'CENTRE-CARE')!;
    assert.equal(u.origin, 'centre');
    assert.equal(u.source, 'criteria/centre-unit.yaml');
    assert.equal(criterion(report, 'CENTRE-CARE', '1.1').state, 'weak');
  });

  it('lists accounts that name no unit', () => {
    assert.deepEqual(report.unassigned.map((a) => [a.uri, a.reason]), [['learner-b/no-unit.md', 'no-unit']]);
  });

  it('restricts to one unit, showing it even without accounts', () => {
    const one = computeCoverage(all, catalog, { units: ['cs3-org'] });
    assert.deepEqual(one.units.map((u) => u.unit.id), ['CS3-ORG']);
    assert.equal(one.units[0].counts.uncovered, 10);
    assert.equal(computeCoverage(all, catalog, { allUnits: true }).units.length, 6);
  });

  it('groups by learner', () => {
    const per = coverageByLearner(all, catalog);
    assert.deepEqual(per.map((r) => r.learner), ['L-101', 'L-202']);
    assert.deepEqual(per[0].units.map((u) => u.unit.id), ['CS3-MON']);
    assert.deepEqual(per[1].units.map((u) => u.unit.id), ['CENTRE-CARE', 'CS3-SP']);
  });

  it('builds the criteria × accounts matrix', () => {
    const m = coverageMatrix(report);
    assert.equal(m.rows.length, 2 + 11 + 10);
    assert.equal(m.columns.length, 6);
    const row = m.rows.find((r) => r.unitId === 'CS3-MON' && r.criterionId === '3.3')!;
    const col = m.columns.findIndex((c) => c.uri === 'learner-a/fcr-monitoring.md');
    assert.equal(row.cells[col], 'covered');
    assert.equal(m.columns[col].label, 'fcr-monitoring');
  });

  it('exports CSV with a header, quoting and one row per criterion', () => {
    const csv = coverageCsv(report);
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + 23);
    assert.match(lines[0], /^Unit,Outcome,Criterion,Verb,Criterion text,State,Accounts,complaint-care,/);
    const line = lines.find((l) => l.startsWith('CS3-MON,3,3.3,'))!;
    assert.match(line, /,covered,1,/);
    // Criterion text with a comma is quoted.
    assert.ok(lines.some((l) => l.includes('"Explain the methods and data sources used to monitor service quality (surveys, KPIs,')));
  });

  it('exports Markdown with one table per unit and the over-claim noted', () => {
    const md = coverageMarkdown(report);
    assert.match(md, /^# Criteria coverage/);
    assert.match(md, /## CS3-MON — Monitor and evaluate customer service\n\n3\/11 covered · 3 weak · 5 not covered · 4 accounts/);
    assert.match(md, /\| \*\*3\.3\*\* Evaluate the effect .* \| evaluate \| ✅ covered \|/);
    assert.match(md, /Over-claiming:\*\* "Working with our courier partner" claims 8 of 10 criteria of CS3-SP/);
    assert.match(md, /## Accounts not placed\n\n- A complaint about a late sofa \(L-202\): no `unit:`/);
    // Every table row has as many cells as its header.
    const tables = md.split('\n').filter((l) => l.startsWith('|'));
    assert.ok(tables.length > 20);
  });

  it('coverage facts: the lines of references and the cues found', () => {
    const text = readFileSync(join(root, 'learner-a/fcr-monitoring.md'), 'utf8');
    const account = buildAccount(text, { framework: getFramework('starr')!, resolveFramework: getFramework });
    const f = coverageFacts(account);
    assert.equal(f.refs.length, account.criteria.length);
    assert.deepEqual(f.cues.map((c) => c.family).sort(), ['analyse', 'evaluate', 'explain']);
    const justify = buildAccount(readFileSync(join(root, 'learner-a/justify-choice.md'), 'utf8'), { framework: getFramework('starr')!, resolveFramework: getFramework });
    assert.deepEqual(coverageFacts(justify).cues.filter((c) => c.family !== 'analyse'), []);
  });

  it('does not hold the verb against a summary with no facts', () => {
    const bare = all.map((s) => ({ ...s, evidence: undefined }));
    const c = criterion(computeCoverage(bare, catalog), 'CS3-MON', '3.5');
    assert.equal(c.state, 'covered');
  });

  it('the strong fixture has no errors under every rule (so "covered" holds in real use)', () => {
    const index = new PortfolioIndex({ configFor: () => config, criteria: catalog, now: new Date('2026-11-01') });
    const s = index.update('learner-a/fcr-monitoring.md', readFileSync(join(root, 'learner-a/fcr-monitoring.md'), 'utf8'));
    assert.equal(s.counts.error, 0, JSON.stringify(s.findings.filter((f) => f.severity === 'error').map((f) => f.message)));
    assert.equal(criterion(computeCoverage(index.all(), catalog), 'CS3-MON', '3.3').state, 'covered');
  });

  it('updates after one file changes (incremental index)', () => {
    const index = new PortfolioIndex({ configFor: () => config, criteria: catalog, now: new Date('2026-11-01') });
    for (const f of files(root, '.md')) index.update(relative(root, join(root, f)), readFileSync(join(root, f), 'utf8'));
    const before = criterion(computeCoverage(index.all(), catalog), 'CS3-MON', '1.2').state;
    assert.equal(before, 'uncovered');
    const uri = 'learner-a/monitoring-methods.md';
    const text = readFileSync(join(root, uri), 'utf8').replace('criteria: [1.1]', 'criteria: [1.1, 1.2]').replace('complaints log with her.', 'complaints log with her (AC 1.1, 1.2).');
    index.update(uri, text);
    const after = computeCoverage(index.all(), catalog);
    assert.notEqual(criterion(after, 'CS3-MON', '1.2').state, 'uncovered');
    index.delete(uri);
    assert.equal(criterion(computeCoverage(index.all(), catalog), 'CS3-MON', '1.1').state, 'uncovered');
  });
});
