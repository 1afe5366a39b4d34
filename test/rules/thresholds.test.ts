// Every numeric limit a rule applies, exactly at it, one below and one above: an off-by-one in a comparison
// (>= for >, < for <=) changes one of these three answers.
import assert from 'node:assert/strict';
import { analyze, resolveConfig, ruleById, type StarrConfig } from '../../src/analysis';
import { full, NOW, run, words } from './helpers';

/** An Action of exactly `n` words: `we` "we"s and `i` "I"s among them. */
const action = (n: number, we: number, i: number) => [...Array(we).fill('we'), ...Array(i).fill('I'), ...Array(n - we - i).fill('word')].join(' ') + '.';

/** Findings of one rule, after checking that the account has the section sizes the test means. */
function sized(id: string, parts: Record<string, string>, expected: Record<string, number>, config?: StarrConfig) {
  const text = full(parts);
  const { account, findings } = analyze(text, { rules: [ruleById.get(id)!], now: NOW, config: resolveConfig(config) });
  assert.deepEqual(Object.fromEntries(account.sections.map((s) => [s.id, s.words])), expected, 'section word counts');
  return findings;
}

describe('thresholds', () => {
  describe('thin-section: a section reaches its minimum at exactly that many words', () => {
    // The Task's framework minimum is 40.
    for (const [n, reported] of [[39, true], [40, false], [41, false]] as const) {
      it(`Task of ${n} words (minimum 40): ${reported ? 'reported' : 'fine'}`, () => {
        const f = sized('thin-section', { Task: words(n) }, { task: n });
        assert.deepEqual(f.map((x) => x.data), reported ? [{ section: 'task', words: n, min: 40 }] : []);
      });
    }
    for (const [n, reported] of [[9, true], [10, false], [11, false]] as const) {
      it(`Task of ${n} words with sections.task.minWords 10: ${reported ? 'reported' : 'fine'}`, () => {
        assert.equal(sized('thin-section', { Task: words(n) }, { task: n }, { sections: { task: { minWords: 10 } } }).length, reported ? 1 : 0);
      });
    }
  });

  describe('section-balance minWords: accounts from that many words on are checked', () => {
    // A Situation far over its share in each: only the size of the whole decides.
    for (const [total, reported] of [[149, false], [150, true], [151, true]] as const) {
      it(`${total} words (default minimum 150): ${reported ? 'checked' : 'skipped'}`, () => {
        const f = sized('section-balance', { Situation: words(total - 50), Action: words(50) }, { situation: total - 50, action: 50 });
        assert.equal(f.length, reported ? 1 : 0);
      });
    }
    for (const [total, reported] of [[59, false], [60, true], [61, true]] as const) {
      it(`${total} words with minWords 60: ${reported ? 'checked' : 'skipped'}`, () => {
        const cfg = { rules: { 'section-balance': { minWords: 60 } } };
        assert.equal(sized('section-balance', { Situation: words(total - 20), Action: words(20) }, { situation: total - 20, action: 20 }, cfg).length, reported ? 1 : 0);
      });
    }
  });

  describe('section-balance maxContextShare: the scene-setting may take exactly that share', () => {
    for (const [situation, reported] of [[69, false], [70, false], [71, true]] as const) {
      it(`Situation ${situation} of 200 words (default share 0.35): ${reported ? 'reported' : 'fine'}`, () => {
        const f = sized('section-balance', { Situation: words(situation), Action: words(200 - situation) }, { situation, action: 200 - situation });
        assert.deepEqual(f.map((x) => x.data?.section), reported ? ['situation'] : []);
      });
    }
    for (const [situation, reported] of [[49, false], [50, false], [51, true]] as const) {
      it(`Situation ${situation} of 200 words with maxContextShare 0.25: ${reported ? 'reported' : 'fine'}`, () => {
        const cfg = { rules: { 'section-balance': { maxContextShare: 0.25 } } };
        assert.equal(sized('section-balance', { Situation: words(situation), Action: words(200 - situation) }, { situation, action: 200 - situation }, cfg).length, reported ? 1 : 0);
      });
    }
  });

  describe('section-balance: another section outweighs the Action only when it has more words', () => {
    for (const [result, reported] of [[99, false], [100, false], [101, true]] as const) {
      it(`Result of ${result} words against an Action of 100: ${reported ? 'reported' : 'fine'}`, () => {
        const f = sized('section-balance', { Situation: words(20), Action: words(100), Result: words(result) }, { situation: 20, action: 100, result });
        assert.deepEqual(f.map((x) => x.data?.longer), reported ? ['result'] : []);
      });
    }
  });

  describe('collective-voice minWords: Actions from that many words on are checked', () => {
    for (const [n, reported] of [[24, false], [25, true], [26, true]] as const) {
      it(`Action of ${n} words (default minimum 25): ${reported ? 'checked' : 'skipped'}`, () => {
        assert.equal(sized('collective-voice', { Action: action(n, 3, 1) }, { action: n }).length, reported ? 1 : 0);
      });
    }
    for (const [n, reported] of [[9, false], [10, true], [11, true]] as const) {
      it(`Action of ${n} words with minWords 10: ${reported ? 'checked' : 'skipped'}`, () => {
        assert.equal(sized('collective-voice', { Action: action(n, 3, 1) }, { action: n }, { rules: { 'collective-voice': { minWords: 10 } } }).length, reported ? 1 : 0);
      });
    }
  });

  describe('collective-voice: "we" is reported when it leads "I" by half as much again', () => {
    for (const [we, reported] of [[3, false], [4, false], [5, true]] as const) {
      it(`${we} "we" against 3 "I": ${reported ? 'reported' : 'fine'}`, () => {
        const f = sized('collective-voice', { Action: action(30, we, 3) }, { action: 30 });
        assert.deepEqual(f.map((x) => x.data?.we), reported ? [we] : []);
      });
    }
  });

  describe('word-count: word_target ± tolerance, both ends inclusive', () => {
    const account = (n: number, target: number) => `---\nword_target: ${target}\n---\n## Situation\n\n${words(n)}\n`;
    for (const [n, reported] of [[89, true], [90, false], [91, false], [109, false], [110, false], [111, true]] as const) {
      it(`${n} words against a target of 100 (90–110): ${reported ? 'reported' : 'fine'}`, () => {
        assert.equal(run('word-count', account(n, 100)).length, reported ? 1 : 0);
      });
    }
    for (const [n, reported] of [[79, true], [80, false], [81, false], [119, false], [120, false], [121, true]] as const) {
      it(`${n} words against a target of 100 with tolerance 0.2 (80–120): ${reported ? 'reported' : 'fine'}`, () => {
        assert.equal(run('word-count', account(n, 100), { rules: { 'word-count': { tolerance: 0.2 } } }).length, reported ? 1 : 0);
      });
    }
  });

  describe('word-count: the words range from configuration, both ends inclusive', () => {
    const account = (n: number) => `## Situation\n\n${words(n)}\n`;
    for (const [n, reported] of [[49, true], [50, false], [51, false], [99, false], [100, false], [101, true]] as const) {
      it(`${n} words against words 50–100: ${reported ? 'reported' : 'fine'}`, () => {
        assert.equal(run('word-count', account(n), { words: { min: 50, max: 100 } }).length, reported ? 1 : 0);
      });
    }
  });
});
