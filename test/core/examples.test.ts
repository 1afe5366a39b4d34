// The sample portfolio is documentation: the strong account must stay clean and each weak one must keep
// showing the one problem it was written to show.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, CriteriaCatalog, defaultConfig, parseConfig, resolveConfig, type AnalysisResult, type ResolvedConfig } from '../../src/analysis';
import { assertInvariants } from '../fixtures/invariants';

const ROOT = join(process.cwd(), 'examples', 'portfolio');
const NOW = new Date('2026-11-22T09:00:00Z');

/** Fixture → the rule ids of its error and warning findings, exactly. */
const EXPECTED: Record<string, string[]> = {
  'learner-a/courier-sla-recovery.md': [],
  'learner-a/fcr-returns-line-draft.md': ['missing-section'],
  'learner-b/returns-chain-pasted.md': [],
  'learner-b/christmas-peak-rota.md': ['collective-voice', 'generic-language'],
  'learner-b/warranty-repair-partner.md': ['hypothetical-language'],
  'learner-c/mystery-shopper-coaching.md': ['generic-language', 'missing-outcome-measure'],
  'learner-c/assembly-partner-missed-visit.md': ['personal-data'],
  'learner-c/system-migration-rota-carl.md': ['shallow-reflection'],
  // Outside the portfolio (so that `starr check examples/portfolio` stays readable), checked with defaults.
  '../../test/fixtures/accounts/malformed-front-matter.md': ['front-matter'],
};

function portfolioConfig(): ResolvedConfig {
  const r = parseConfig(readFileSync(join(ROOT, '.starr.yaml'), 'utf8'));
  assert.deepEqual(r.problems, [], 'examples/portfolio/.starr.yaml is valid');
  return resolveConfig(r.config);
}

const catalog = new CriteriaCatalog();
const results = new Map<string, AnalysisResult>();
function check(file: string): AnalysisResult {
  let r = results.get(file);
  if (!r) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const config = file.startsWith('..') ? defaultConfig() : portfolioConfig();
    r = analyze(text, { config, path: file, now: NOW, criteria: catalog });
    results.set(file, r);
  }
  return r;
}

const loud = (r: AnalysisResult) => r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
const ruleIds = (r: AnalysisResult) => [...new Set(loud(r).map((f) => f.ruleId))].sort();
const describeFindings = (r: AnalysisResult) => loud(r).map((f) => `${f.start.line + 1}:${f.start.column + 1} ${f.ruleId} ${f.message}`).join('\n');

