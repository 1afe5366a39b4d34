// Parse alone, the baselines' "unified parse" row, their naive prototype and the full analysis, per account,
// in one process, measured two ways (README, "Method").
import { analyseDocument, analyze } from '../src/analysis/analyze';
import type { AccountModel } from '../src/core/types';
import { defaultConfig } from '../src/core/config';
import { CriteriaCatalog } from '../src/core/criteria';
import { naivePrototype, parseAlone, phraseCount, unifiedRow } from './baselines';
import type { BenchSection } from './bench';
import { median, ms, now, ratio } from './util';

// Two rounds of the four orders below, each way.
const PASSES = 8;

// A balanced Latin square: over four rows each job runs first once and straight after each of the others once.
const ORDERS = [
  [0, 1, 3, 2],
  [1, 2, 0, 3],
  [2, 3, 1, 0],
  [3, 0, 2, 1],
];

/** Per job, per file: the times of its runs. */
type Times = number[][][];

/**
 * In turn: each job runs over every file, one after another, as a tool does in use; the jobs take turns,
 * in the Latin square's orders by pass. Each runs with its own code and data warm, as the baselines'
 * "tools run in turn".
 */
function inTurn(jobs: ((t: string) => unknown)[], texts: string[]): Times {
  const times: Times = jobs.map(() => texts.map(() => []));
  for (let p = 0; p < PASSES; p++) {
    for (const k of ORDERS[p % ORDERS.length]) {
      for (let i = 0; i < texts.length; i++) {
        const t0 = now();
        jobs[k](texts[i]);
        times[k][i].push(now() - t0);
      }
    }
  }
  return times;
}

/**
 * Interleaved: per file, all four back to back (rows of the square in turn by pass and file), so a busy
 * machine slows each alike. Each job then runs straight after another job's code, which has pushed its own
 * out of the CPU's caches: this costs most the job with the most code of its own, the analysis.
 */
function interleaved(jobs: ((t: string) => unknown)[], texts: string[]): Times {
  const times: Times = jobs.map(() => texts.map(() => []));
  for (let p = 0; p < PASSES; p++) {
    for (let i = 0; i < texts.length; i++) {
      for (const k of ORDERS[(p + i) % ORDERS.length]) {
        const t0 = now();
        jobs[k](texts[i]);
        times[k][i].push(now() - t0);
      }
    }
  }
  return times;
}

