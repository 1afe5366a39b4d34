// Outcome claims and measures in a Result: what missing-outcome-measure reports, and what generic-language
// leaves to it there (one finding per phrase).
import type { AccountModel, Section, Span } from '../../core/types';
import { spanContains } from '../../core/text';
import { eachWordMatch, sentenceAround, upTo } from './text';

// Evidence of a measure: a figure, money, a percentage, a duration or date in words, a KPI, or quoted words.
const MEASURE = new RegExp(
  [
    // Any figure (97%, £40, 3 days, 14/03, 5/5); criterion references ("AC 2.3") are skipped in code.
    '\\d',
    '[£$€]',
    '\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half|a|an)\\s+(?:minutes?|hours?|days?|weeks?|months?|working\\s+days?)\\b',
    '\\b(?:per\\s*cent|percent)\\b',
    // "The same day" on its own only says when; against a promise or standard it is a measure.
    '\\b(?:within|by|inside)\\s+(?:the\\s+)?(?:same|next)\\s+(?:working\\s+)?day\\b',
    '\\b(?:same|next)[\\s-](?:working[\\s-])?day\\s+(?:delivery|fix|repair|response|resolution|replacement|refund|visit|service|standard|target|promise)\\b',
    '\\b(?:CSAT|NPS|FCR|SLAs?|KPIs?|AHT|CES)\\b',
    '\\b(?:first[\\s-]contact\\s+resolution|first[\\s-]time\\s+(?:fix|resolution)|net\\s+promoter|customer\\s+satisfaction\\s+score|satisfaction\\s+score|customer\\s+effort\\s+score|average\\s+handl(?:e|ing)\\s+time|response\\s+times?|resolution\\s+times?|complaints?\\s+(?:count|rate|log|figures?)|survey\\s+scores?|star\\s+rating|mystery\\s+shop(?:per)?\\s+scores?|on[\\s-]time\\s+(?:delivery|rate))\\b',
    // Quoted feedback: at least two words inside quotes.
    '["“][^"”\\n]*\\S\\s+\\S[^"”\\n]*["”]',
  ].join('|'),
  'gi',
);

const FIGURE = /[0-9£$€]/g;

// Outcome claims that need a figure or the customer's words behind them.
const CLAIM = new RegExp(
  [
    '(?:customer\\s+)?satisfaction\\s+(?:improved|increased|went\\s+up|rose|was\\s+(?:high|higher|better))',
    '(?:improved|increased|raised)\\s+(?:customer\\s+)?satisfaction',
    'complaints\\s+(?:went\\s+down|fell|dropped|decreased|reduced|were\\s+reduced|stopped)',
    '(?:reduced|fewer|less)\\s+complaints',
    'the\\s+(?:customer|client|partner)s?\\s+(?:was|were)\\s+(?:very\\s+|really\\s+|extremely\\s+)?(?:happy|pleased|satisfied|delighted|grateful|impressed)',
    'customers\\s+were\\s+(?:very\\s+|really\\s+)?(?:happy|pleased|satisfied|delighted)',
    '(?:service|performance|things|the\\s+process|response\\s+times?|the\\s+service|morale|quality)\\s+(?:improved|got\\s+better|was\\s+better)',
    '(?:positive|good|great|excellent)\\s+feedback',
    '(?:results|scores|figures|numbers)\\s+(?:were|was|got)\\s+(?:much\\s+|a\\s+lot\\s+|far\\s+)?(?:better|higher|improved)',
    'customers\\s+(?:seemed|were|felt)\\s+(?:much\\s+)?(?:happier|more\\s+satisfied)',
    'feedback\\s+was\\s+(?:very\\s+)?(?:positive|good|great|excellent)',
    'it\\s+was\\s+(?:a\\s+)?(?:big\\s+|great\\s+|real\\s+)?success(?:ful)?',
    '(?:everything|it\\s+all)\\s+went\\s+(?:really\\s+|very\\s+)?well',
  ].join('|'),
  // Tried only at word starts (eachWordMatch), so sticky.
  'iy',
);

/** Whether [start, end) of the prose holds a measure; digits of a criterion reference do not count. */
export function hasMeasure(account: AccountModel, start: number, end: number, refs: Span[]): boolean {
  const prose = upTo(account.prose, end);
  // A figure or currency sign outside a criterion reference settles it: MEASURE's first alternatives match
  // any such character the search reaches, and one swallowed by a longer match is a measure anyway.
  FIGURE.lastIndex = start;
  for (let m = FIGURE.exec(prose); m && m.index < end; m = FIGURE.exec(prose)) if (!spanContains(refs, m.index)) return true;
  let found = false;
  MEASURE.lastIndex = start;
  for (let m = MEASURE.exec(prose); m && m.index < end; m = MEASURE.exec(prose)) {
    const at = m.index;
    if (m[0].length === 1 && spanContains(refs, at)) continue;
    found = true;
    break;
  }
  return found;
}

/** Inline criterion references ("AC 3.3") of a section: they carry digits but are not measures. */
export function criterionRefs(account: AccountModel, s: Section): Span[] {
  return account.criteria.filter((c) => c.source === 'inline' && c.span.start >= s.body.start && c.span.start < s.body.end).map((c) => c.span);
}

/** Each outcome claim of section `s` whose sentence holds no measure. */
export function eachUnmeasuredClaim(account: AccountModel, s: Section, refs: Span[], cb: (m: RegExpExecArray) => void): void {
  eachWordMatch(account, CLAIM, s.body.start, s.body.end, (m) => {
    const sentence = sentenceAround(account.prose, m.index, m.index + m[0].length, s.body.start, s.body.end);
    if (!hasMeasure(account, sentence.start, sentence.end, refs)) cb(m);
  });
}

/** Whether an unmeasured claim of section `s` overlaps [start, end): only the sentence around it is read. */
export function unmeasuredClaimOverlaps(account: AccountModel, s: Section, refs: Span[], start: number, end: number): boolean {
  const sentence = sentenceAround(account.prose, start, end, s.body.start, s.body.end);
  let found = false;
  eachWordMatch(account, CLAIM, sentence.start, Math.min(end, s.body.end), (m) => {
    if (m.index + m[0].length > start) found = true;
  });
  return found && !hasMeasure(account, sentence.start, sentence.end, refs);
}