describe('sample portfolio (examples/portfolio)', () => {
  it('lists every account in the expected map', () => {
    const onDisk = readdirSync(ROOT, { recursive: true }).map(String).map((f) => f.split('\\').join('/'))
      .filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
    assert.deepEqual(onDisk, Object.keys(EXPECTED).filter((f) => !f.startsWith('..')).sort());
    assert.ok(onDisk.length >= 6 && onDisk.length <= 8, `6–8 accounts, found ${onDisk.length}`);
  });

  for (const [file, ids] of Object.entries(EXPECTED)) {
    it(`${file}: ${ids.length ? ids.join(', ') : 'passes clean'}`, () => {
      const r = check(file);
      assert.deepEqual(ruleIds(r), [...ids].sort(), `error/warning findings were:\n${describeFindings(r)}`);
      assertInvariants(r.account.text, r, { independentPositions: true, sentences: true });
    });
  }

  it("README's summary line for `starr check examples/portfolio` adds up to what the checks find", () => {
    const files = Object.keys(EXPECTED).filter((f) => !f.startsWith('..'));
    const count = (sev: string) => files.reduce((n, f) => n + check(f).findings.filter((x) => x.severity === sev).length, 0);
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
    const m = /✖ (\d+) files checked: (\d+) errors, (\d+) warnings, (\d+) info/.exec(readme);
    assert.ok(m, "README quotes the sample portfolio's summary line");
    assert.deepEqual(m.slice(1).map(Number), [files.length, count('error'), count('warning'), count('info')]);
  });

  it('the strong account has every STARR section, measures, criteria and is within its word target', () => {
    const r = check('learner-a/courier-sla-recovery.md');
    const a = r.account;
    assert.deepEqual(a.sections.map((s) => s.id), ['situation', 'task', 'action', 'result', 'reflection']);
    assert.equal(a.structure, 'headings');
    assert.ok(a.words >= 700 && a.words <= 1000, `700–1,000 words, found ${a.words}`);
    const action = a.sectionById.get('action')!;
    for (const s of a.sections) assert.ok(s === action || s.words < action.words, `Action is the longest section (${s.id}: ${s.words})`);
    assert.ok(a.criteria.some((c) => c.source === 'inline' && c.sectionId === 'result'), 'an inline AC reference in the Result');
    for (const c of a.criteria) assert.ok(catalog.hasCriterion(a.frontMatter!.fields.unit, c.id), `criterion ${c.id} exists in ${a.frontMatter!.fields.unit}`);
  });

  it('the draft is missing exactly Result and Reflection, each named in its message', () => {
    const f = check('learner-a/fcr-returns-line-draft.md').findings.filter((x) => x.ruleId === 'missing-section');
    assert.deepEqual(f.map((x) => x.data?.section).sort(), ['reflection', 'result']);
    assert.ok(f.every((x) => x.severity === 'error'));
    assert.match(f.map((x) => x.message).join(' '), /Result[\s\S]*Reflection|Reflection[\s\S]*Result/);
  });

  it('the pasted account is read part by part, with one gentle note to add headings', () => {
    const r = check('learner-b/returns-chain-pasted.md');
    assert.equal(r.account.structure, 'unstructured');
    assert.deepEqual(r.account.sections.map((x) => `${x.id}${x.inferred ? '*' : ''}`), ['situation*', 'task*', 'action*', 'result*', 'reflection*']);
    const note = r.findings.filter((x) => x.ruleId === 'unstructured-account');
    assert.deepEqual(note.map((x) => x.severity), ['info']);
    assert.match(note[0].message, /I've read this as Situation, Task, Action, Result and Reflection/);
    assert.equal(r.findings.filter((x) => x.ruleId === 'missing-section').length, 0);
  });

  it('the personal-data account flags the titled name, the email address and the phone number', () => {
    const r = check('learner-c/assembly-partner-missed-visit.md');
    const flagged = r.findings.filter((x) => x.ruleId === 'personal-data').map((x) => r.account.text.slice(x.span.start, x.span.end));
    assert.ok(flagged.some((s) => s.includes('Eleanor Whitfield')), `flagged: ${flagged.join(' | ')}`);
    assert.ok(flagged.some((s) => s.includes('eleanor.whitfield@example.com')));
    assert.ok(flagged.some((s) => s.replace(/\s/g, '').includes('07700900483')));
  });

  it('the CARL account is read with its own framework, so no STARR section is reported missing', () => {
    const r = check('learner-c/system-migration-rota-carl.md');
    assert.equal(r.account.framework.id, 'carl');
    assert.deepEqual(r.account.sections.map((s) => s.id), ['context', 'action', 'result', 'learning']);
    assert.equal(r.findings.filter((x) => x.ruleId === 'missing-section').length, 0);
  });

  it('the malformed front matter is reported at its exact line and column, and the body is still checked', () => {
    const r = check('../../test/fixtures/accounts/malformed-front-matter.md');
    const f = r.findings.find((x) => x.ruleId === 'front-matter')!;
    assert.equal(f.severity, 'error');
    assert.equal(f.start.line, 1, 'on the title line');
    assert.equal(r.account.text.split('\n')[f.start.line].startsWith('title:'), true);
    assert.equal(r.account.sections.length, 5);
  });

  it('the portfolio has several learners and covers the four seed units', () => {
    const fm = Object.keys(EXPECTED).filter((f) => !f.startsWith('..')).map((f) => check(f).account.frontMatter!.fields);
    assert.deepEqual([...new Set(fm.map((x) => x.learner))].sort(), ['L-014', 'L-027', 'L-031']);
    assert.deepEqual([...new Set(fm.map((x) => x.unit))].sort(), ['CS3-CHAIN', 'CS3-MON', 'CS3-ORG', 'CS3-SP']);
  });

  it('the portfolio README describes every account', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const file of Object.keys(EXPECTED)) assert.ok(readme.includes(file.replace('../../', '')), `README mentions ${file}`);
    for (const ids of Object.values(EXPECTED)) for (const id of ids) assert.ok(readme.includes(`\`${id}\``), `README names ${id}`);
  });
});