export const section: BenchSection = {
  name: 'core',
  run(ctx) {
    const options = { config: defaultConfig(), criteria: new CriteriaCatalog(), now: new Date('2026-11-22T12:00:00Z') };
    const parse = parseAlone;
    const full = (t: string) => analyze(t, options);
    // 0 parse alone, 1 full analysis, 2 the baselines' unified-parse row, 3 their naive prototype.
    const jobs: ((t: string) => unknown)[] = [parse, full, unifiedRow, naivePrototype];
    // Warm up every path (JIT, lazy data) first.
    for (const t of ctx.texts) for (const m of jobs) m(t);
    const medians = (times: Times) => times.map((perFile) => median(perFile.map(median)));
    const [parseMedian, fullMedian, baseMedian, naiveMedian] = medians(inTurn(jobs, ctx.texts));
    const [parseMixed, fullMixed, baseMixed, naiveMixed] = medians(interleaved(jobs, ctx.texts));
    // The goal is set against the baselines document, whose "÷ unified parse" column divides by
    // its parse + yaml + to-string row, with tools run in turn; the ratio to the parse alone is printed too
    // (docs/performance.md, "Reading the goal").
    ctx.log('Each job in turn over all the files (as in use; the baselines run tools in turn):');
    ctx.log(`  median per account, remark parse alone (remark-parse + remark-frontmatter): ${ms(parseMedian, 3)}`);
    ctx.log(`  median per account, unified parse as the baselines define it (+ yaml + mdast-util-to-string per section): ${ms(baseMedian, 3)}`);
    ctx.log(`  median per account, the baselines' naive prototype (that + sections, word counts, ${phraseCount} phrase regexes, figures in Result): ${ms(naiveMedian, 3)}`);
    ctx.log(`  median per account, full analysis (analyze(): parse, model, all rules): ${ms(fullMedian, 3)}`);
    ctx.log(`  analysis ÷ remark parse alone: ${ratio(fullMedian, parseMedian)}`);
    ctx.log(`  naive prototype ÷ unified parse: ${ratio(naiveMedian, baseMedian)} (the baselines measured 1.16×)`);
    ctx.log(`  analysis ÷ unified parse (the baselines' 1.00 row): ${ratio(fullMedian, baseMedian)} (goal ≤ 1.5×)`);
    // What the checks add: section inference, the model and every rule, without the parse they share.
    ctx.log(`  inference and checks (analysis − remark parse alone) ÷ unified parse: ${ratio(fullMedian - parseMedian, baseMedian)}`);
    ctx.log('The four jobs interleaved per file (each runs straight after another job has pushed its code out of the caches):');
    ctx.log(`  parse alone ${ms(parseMixed, 3)}, unified parse ${ms(baseMixed, 3)}, naive prototype ${ms(naiveMixed, 3)}, analysis ${ms(fullMixed, 3)}`);
    ctx.log(`  analysis ÷ remark parse alone: ${ratio(fullMixed, parseMixed)}; naive prototype ÷ unified parse: ${ratio(naiveMixed, baseMixed)}; analysis ÷ unified parse: ${ratio(fullMixed, baseMixed)}; inference and checks ÷ unified parse: ${ratio(fullMixed - parseMixed, baseMixed)}`);

    // A 900-word account, parse included.
    let best = 0;
    let bestDiff = Infinity;
    ctx.texts.forEach((t, i) => {
      const d = Math.abs(full(t).account.words - 900);
      if (d < bestDiff) {
        best = i;
        bestDiff = d;
      }
    });
    const t900 = ctx.texts[best];
    const words = full(t900).account.words;
    const runs: number[] = [];
    const parseRuns: number[] = [];
    for (let k = 0; k < 300; k++) {
      let t0 = now();
      full(t900);
      runs.push(now() - t0);
      t0 = now();
      parse(t900);
      parseRuns.push(now() - t0);
    }
    ctx.log(`${words}-word account (${ctx.corpus.files[best].split('/').pop()}), analysed with parse: ${ms(median(runs), 3)} median of 300 (parse alone ${ms(median(parseRuns), 3)}; target ~2 ms)`);
    // The editor's re-check: a 1,500-word account analysed again after a one-character edit (the extension
    // re-analyses the whole document on each change; the edit keeps any cache keyed on the text from helping).
    const long = grow(full(t900).account, 1500);
    const longWords = full(long).account.words;
    const edits: number[] = [];
    for (let k = 0; k < 300; k++) {
      const edited = `${long}${k % 2 ? ' ' : ''}`;
      const t0 = now();
      analyseDocument({ uri: 'file:///bench/long.md', text: edited, config: options.config, criteria: options.criteria, now: options.now });
      edits.push(now() - t0);
    }
    ctx.log(`${longWords}-word account re-checked after a one-character edit: ${ms(median(edits), 3)} median of 300 (goal ≤ 10 ms)`);
    ctx.results.core = {
      passes: PASSES,
      parseMedianMs: parseMedian,
      analyzeMedianMs: fullMedian,
      ratio: fullMedian / parseMedian,
      parseYamlToStringMedianMs: baseMedian,
      ratioToParseYamlToString: fullMedian / baseMedian,
      checksToParseYamlToString: (fullMedian - parseMedian) / baseMedian,
      naivePrototypeMedianMs: naiveMedian,
      naiveRatioToParseYamlToString: naiveMedian / baseMedian,
      interleaved: {
        parseMedianMs: parseMixed,
        analyzeMedianMs: fullMixed,
        ratio: fullMixed / parseMixed,
        parseYamlToStringMedianMs: baseMixed,
        ratioToParseYamlToString: fullMixed / baseMixed,
        naivePrototypeMedianMs: naiveMixed,
        naiveRatioToParseYamlToString: naiveMixed / baseMixed,
      },
      account900: { words, analyzeMedianMs: median(runs), parseMedianMs: median(parseRuns) },
      recheck: { words: longWords, analyseMedianMs: median(edits) },
    };
  },
};

/** The account with its Action's text repeated at the Action's end, to about `words` words. */
function grow(account: AccountModel, words: number): string {
  const text = account.text;
  const action = account.sections.find((x) => x.def.kind === 'action')!;
  const body = text.slice(action.body.start, action.body.end).trim();
  let extra = '';
  for (let n = account.words; n < words; n += action.words) extra += `\n\n${body}`;
  return `${text.slice(0, action.span.end).trimEnd()}${extra}\n\n${text.slice(action.span.end)}`;
}
