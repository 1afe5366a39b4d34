import assert from 'node:assert/strict';
import { mulberry32, sampleAccounts, sampleReport, seedFrom } from '../../src/core';
import type { AccountSummary } from '../../src/core';
import { loadQa } from './qa-fixture';

describe('spot-check sample', () => {
  // Built before each test, not while the file loads, so a mutation run knows which tests use this code.
  let all: AccountSummary[];
  beforeEach(() => (all = loadQa()));
  const ids = (r: { picks: { uri: string }[] }) => r.picks.map((p) => p.uri);

  it('is the same for the same seed, whatever order the accounts come in', () => {
    const a = sampleAccounts(all, 5, 'Q2-2026');
    assert.deepEqual(ids(sampleAccounts(all, 5, 'Q2-2026')), ids(a));
    assert.deepEqual(ids(sampleAccounts([...all].reverse(), 5, 'Q2-2026')), ids(a));
    assert.equal(new Set(ids(a)).size, 5);
  });

  it('represents every learner and every unit before any repeat, for every seed', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = sampleAccounts(all, 4, seed);
      assert.deepEqual([s.learners, s.units], [{ total: 4, covered: 4 }, { total: 2, covered: 2 }], `seed ${seed}`);
      assert.ok(s.picks.every((p) => p.reason.startsWith('first account for')), `seed ${seed}`);
      const more = sampleAccounts(all, 8, seed);
      assert.deepEqual(ids(more).slice(0, 4), ids(s), 'a bigger sample starts with the smaller one');
      // Repeats go round the learners: two each once everyone has had one.
      const per = new Map<string, number>();
      for (const p of more.picks) per.set(p.learner, (per.get(p.learner) ?? 0) + 1);
      assert.deepEqual([...per.values()], [2, 2, 2, 2], `seed ${seed}`);
      assert.ok(more.picks.slice(4).every((p) => p.reason.startsWith('random repeat')));
    }
  });

  it('differs between seeds', () => {
    const outcomes = new Set(Array.from({ length: 10 }, (_, i) => ids(sampleAccounts(all, 4, `seed-${i}`)).join()));
    assert.ok(outcomes.size >= 5, `only ${outcomes.size} different samples from 10 seeds`);
    assert.notDeepEqual(ids(sampleAccounts(all, 4, 'a')), ids(sampleAccounts(all, 4, 'b')));
  });

  it('says which strata a too-small sample misses, and never picks more than there are', () => {
    const s = sampleAccounts(all, 2, 7);
    assert.equal(s.picks.length, 2);
    assert.equal(s.units.covered, 2);
    assert.equal(s.missedLearners.length, 2);
    const big = sampleAccounts(all, 50, 7);
    assert.equal(big.picks.length, 10);
    assert.equal(new Set(ids(big)).size, 10);
    assert.equal(sampleAccounts([], 3, 1).picks.length, 0);
  });

  it('makes a report of the picked accounts, in pick order, with the reason for each', () => {
    const { sample, report } = sampleReport(all, 6, 'iqa', { now: new Date('2026-07-01T00:00:00Z') });
    assert.deepEqual(report.rows.map((r) => r.uri), ids(sample));
    assert.ok(report.rows.every((r) => r.reason && r.reason.length > 10));
    assert.equal(report.title, 'STARR spot-check sample');
    assert.equal(report.sample!.seed, 'iqa');
  });

  it('uses its own reproducible generator', () => {
    const r = mulberry32(seedFrom('x'));
    const first = [r(), r(), r()];
    const again = mulberry32(seedFrom('x'));
    assert.deepEqual([again(), again(), again()], first);
    assert.ok(first.every((v) => v >= 0 && v < 1));
    assert.notEqual(seedFrom('1'), seedFrom(1 + 1));
    assert.equal(seedFrom(1), seedFrom('1'));
  });
});
