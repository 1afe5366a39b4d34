import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command as feedback } from '../../src/cli/commands/feedback';
import { command as report } from '../../src/cli/commands/report';
import { command as sample } from '../../src/cli/commands/sample';
import { loadPortfolio } from '../../src/cli/load';
import { buildReport, gapsFromCatalog, renderReport } from '../../src/core/report';
import { UsageError, type CliCommand, type CliIO } from '../../src/cli/types';
import { accountTemplate } from '../../src/extension/templates';
import { removeTree, starr, tempTree } from './cli-helpers';

const cwd = join(process.cwd(), 'test/fixtures/qa');

async function run(cmd: CliCommand, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false, colour: false };
  const code = await cmd.run(args, io);
  return { code, out, err };
}

describe('starr report', () => {
  it('prints a Markdown report with one row per account and a summary', async () => {
    const r = await run(report, '.');
    assert.equal(r.code, 0);
    assert.match(r.out, /^# STARR quality report\n/);
    assert.match(r.out, /- 10 accounts from 4 learners across 2 units;/);
    assert.match(r.out, /- 5 open feedback comments in 5 accounts\./);
    assert.match(r.out, /\| L-102 \| CS3-MON \| 2026-03-15 \| draft \| S T A – – \| No reflection \| \d+ \| [1-9]\d* \|/);
    assert.match(r.out, /## Criteria gaps per learner/);
    assert.match(r.out, /\| L-104 \| CS3-SP \| \d+ of \d+ not yet evidenced: /);
    assert.equal((r.out.match(/\| learner-[a-d]\/[\w-]+\.md \|$/gm) ?? []).length, 10);
  });

  it('writes CSV, JSON and HTML, to stdout or --out', async () => {
    const csv = await run(report, '.', '--format', 'csv');
    const lines = csv.out.split('\r\n');
    assert.equal(lines[0], 'learner,unit,date,status,sections,reflection,reflection_missing,words,errors,warnings,info,criteria,open_feedback,title,path');
    assert.equal(lines.length, 12);
    const json = JSON.parse((await run(report, '.', '--format', 'json')).out);
    assert.equal(json.rows.length, 10);
    assert.equal(json.summary.learners, 4);
    const dir = mkdtempSync(join(tmpdir(), 'starr-report-'));
    try {
      const out = join(dir, 'qa.html');
      const r = await run(report, '.', '--format', 'html', '--out', out);
      assert.equal(r.code, 0);
      assert.equal(r.out, '');
      assert.match(r.err, /Wrote the report to/);
      const html = readFileSync(out, 'utf8');
      assert.match(html, /^<!DOCTYPE html>/);
      assert.equal((html.match(/<th scope="row">/g) ?? []).length, 10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes, from summaries kept on disk, the report built in memory, byte for byte, and leaves no file behind', async () => {
    const p = await loadPortfolio(['.'], { cwd });
    const built = buildReport(p.index.all(), { gaps: gapsFromCatalog(p.catalog) });
    const at = (s: string) => s.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME');
    const tmp = mkdtempSync(join(tmpdir(), 'starr-spill-'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      for (const format of ['md', 'csv', 'json', 'html'] as const) {
        assert.equal(at((await run(report, '.', '--format', format)).out), at(renderReport(built, format)), format);
      }
      assert.deepEqual(readdirSync(tmp), []);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('rejects an unknown format with a usage error', async () => {
    await assert.rejects(run(report, '.', '--format', 'pdf'), (e: Error) => e instanceof UsageError && /md, csv, json, html/.test(e.message));
  });
});

describe('starr sample', () => {
  it('lists a reproducible sample with the reason for each pick', async () => {
    const a = await run(sample, '.', '--size', '5', '--seed', 'Q2');
    assert.equal(a.code, 0);
    assert.match(a.out, /^Sample of 5 from 10 accounts, seed "Q2"/);
    assert.match(a.out, /Learners: 4 of 4 represented\. Units: 2 of 2 represented\./);
    const picks = a.out.trim().split('\n').slice(3);
    assert.equal(picks.length, 5);
    assert.equal(picks.filter((l) => /first account for/.test(l)).length, 4);
    assert.equal((await run(sample, '.', '--size', '5', '--seed', 'Q2')).out, a.out);
  });

  it('explains strata a small sample cannot reach, and writes other formats', async () => {
    const r = await run(sample, '.', '--size', '2', '--seed', '1');
    assert.match(r.out, /Not reached because the sample is smaller/);
    const csv = await run(sample, '.', '--size', '3', '--seed', '1', '--format', 'csv');
    assert.match(csv.out.split('\r\n')[0], /,reason$/);
    assert.equal(csv.out.split('\r\n').length, 5);
  });

  it('needs --size', async () => {
    await assert.rejects(run(sample, '.'), (e: Error) => e instanceof UsageError && /--size/.test(e.message));
    await assert.rejects(run(sample, '.', '--size', 'lots'), UsageError);
  });
});

describe('starr feedback', () => {
  it('lists open comments as path:line  author  text', async () => {
    const r = await run(feedback, '.');
    assert.equal(r.code, 0);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 5);
    assert.match(r.out, /^learner-a\/courier-sla\.md:\d+ +tutor:AB +Say how many customers answered the survey\.$/m);
    assert.match(r.out, /^learner-b\/chain-handover\.md:14 +assessor:JK +Which warehouse shift\?$/m);
    assert.match(r.out, /^learner-c\/nps-dip\.md:\d+ +- +Which survey\?$/m);
    assert.doesNotMatch(r.out, /The late shift|Good\.|Clear learning point/);
    assert.match(r.err, /5 open comments in 5 of 10 accounts/);
    const json = JSON.parse((await run(feedback, '.', '--format', 'json')).out);
    assert.deepEqual(Object.keys(json[0]), ['path', 'line', 'author', 'text', 'learner']);
  });
});

describe('templates on the command line', () => {
  let root: string;
  beforeEach(() => {
    const files: Record<string, string> = {};
    for (const f of readdirSync(cwd, { recursive: true }).map(String).filter((x) => x.endsWith('.md'))) files[f] = readFileSync(join(cwd, f), 'utf8');
    files['learner-a/fresh.md'] = accountTemplate({ title: 'A late delivery', framework: 'starr', unit: 'CS3-SP', criteria: ['1.1', '2.1'], date: '2026-06-01' });
    files['learner-b/placeholder.md'] = '---\ntitle: Title of the event\nlearner: <learner id>\nunit: CS3-MON\n---\n\n## Situation\n\nOne sentence of my own.\n';
    root = tempTree(files);
  });
  afterEach(() => removeTree(root));

  it('leaves them out of the report, coverage and sample, and names them', async () => {
    const r = await starr(root, 'report', '.');
    assert.match(r.stdout, /- 10 accounts from 4 learners across 2 units;/);
    assert.match(r.stdout, /- 2 more accounts are not counted: still templates or missing the learner id/);
    assert.match(r.stdout, /## Not counted yet\n\n.*\n\n- learner-a\/fresh\.md: no learner id in the front matter; no writing yet\n- learner-b\/placeholder\.md: template placeholders in the front matter\n/);
    const before = await starr(cwd, 'coverage', '.');
    const c = await starr(root, 'coverage', '.');
    assert.equal(c.stdout.replace(/\n*Not counted yet[\s\S]*$/, '').replaceAll(root, '.'), before.stdout.replace(/\n*$/, '').replaceAll(cwd, '.'), 'the same coverage as without them');
    assert.match(c.stdout, /Not counted yet \(still templates, or no learner id\)\n {2}learner-a\/fresh\.md: no learner id in the front matter; no writing yet\n/);
    const s = await starr(root, 'sample', '.', '--size', '20', '--seed', 'x');
    assert.match(s.stdout, /Left out: 2 accounts that are still templates or missing the learner id\./);
    assert.doesNotMatch(s.stdout, /fresh\.md|placeholder\.md/);
  });
});
