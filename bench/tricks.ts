// What each speed trick kept in src/core/fast-paths saves: each timed
// against its plain form on every account, interleaved, as a share of analysing the account.
import { LineCounter, parseDocument } from 'yaml';
import type { BenchSection } from './bench';
import { median, now } from './util';
import { analyze } from '../src/analysis/analyze';
import { defaultConfig } from '../src/core/config';
import { CriteriaCatalog } from '../src/core/criteria';
import { countWords, fastYamlMap } from '../src/core/fast-paths';
import { genericLexicon } from '../src/rules/generic-language';
import { compileLexicon } from '../src/rules/util/lexicon';

const PASSES = 5;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

function countWordsByRegex(text: string): number {
  let n = 0;
  for (WORD.lastIndex = 0; WORD.exec(text); ) n++;
  return n;
}

export const section: BenchSection = {
  name: 'tricks',
  run(ctx) {
    const options = { config: defaultConfig(), criteria: new CriteriaCatalog(), now: new Date('2026-11-22T12:00:00Z') };
    const accounts = ctx.texts.map((t) => analyze(t, options).account);
    const fast = genericLexicon(options.config.phrases);
    // An entry whose first letters cannot be worked out ("." may be anything) makes the lexicon search plainly.
    const plain = compileLexicon([...fast.entries, { pattern: '(?!)x.' }]);
    const jobs: Record<string, (i: number) => unknown> = {
      analysis: (i) => analyze(ctx.texts[i], options),
      'front matter, flat reader': (i) => fastYamlMap(accounts[i].frontMatter?.raw ?? ''),
      'front matter, yaml': (i) => parseDocument(accounts[i].frontMatter?.raw ?? '', { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true, strict: false }).toJS(),
      'phrases at word starts': (i) => fast.each(accounts[i].prose, 0, accounts[i].prose.length, () => {}),
      'phrases, plain search': (i) => plain.each(accounts[i].prose, 0, accounts[i].prose.length, () => {}),
      'words by hand': (i) => countWords(accounts[i].prose),
      'words by regex': (i) => countWordsByRegex(accounts[i].prose),
    };
    const names = Object.keys(jobs);
    const per = new Map(names.map((n) => [n, [] as number[]]));
    for (let p = 0; p <= PASSES; p++) {
      const sums = new Map(names.map((n) => [n, 0]));
      ctx.texts.forEach((_, i) => {
        for (let j = 0; j < names.length; j++) {
          const n = names[(i + j + p) % names.length];
          const t0 = now();
          jobs[n](i);
          sums.set(n, sums.get(n)! + now() - t0);
        }
      });
      if (p) for (const n of names) per.get(n)!.push(sums.get(n)! / ctx.texts.length);
    }
    const m = (n: string) => median(per.get(n)!);
    const whole = m('analysis');
    const rows = [
      ['flat front-matter reader', 'front matter, flat reader', 'front matter, yaml'],
      ['phrases tried only at fitting word starts', 'phrases at word starts', 'phrases, plain search'],
      ['words counted by a loop', 'words by hand', 'words by regex'],
    ];
    ctx.log(`Analysis of a typical account: ${whole.toFixed(3)} ms (median per account over ${PASSES} interleaved passes)`);
    const results: Record<string, { fastMs: number; plainMs: number; savesShare: number }> = {};
    for (const [label, f, slow] of rows) {
      const saves = (m(slow) - m(f)) / whole;
      ctx.log(`  ${label}: ${m(f).toFixed(4)} ms against ${m(slow).toFixed(4)} ms plain, saves ${(saves * 100).toFixed(1)} % of an analysis`);
      results[label] = { fastMs: m(f), plainMs: m(slow), savesShare: saves };
    }
    ctx.results.tricks = { analysisMs: whole, ...results };
  },
};
