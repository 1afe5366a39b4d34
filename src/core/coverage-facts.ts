// What coverage needs of one account beyond its summary, computed once while the model is at hand.
import commandVerbsData from '../../data/lexicons/command-verbs.yaml?data';
import { lexicon } from './data';
import { phrasePattern } from './text';
import type { AccountModel } from './types';

/** Families of writing a command verb asks for. */
export type CueFamily = 'evaluate' | 'analyse' | 'explain';
export const CUE_FAMILIES: CueFamily[] = ['evaluate', 'analyse', 'explain'];

export interface CoverageFacts {
  /** Line and column (0-based) of each entry of the summary's `criteria`, in the same order. */
  refs: { line: number; column: number }[];
  /** The first cue of each family found in the account's prose, with its line (0-based). */
  cues: { family: CueFamily; text: string; line: number }[];
}

let compiled: Map<CueFamily, RegExp> | undefined;

function cueRegexes(): Map<CueFamily, RegExp> {
  if (compiled) return compiled;
  const parts = new Map<CueFamily, string[]>();
  for (const e of lexicon(commandVerbsData).entries) {
    const family = e.category as CueFamily;
    if (!CUE_FAMILIES.includes(family)) continue;
    parts.set(family, [...(parts.get(family) ?? []), e.pattern ?? phrasePattern(e.phrase ?? '')]);
  }
  // Plain \b and no unicode flag: the cue words are English, and this keeps the scan cheap on long accounts.
  compiled = new Map([...parts].map(([f, p]) => [f, new RegExp(`\\b(?:${p.join('|')})\\b`, 'i')]));
  return compiled;
}

/** Positions of the criterion references and the command-verb cues an account shows. */
export function coverageFacts(account: AccountModel): CoverageFacts {
  const refs = account.criteria.map((c) => account.positionAt(c.span.start));
  const cues: CoverageFacts['cues'] = [];
  // The prose has front matter, code and tutor comments blanked, so cues are the learner's own words.
  const start = account.frontMatter?.span.end ?? 0;
  const body = start ? account.prose.slice(start) : account.prose;
  for (const [family, re] of cueRegexes()) {
    const m = re.exec(body);
    if (m) cues.push({ family, text: m[0].replace(/\s+/g, ' '), line: account.positionAt(start + m.index).line });
  }
  return { refs, cues };
}
