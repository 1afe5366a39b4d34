import { wordCharAt } from '../text';

/** Whether code unit c joins two runs of letters or digits into one word: ' ’ . - */
const isJoiner = (c: number): boolean => c === 39 || c === 0x2019 || c === 46 || c === 45;

/**
 * Words that start in [start, end). A word is letters or digits joined by apostrophes, dots or hyphens
 * ("didn't", "follow-up", "3.5" count once), as the regex [\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)* finds
 * them: walked by hand, as that is three times quicker and every account's words are counted (the plain
 * form is in bench/tricks.ts and test/core/fast-paths.test.ts).
 */
export function countWords(text: string, start = 0, end = text.length): number {
  const limit = Math.min(end, text.length);
  let n = 0;
  let i = Math.max(0, start);
  while (i < limit) {
    let w = wordCharAt(text, i, limit);
    if (!w) {
      i++;
      continue;
    }
    n++;
    for (i += w; ; i++) {
      while ((w = wordCharAt(text, i, limit))) i += w;
      if (!(isJoiner(text.charCodeAt(i)) && wordCharAt(text, i + 1, limit))) break;
    }
  }
  return n;
}
