// Everything the rules say about a corpus of accounts — each finding's rule, severity, place, message, data,
// related places and fixes — held to a recorded copy, so no word of a message, no fix and no data field can
// change unnoticed. The corpus: every example in the rule docs, the sample portfolio, the QA fixtures and the
// in-editor fixtures, each analysed with every rule.
//
// After a deliberate change, record the new output and read the diff before committing it:
//   STARR_UPDATE_SNAPSHOTS=1 npm run test:unit
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, defaultConfig, parseConfig, resolveConfig, type Finding, type ResolvedConfig } from '../../src/analysis';
import { CriteriaCatalog } from '../../src/core/criteria';
import { docExamples } from '../rules/doc-examples';

const SNAPSHOT = join(process.cwd(), 'test/fixtures/findings.snapshot.json');
const NOW = new Date('2026-06-01T12:00:00Z');
const criteria = new CriteriaCatalog();

interface Case {
  name: string;
  text: string;
  /** Read when the test runs, not when the file loads (a mutation run times each test's own work). */
  config: () => ResolvedConfig;
}

const markdown = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true }).map(String).map((f) => f.split('\\').join('/')).filter((f) => f.endsWith('.md') && !f.endsWith('README.md')).sort()
    : [];

/** The nearest .starr.yaml at or above `dir` (up to `root`), resolved; the defaults when there is none. */
function configFor(root: string, file: string): ResolvedConfig {
  const parts = file.split('/').slice(0, -1);
  for (let n = parts.length; n >= 0; n--) {
    const p = join(root, ...parts.slice(0, n), '.starr.yaml');
    if (existsSync(p)) return resolveConfig(parseConfig(readFileSync(p, 'utf8')).config ?? {});
  }
  return defaultConfig();
}

function cases(): Case[] {
  const out: Case[] = [];
  const docs = join(process.cwd(), 'docs/rules');
  for (const page of readdirSync(docs).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
    for (const ex of docExamples(readFileSync(join(docs, page), 'utf8'))) out.push({ name: `docs/rules/${page}:${ex.line}`, text: ex.text, config: defaultConfig });
  }
  for (const root of ['examples/portfolio', 'test/fixtures/qa', 'test/fixtures/accounts', 'test/vscode/workspace']) {
    const dir = join(process.cwd(), root);
    for (const f of markdown(dir)) out.push({ name: `${root}/${f}`, text: readFileSync(join(dir, f), 'utf8'), config: () => configFor(dir, f) });
  }
  return out;
}

const at = (f: { start: { line: number; column: number }; end: { line: number; column: number } }) => `${f.start.line + 1}:${f.start.column + 1}-${f.end.line + 1}:${f.end.column + 1}`;

/** A finding as plain, stable data. */
function plain(f: Finding) {
  return {
    at: at(f),
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...(f.data ? { data: f.data } : {}),
    ...(f.related ? { related: f.related.map((r) => `${at(r)} ${r.message}`) } : {}),
    ...(f.fixes
      ? { fixes: f.fixes.map((x) => ({ title: x.title, ...(x.preferred ? { preferred: true } : {}), edits: x.edits.map((e) => [e.span.start, e.span.end, e.newText]) })) }
      : {}),
  };
}

describe('findings snapshot (test/fixtures/findings.snapshot.json)', () => {
  const all = cases();
  // Through JSON, as recorded: a data field that is undefined is absent.
  const findings = (c: Case) => JSON.parse(JSON.stringify(analyze(c.text, { config: c.config(), now: NOW, criteria, path: c.name }).findings.map(plain))) as unknown;

  if (process.env.STARR_UPDATE_SNAPSHOTS) {
    it('records the findings', () => {
      writeFileSync(SNAPSHOT, `${JSON.stringify(Object.fromEntries(all.map((c) => [c.name, findings(c)])), null, 1)}\n`);
    });
    return;
  }

  const recorded = existsSync(SNAPSHOT) ? (JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, unknown>) : {};

  it('covers the same accounts as the recording, and enough of them', () => {
    assert.deepEqual(all.map((c) => c.name), Object.keys(recorded), 'accounts added or removed: record again (STARR_UPDATE_SNAPSHOTS=1)');
    assert.ok(all.length > 60, `${all.length} accounts`);
  });

  for (const c of all) {
    it(c.name, () => {
      assert.deepEqual(findings(c), recorded[c.name], 'findings changed: if that was meant, record again with STARR_UPDATE_SNAPSHOTS=1 and read the diff');
    });
  }
});
