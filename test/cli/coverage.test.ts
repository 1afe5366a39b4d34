import assert from 'node:assert/strict';
import { join } from 'node:path';
import { command } from '../../src/cli/commands/coverage';
import { UsageError, type CliIO } from '../../src/cli/types';

const cwd = join(process.cwd(), 'test/fixtures/coverage');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false, colour: false };
  const code = await command.run(args, io);
  return { code, out, err };
}

describe('starr coverage', () => {
  it('prints the table with states, evidence places and the broken centre set on stderr', async () => {
    const r = await run('portfolio');
    assert.equal(r.code, 2, 'a broken centre set leaves its unit out, so the report is incomplete');
    assert.match(r.out, /CS3-MON — Monitor and evaluate customer service/);
    assert.match(r.out, /3\/11 covered · 3 weak · 5 not covered · 4 accounts/);
    assert.match(r.out, /✓ 3\.3 {3}covered {5}Evaluate the effect/);
    assert.match(r.out, /portfolio\/learner-a\/fcr-monitoring\.md:\d+ \(Reflection\)/);
    assert.match(r.out, /~ 1\.1 {3}weak/);
    assert.match(r.out, /weak: claimed in the front matter but never referenced/);
    assert.match(r.out, /✗ 1\.2 {3}not covered/);
    assert.match(r.out, /Over-claiming: portfolio\/learner-b\/partnership-everything\.md claims 8 of 10 criteria of CS3-SP/);
    assert.match(r.out, /portfolio\/learner-b\/no-unit\.md: no unit: in the front matter/);
    assert.match(r.err, /criteria\/broken\.yaml:3:\d+ {2}error/);
  });

  it('exits 2 while a centre set is broken, with or without --require-full (exit-codes.test.ts has 0 and 1)', async () => {
    assert.equal((await run('portfolio', '--require-full')).code, 2);
    assert.equal((await run('portfolio')).code, 2);
  });

  it('restricts to one unit', async () => {
    const r = await run('portfolio', '--unit', 'cs3-org', '--format', 'json');
    const j = JSON.parse(r.out);
    assert.deepEqual(j.reports[0].units.map((u: { unit: { id: string } }) => u.unit.id), ['CS3-ORG']);
    assert.equal(j.reports[0].counts.uncovered, 10);
    assert.equal(j.criteriaProblems[0].line, 3);
  });

  it('prints the matrix as CSV and Markdown', async () => {
    const csv = (await run('portfolio', '--format', 'csv')).out;
    assert.match(csv, /^Unit,Outcome,Criterion,Verb,Criterion text,State,Accounts,/);
    assert.equal(csv.trimEnd().split('\r\n').length, 24);
    const md = (await run('portfolio', '--format', 'md', '--unit', 'CS3-SP')).out;
    assert.match(md, /## CS3-SP — Deliver customer service using service partnerships/);
    assert.match(md, /\| \*\*3\.2\*\* .* \| evaluate \| ❌ not covered \|/);
  });

  it('groups by learner', async () => {
    const r = await run('portfolio', '--by-learner');
    assert.match(r.out, /Learner L-101[\s\S]*CS3-MON[\s\S]*Learner L-202[\s\S]*CS3-SP/);
    const one = JSON.parse((await run('portfolio', '--learner', 'L-202', '--format', 'json')).out);
    assert.deepEqual(one.reports[0].units.map((u: { unit: { id: string } }) => u.unit.id), ['CENTRE-CARE', 'CS3-SP']);
  });

  it('rejects an unknown unit and a bad format with a usage error', async () => {
    await assert.rejects(run('portfolio', '--unit', 'NOPE'), (e: Error) => e instanceof UsageError && /Units I know: CENTRE-CARE, CS3-CHAIN/.test(e.message));
    await assert.rejects(run('portfolio', '--format', 'xml'), UsageError);
    await assert.rejects(run('portfolio', '--by-learner', '--format', 'csv'), UsageError);
  });
});
